using PolicyBot.Cards.AdaptiveCards;
using static PolicyBot.Cards.CardParts;

namespace PolicyBot.Cards.Ask;

/// <summary>Sent to the person who asked: the reply to their question and who gave it.</summary>
public static class AskPersonReplyCard
{
    public static AdaptiveCard Build(AskPersonReplyCardData data)
    {
        ArgumentNullException.ThrowIfNull(data);
        var answeredBy = CardText.Plain(data.Reply.AnsweredBy, 100);
        return new AdaptiveCard
        {
            Body =
            [
                Heading(CardText.YourQuestionAnswered),
                Subtle(CardText.YouAsked(CardText.Plain(data.Question, 300))),
                new Container([Untrusted(data.Reply.Text, 2000)]) { Style = ContainerStyle.Emphasis, Spacing = CardSpacing.Medium },
                Subtle(CardText.AnsweredByAt(answeredBy, CardText.When(data.Reply.AnsweredAt))),
            ],
            FallbackText = CardText.ReplyFallback(answeredBy),
            MsTeams = new TeamsCardProperties(),
        };
    }
}
