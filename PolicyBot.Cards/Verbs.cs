namespace PolicyBot.Cards;

/// <summary>
/// Every verb a PolicyBot card can send. The bot routes on these constants, one feature handler per verb.
/// </summary>
public static class Verbs
{
    public const string HelpTopic = "help.topic";

    public const string AnswerFeedback = "answer.feedback";
    public const string AnswerShowSection = "answer.showSection";
    public const string AnswerAskPerson = "answer.askPerson";
    public const string AskPersonReply = "askPerson.reply";
    public const string Refresh = "card.refresh";
}
