using System.Globalization;
using System.Text.Json;
using Azure;
using PolicyBot.Cards.AdaptiveCards;
using PolicyBot.Cards.Incidents;
using PolicyBot.Storage.Tables;

namespace PolicyBot.Features.IncidentReports;

/// <summary>
/// The state row of an <see cref="Incident"/> (table <c>Incidents</c>; partition = incident id, which also holds its
/// audit, outbox and card-copy rows). The only place a report's details are stored. Every text is clipped to the
/// record's stated maxima (at most 4,000 characters each, the history at most 50 short lines), well inside a table
/// string's 64 KiB.
/// </summary>
public sealed class IncidentEntity : ITableEntity
{
    public const string TableName = "Incidents";

    /// <summary>Text as itself, not <c>\uXXXX</c>: fifty lines of names and notes in any script stay well inside 64 KiB.</summary>
    static readonly JsonSerializerOptions HistoryJson = new() { Encoder = MinimalJsonEncoder.Instance };

    public string PartitionKey { get; set; } = "";
    public string RowKey { get; set; } = "";
    public DateTimeOffset? Timestamp { get; set; }
    public ETag ETag { get; set; }

    public string SchoolId { get; set; } = "";
    public string TenantId { get; set; } = "";
    public string Reference { get; set; } = "";
    public IncidentCategory Category { get; set; }
    public string WhatHappened { get; set; } = "";
    /// <summary>yyyy-MM-dd.</summary>
    public string? HappenedOn { get; set; }
    public string? Where { get; set; }
    public string? PeopleInvolved { get; set; }
    public bool Urgent { get; set; }
    public string ReportedBy { get; set; } = "";
    public string ReportedByName { get; set; } = "";
    public DateTimeOffset ReportedAt { get; set; }
    public IncidentState State { get; set; }
    public int Revision { get; set; }
    public DateTimeOffset? UpdatedAt { get; set; }
    public string? AssignedTo { get; set; }
    public string? AssignedToName { get; set; }
    public EscalationTarget? EscalatedTo { get; set; }
    public string? EscalationNote { get; set; }
    public string? Outcome { get; set; }
    public DateTimeOffset? ClosedAt { get; set; }
    /// <summary>The history as JSON (<see cref="IncidentEvent"/>s).</summary>
    public string History { get; set; } = "[]";
    /// <summary>When the DSL team was reminded that the report waits for acknowledgement (once per report).</summary>
    public DateTimeOffset? ReminderSentAt { get; set; }

    public Incident ToRecord() => new(
        PartitionKey, SchoolId, TenantId, Reference, Category, WhatHappened,
        HappenedOn is { } day && DateOnly.TryParseExact(day, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed) ? parsed : null,
        Where, PeopleInvolved, Urgent, new Actor(ReportedBy, ReportedByName), ReportedAt,
        JsonSerializer.Deserialize<List<IncidentEvent>>(History) ?? [],
        State, Revision, UpdatedAt,
        AssignedTo is null ? null : new Actor(AssignedTo, AssignedToName ?? ""),
        EscalatedTo, EscalationNote, Outcome, ClosedAt);

    /// <summary>The record as a row; <paramref name="reminderSentAt"/> carries over what the record does not hold.</summary>
    public static IncidentEntity From(Incident incident, DateTimeOffset? reminderSentAt = null) => new()
    {
        PartitionKey = incident.IncidentId,
        SchoolId = incident.SchoolId,
        TenantId = incident.TenantId,
        Reference = incident.Reference,
        Category = incident.Category,
        WhatHappened = Incident.Clip(incident.WhatHappened, Incident.MaxWhatHappenedLength),
        HappenedOn = incident.HappenedOn?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        Where = Clip(incident.Where, Incident.MaxWhereLength),
        PeopleInvolved = Clip(incident.PeopleInvolved, Incident.MaxPeopleInvolvedLength),
        Urgent = incident.Urgent,
        ReportedBy = incident.ReportedBy.Id,
        ReportedByName = Incident.Clip(incident.ReportedBy.Name, Incident.MaxNameLength),
        ReportedAt = incident.ReportedAt,
        State = incident.State,
        Revision = incident.Revision,
        UpdatedAt = incident.UpdatedAt,
        AssignedTo = incident.AssignedTo?.Id,
        AssignedToName = Clip(incident.AssignedTo?.Name, Incident.MaxNameLength),
        EscalatedTo = incident.EscalatedTo,
        EscalationNote = Clip(incident.EscalationNote, Incident.MaxNoteLength),
        Outcome = Clip(incident.Outcome, Incident.MaxOutcomeLength),
        ClosedAt = incident.ClosedAt,
        History = JsonSerializer.Serialize(incident.History.TakeLast(Incident.MaxHistory)
            .Select(e => e with { ByName = Incident.Clip(e.ByName, Incident.MaxNameLength), What = Incident.Clip(e.What, Incident.MaxEventLength) }), HistoryJson),
        ReminderSentAt = reminderSentAt,
    };

    static string? Clip(string? text, int max) => text is null ? null : Incident.Clip(text, max);
}
