using PolicyBot.Cards.AdaptiveCards;
using static PolicyBot.Cards.CardParts;

namespace PolicyBot.Cards.Ask;

/// <summary>Confirms to the asker that their question went to a person, and what happens next.</summary>
public static class AskPersonSentCard
{
    public static AdaptiveCard Build(AskPersonSentCardData data)
    {
        ArgumentNullException.ThrowIfNull(data);
        var sentTo = CardText.Plain(data.SentTo, 100);
        return new AdaptiveCard
        {
            Body =
            [
                Heading(CardText.QuestionSent),
                Text(CardText.QuestionSentTo(sentTo)),
                Subtle(CardText.YouAsked(CardText.Plain(data.Question, 300))),
            ],
            FallbackText = CardText.QuestionSentTo(sentTo),
            MsTeams = new TeamsCardProperties(),
        };
    }
}
