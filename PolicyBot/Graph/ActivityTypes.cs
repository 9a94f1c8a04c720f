namespace PolicyBot.Graph;

/// <summary>
/// The activity types declared in the Teams app manifest (manifest/manifest.template.json, activities.activityTypes).
/// Graph refuses a type the manifest does not declare, so these names and templates must match it exactly
/// (a test reads the manifest to keep them in step).
/// </summary>
public static class ActivityTypes
{
    public const string ApprovalRequested = "approvalRequested";
    public const string ApprovalDecided = "approvalDecided";
    public const string IncidentReported = "incidentReported";
    public const string IncidentAssigned = "incidentAssigned";
    public const string IncidentEscalated = "incidentEscalated";
    public const string IncidentStatusChanged = "incidentStatusChanged";
    public const string AskPersonQuestion = "askPersonQuestion";
    public const string AskPersonAnswered = "askPersonAnswered";
    public const string AcknowledgementRequested = "acknowledgementRequested";
    public const string Reminder = "reminder";

    /// <summary>Each type's <c>templateText</c>, as the manifest declares it. Teams fills the braces from the template parameters.</summary>
    public static IReadOnlyDictionary<string, string> Templates { get; } = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        [ApprovalRequested] = "{requester} asked you to approve {siteName}",
        [ApprovalDecided] = "Your request for {siteName} was {decision}",
        [IncidentReported] = "New concern reported: {reference}",
        [IncidentAssigned] = "Concern {reference} was assigned to you",
        [IncidentEscalated] = "Concern {reference} was escalated to {role}",
        [IncidentStatusChanged] = "Your concern {reference} is now {status}",
        [AskPersonQuestion] = "{asker} asked a question for {role}",
        [AskPersonAnswered] = "{answerer} answered your question",
        [AcknowledgementRequested] = "Please read and acknowledge {policyName}",
        [Reminder] = "Reminder: {item} is waiting for you",
    };

    public static IReadOnlyCollection<string> All => (IReadOnlyCollection<string>)Templates.Keys;

    /// <summary>Safeguarding notifications: their text is fixed by the type and the reference, and it is never logged.</summary>
    public static bool IsIncident(string activityType) => activityType is IncidentReported or IncidentAssigned or IncidentEscalated or IncidentStatusChanged;
}
