namespace PolicyBot.Cards.Incidents;

/// <summary>What kind of concern was reported; stored by name, counted in the governors' report.</summary>
public enum IncidentCategory
{
    InappropriateContactFromPupil,
    OnlineAbuseOfStaff,
    ChildSafetyConcern,
    StaffConduct,
    PostedWithoutConsent,
    Other,
}

/// <summary>Where a report is in the DSL team's hands.</summary>
public enum IncidentState { New, Acknowledged, Assigned, Escalated, Closed }

/// <summary>Who a DSL can escalate to.</summary>
public enum EscalationTarget { Headteacher, Lado, ChildrensSocialCare, Police }

/// <summary>The report form.</summary>
/// <param name="Draft">Earlier answers, to show the form again after the server refused it.</param>
/// <param name="Problem">Why the server refused the last submission (trusted text from the handler).</param>
public sealed record IncidentReportFormCardData(string SchoolId, IncidentDraft? Draft = null, string? Problem = null);

/// <summary>What someone typed into the report form.</summary>
public sealed record IncidentDraft(
    IncidentCategory? Category = null,
    string? WhatHappened = null,
    DateOnly? HappenedOn = null,
    string? Where = null,
    string? PeopleInvolved = null,
    bool Urgent = false);

/// <summary>
/// What the reporter sees: a reference and a status. Deliberately no details, so a forwarded or
/// glanced-at card reveals nothing about the concern.
/// </summary>
public sealed record IncidentReceiptCardData(string Reference, IncidentState State, DateTimeOffset ReportedAt, DateTimeOffset? UpdatedAt = null);

/// <summary>A member of the DSL team who can be assigned a report.</summary>
/// <param name="UserId">Entra object id (the server checks it is in the team before assigning).</param>
public sealed record DslMember(string UserId, string Name);

/// <summary>One thing that happened to a report, for the DSL's history.</summary>
public sealed record IncidentHistoryEntry(DateTimeOffset At, string By, string What);

/// <summary>The DSL inbox card: the whole report and its handling. Only ever sent to the DSL team.</summary>
/// <param name="Version">The stored record's version (ETag); a click on a stale card is recognised.</param>
/// <param name="RefreshUserIds">Entra object ids of the DSL team, so every copy stays current (at most 60 used).</param>
public sealed record IncidentInboxCardData(
    string IncidentId,
    string SchoolId,
    string Version,
    string Reference,
    IncidentCategory Category,
    bool Urgent,
    string ReportedBy,
    DateTimeOffset ReportedAt,
    string WhatHappened,
    DateOnly? HappenedOn,
    string? Where,
    string? PeopleInvolved,
    IncidentState State,
    IReadOnlyList<DslMember> Team,
    IReadOnlyList<IncidentHistoryEntry> History,
    IReadOnlyList<string> RefreshUserIds,
    string? AssignedTo = null,
    EscalationTarget? EscalatedTo = null,
    string? Outcome = null,
    string? EscalationNote = null);
