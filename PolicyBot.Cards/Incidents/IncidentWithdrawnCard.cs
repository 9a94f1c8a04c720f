using PolicyBot.Cards.AdaptiveCards;
using static PolicyBot.Cards.CardParts;

namespace PolicyBot.Cards.Incidents;

/// <summary>
/// What a report's copy is replaced with in a chat that is no longer the DSL team's alone (the 1:1 chat of someone
/// taken out of the team, an inbox channel someone else has joined): the reference it already showed and why it is
/// gone; none of the details, the history or the actions.
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
