namespace PolicyBot.Cards;

/// <summary>
/// Ids of the inputs PolicyBot's cards send back. Handlers read the submitted values by these names;
/// they never collide with the keys of <see cref="AdaptiveCards.CardActionData"/>.
/// </summary>
public static class InputIds
{
    public const string AskPersonReply = "replyText";

    public const string ApprovalComment = "approvalComment";
    public const string RejectionReason = "rejectionReason";

    public const string IncidentCategory = "incidentCategory";
    public const string IncidentWhat = "incidentWhat";
    public const string IncidentWhen = "incidentWhen";
    public const string IncidentWhere = "incidentWhere";
    public const string IncidentPeople = "incidentPeople";
    public const string IncidentUrgent = "incidentUrgent";

    public const string AssignTo = "assignTo";
    public const string EscalateTo = "escalateTo";
    public const string EscalateNote = "escalateNote";
    public const string CloseOutcome = "closeOutcome";

    /// <summary>Keys of the action data; a school's form field may not use them as its id.</summary>
    public static readonly IReadOnlySet<string> Reserved =
        new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "verb", "id", "school", "arg", "version", "msteams", "action", "type" };
}
