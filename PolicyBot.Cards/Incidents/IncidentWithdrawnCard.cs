using PolicyBot.Cards.AdaptiveCards;
using static PolicyBot.Cards.CardParts;

namespace PolicyBot.Cards.Incidents;

/// <summary>
/// What a report's copy in a former DSL team member's chat is replaced with: the reference they already had and
/// why it is gone; none of the details, the history or the actions.
/// </summary>
public static class IncidentWithdrawnCard
{
    public static AdaptiveCard Build(string reference, string schoolName)
    {
        var plainReference = CardText.Plain(reference, 40);
        return new AdaptiveCard
        {
            Body =
            [
                Badge(CardText.NoLongerShownHere, ContainerStyle.Emphasis, TextColor.Default),
                Text(CardText.WithdrawnFromYou(plainReference, CardText.Plain(schoolName, 100))),
                Subtle(CardText.WithdrawnWhatToDo),
            ],
            FallbackText = CardText.WithdrawnFromYou(plainReference, CardText.Plain(schoolName, 100)),
            MsTeams = new TeamsCardProperties(),
        };
    }
}
