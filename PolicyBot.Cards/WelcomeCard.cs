using PolicyBot.Cards.AdaptiveCards;

namespace PolicyBot.Cards;

/// <summary>Sent once when PolicyBot is installed for a person or a team.</summary>
public static class WelcomeCard
{
    public static AdaptiveCard Build(string schoolName) => new()
    {
        Body =
        [
            new TextBlock($"Hello from PolicyBot") { Size = TextSize.Medium, Weight = TextWeight.Bolder },
            new TextBlock($"I answer questions about {schoolName}'s staff social media policy, quoting the clause that applies."),
            new TextBlock("Try: \"can I accept a friend request from a parent?\"") { IsSubtle = true },
        ],
        Actions = [ExecuteAction.WithSubmitFallback("How to use PolicyBot", Verbs.HelpTopic, new CardActionData { Arg = nameof(HelpTopic.Overview) })],
        FallbackText = $"PolicyBot answers questions about {schoolName}'s staff social media policy.",
    };
}
