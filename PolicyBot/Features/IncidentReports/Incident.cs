using PolicyBot.Cards;
using PolicyBot.Cards.Incidents;

namespace PolicyBot.Features.IncidentReports;

/// <summary>Someone acting on a report: Entra object id and display name (from the verified activity).</summary>
public sealed record Actor(string Id, string Name);

/// <summary>One line of a report's history as the DSL team sees it: never more than a short label and a name.</summary>
public sealed record IncidentEvent(DateTimeOffset At, string ByName, string What);

/// <summary>What a DSL can do to a report; each is one card verb.</summary>
public enum IncidentAction { Acknowledge, Assign, Escalate, Close }

/// <summary>
/// A reported concern and its handling by the DSL team. The details (what happened, where, who) live only here and
/// in the DSL team's cards. Transitions are pure: they return the next state or say why not, and the handler stores
/// the result with one conditional write. <see cref="Revision"/> goes up with every change; the inbox card carries
/// it, so a click on a card that shows an older revision is recognised as stale.
/// </summary>
public sealed record Incident(
    string IncidentId,
    string SchoolId,
    string TenantId,
    string Reference,
    IncidentCategory Category,
    string WhatHappened,
    DateOnly? HappenedOn,
    string? Where,
    string? PeopleInvolved,
    bool Urgent,
    Actor ReportedBy,
    DateTimeOffset ReportedAt,
    IReadOnlyList<IncidentEvent> History,
    IncidentState State = IncidentState.New,
    int Revision = 1,
    DateTimeOffset? UpdatedAt = null,
    Actor? AssignedTo = null,
    EscalationTarget? EscalatedTo = null,
    string? EscalationNote = null,
    string? Outcome = null,
    DateTimeOffset? ClosedAt = null)
{
    public const int MaxWhatHappenedLength = 4000;
    public const int MaxWhereLength = 200;
    public const int MaxPeopleInvolvedLength = 1000;
    public const int MaxNoteLength = 1000;
    public const int MaxOutcomeLength = 2000;
    public const int MaxNameLength = 100;
    /// <summary>History lines kept (the card shows the last 12); with <see cref="MaxEventLength"/> the stored history stays far below 64 KiB.</summary>
    public const int MaxHistory = 50;
    public const int MaxEventLength = 300;

    /// <summary>A new report, as the reporter sent it.</summary>
    public static Incident Report(string incidentId, string schoolId, string tenantId, string reference, ValidReport report, Actor reporter, DateTimeOffset at)
    {
        var name = string.IsNullOrWhiteSpace(reporter.Name) ? "A member of staff" : Clip(reporter.Name.Trim(), MaxNameLength);
        return new(incidentId, schoolId, tenantId, reference, report.Category, report.WhatHappened, report.HappenedOn, report.Where, report.PeopleInvolved,
            report.Urgent, reporter with { Name = name }, at, [new IncidentEvent(at, name, "reported")]);
    }

    /// <summary>
    /// Which actions each state allows. The inbox card shows exactly these buttons (a test holds the two together):
    /// a new report can be acknowledged or handled straight away; an open one assigned, escalated or closed; an
    /// escalated one assigned or closed (it is already with the right people); a closed one nothing.
    /// </summary>
    public static bool Allows(IncidentState state, IncidentAction action) => (state, action) switch
    {
        (IncidentState.New, _) => true,
        (IncidentState.Acknowledged or IncidentState.Assigned, IncidentAction.Assign or IncidentAction.Escalate or IncidentAction.Close) => true,
        (IncidentState.Escalated, IncidentAction.Assign or IncidentAction.Close) => true,
        _ => false,
    };

    public bool IsOpen => State != IncidentState.Closed;

    public IncidentTransition Acknowledge(Actor by, DslTeam team, DateTimeOffset at)
    {
        if (Check(by, team, IncidentAction.Acknowledge) is { } refusal)
            return IncidentTransition.Refused(refusal);
        return IncidentTransition.To(Next(by, at, "acknowledged") with { State = IncidentState.Acknowledged });
    }

    public IncidentTransition Assign(Actor by, DslTeam team, string? assigneeId, DateTimeOffset at)
    {
        if (Check(by, team, IncidentAction.Assign) is { } refusal)
            return IncidentTransition.Refused(refusal);
        if (team.Find(assigneeId) is not { } assignee)
            return IncidentTransition.Refused(IncidentRefusal.AssigneeNotInTeam);
        return IncidentTransition.To(Next(by, at, "assigned to " + assignee.Name) with
        {
            State = IncidentState.Assigned,
            AssignedTo = new Actor(assignee.UserId, Clip(assignee.Name, MaxNameLength)),
        });
    }

    public IncidentTransition Escalate(Actor by, DslTeam team, EscalationTarget target, string? note, DateTimeOffset at)
    {
        if (Check(by, team, IncidentAction.Escalate) is { } refusal)
            return IncidentTransition.Refused(refusal);
        if (!Enum.IsDefined(target))
            return IncidentTransition.Refused(IncidentRefusal.UnknownEscalationTarget);
        var text = note?.Trim() ?? "";
        if (text.Length == 0)
            return IncidentTransition.Refused(IncidentRefusal.EmptyNote);
        if (text.Length > MaxNoteLength)
            return IncidentTransition.Refused(IncidentRefusal.NoteTooLong);
        return IncidentTransition.To(Next(by, at, $"escalated to {CardText.EscalationLabel(target)}: {text}") with
        {
            State = IncidentState.Escalated,
            EscalatedTo = target,
            EscalationNote = text,
        });
    }

    public IncidentTransition Close(Actor by, DslTeam team, string? outcome, DateTimeOffset at)
    {
        if (Check(by, team, IncidentAction.Close) is { } refusal)
            return IncidentTransition.Refused(refusal);
        var text = outcome?.Trim() ?? "";
        if (text.Length == 0)
            return IncidentTransition.Refused(IncidentRefusal.EmptyOutcome);
        if (text.Length > MaxOutcomeLength)
            return IncidentTransition.Refused(IncidentRefusal.OutcomeTooLong);
        return IncidentTransition.To(Next(by, at, "closed") with { State = IncidentState.Closed, Outcome = text, ClosedAt = at });
    }

    IncidentRefusal? Check(Actor by, DslTeam team, IncidentAction action)
    {
        if (!team.Contains(by.Id))
            return IncidentRefusal.NotDslTeam;
        if (!Allows(State, action))
            return IncidentRefusal.WrongState;
        return null;
    }

    Incident Next(Actor by, DateTimeOffset at, string what) => this with
    {
        Revision = Revision + 1,
        UpdatedAt = at,
        History = [.. History.TakeLast(MaxHistory - 1), new IncidentEvent(at, Clip(by.Name, MaxNameLength), Clip(what, MaxEventLength))],
    };

    internal static string Clip(string? text, int max) => text is null ? "" : text.Length <= max ? text : text[..max];
}

public enum IncidentRefusal
{
    /// <summary>Only the school's DSL and deputy DSLs act on reports.</summary>
    NotDslTeam,
    /// <summary>The action is not one the report's state allows (its card shows no such button).</summary>
    WrongState,
    AssigneeNotInTeam,
    UnknownEscalationTarget,
    EmptyNote,
    NoteTooLong,
    EmptyOutcome,
    OutcomeTooLong,
}

public sealed record IncidentTransition(Incident? Next, IncidentRefusal? Refusal)
{
    public static IncidentTransition To(Incident next) => new(next, null);
    public static IncidentTransition Refused(IncidentRefusal refusal) => new(null, refusal);
}
