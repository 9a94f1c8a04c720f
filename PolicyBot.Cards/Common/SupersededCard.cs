using PolicyBot.Cards.AdaptiveCards;
using static PolicyBot.Cards.CardParts;

namespace PolicyBot.Cards.Common;

/// <summary>
/// What an older copy of a workflow's card turns into when a newer one is posted in the same chat (a reminder, a card
/// opened again): only that it is out of date. No details stay behind in the older message, and only the newest is
/// kept up to date.
/// </summary>
public static class SupersededCard
{
    public static AdaptiveCard Build() => new()
    {
        Body =
        [
            Subtle(CardText.OutOfDate),
            Text(CardText.CurrentCardIsBelow),
        ],
        FallbackText = CardText.CurrentCardIsBelow,
        MsTeams = new TeamsCardProperties(),
    };
}
