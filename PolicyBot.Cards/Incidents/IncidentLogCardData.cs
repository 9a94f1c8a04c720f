namespace PolicyBot.Cards.Incidents;

/// <summary>One open report in the DSL team's log: enough to choose what to open, no details.</summary>
public sealed record IncidentLogEntry(
    string IncidentId,
    string Reference,
    IncidentCategory Category,
    IncidentState State,
    bool Urgent,
    DateTimeOffset ReportedAt,
    string? AssignedTo = null);

/// <summary>The DSL team's incident log: open reports, urgent and oldest first.</summary>
public sealed record IncidentLogCardData(string SchoolId, IReadOnlyList<IncidentLogEntry> Open, int ClosedThisTerm);
