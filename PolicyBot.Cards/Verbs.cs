namespace PolicyBot.Cards;

/// <summary>
/// Every verb a PolicyBot card can send. The bot routes on these constants, one feature handler per verb.
/// Card data carries ids (record, school, version) with the verb, never authority: who may act is decided
/// on the server from the verified activity.
/// </summary>
public static class Verbs
{
    public const string HelpTopic = "help.topic";

    /// <summary>Re-fetches the user-specific view of a card (Universal Actions <c>refresh</c>).</summary>
    public const string Refresh = "card.refresh";

    public const string AnswerFeedback = "answer.feedback";
    public const string AnswerAskPerson = "answer.askPerson";
    public const string AskPersonReply = "askPerson.reply";

    /// <summary>Opens the site request form.</summary>
    public const string SiteNew = "site.new";
    public const string SiteSubmit = "site.submit";
    public const string SiteApprove = "site.approve";
    public const string SiteReject = "site.reject";
    public const string SiteWithdraw = "site.withdraw";
    /// <summary>Sends the live card of one site request (from "pending approvals").</summary>
    public const string SiteShow = "site.show";

    /// <summary>Opens the incident report form.</summary>
    public const string IncidentNew = "incident.new";
    public const string IncidentSubmit = "incident.submit";
    public const string IncidentAcknowledge = "incident.acknowledge";
    public const string IncidentAssign = "incident.assign";
    public const string IncidentEscalate = "incident.escalate";
    public const string IncidentClose = "incident.close";
    /// <summary>Sends the DSL inbox card of one report (from the incident log).</summary>
    public const string IncidentShow = "incident.show";

    public const string MyRequests = "requests.mine";
}
