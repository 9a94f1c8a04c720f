using PolicyBot.Cards.AdaptiveCards;
using static PolicyBot.Cards.CardParts;

namespace PolicyBot.Cards;

/// <summary>Sent once when PolicyBot is installed for a person or a team.</summary>
public static class WelcomeCard
{
    public static AdaptiveCard Build(string schoolName)
    {
        var school = CardText.Plain(schoolName, 120);
        return new AdaptiveCard
        {
            Body =
            [
                Heading(CardText.WelcomeHeading),
                Text(CardText.WelcomeIntro(school)),
                new TextBlock(CardText.WelcomeTry) { IsSubtle = true },
            ],
            Actions = [Execute(CardText.HowToUse, Verbs.HelpTopic, new CardActionData { Arg = nameof(HelpTopic.Overview) })],
            FallbackText = CardText.WelcomeFallback(school),
            MsTeams = new TeamsCardProperties(),
        };
    }
}
