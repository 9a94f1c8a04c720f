using PolicyBot.Cards.AdaptiveCards;

namespace PolicyBot.Cards;

public enum HelpTopic { Overview, Ask, SiteRequest, ReportConcern }

/// <summary>What PolicyBot does and how to use it; each topic button updates the card in place.</summary>
public static class HelpCard
{
    public static AdaptiveCard Build(string schoolName, HelpTopic topic = HelpTopic.Overview)
    {
        var body = new List<CardElement>
        {
            new TextBlock($"PolicyBot for {schoolName}") { Size = TextSize.Medium, Weight = TextWeight.Bolder },
            new TextBlock(TopicText(topic)),
        };
        var actions = Enum.GetValues<HelpTopic>()
            .Where(t => t != topic)
            .Select(t => (CardAction)ExecuteAction.WithSubmitFallback(TopicTitle(t), Verbs.HelpTopic, new CardActionData { Arg = t.ToString() }))
            .ToList();
        return new AdaptiveCard { Body = body, Actions = actions, FallbackText = TopicText(topic) };
    }

    static string TopicTitle(HelpTopic topic) => topic switch
    {
        HelpTopic.Ask => "Asking a question",
        HelpTopic.SiteRequest => "Requesting a school site",
        HelpTopic.ReportConcern => "Reporting a concern",
        _ => "Overview",
    };

    static string TopicText(HelpTopic topic) => topic switch
    {
        HelpTopic.Ask =>
            "Type your question in your own words, for example \"can I accept a friend request from a parent?\". " +
            "I answer from your school's social media policy, quote the clause and tell you what to do next. " +
            "If the policy does not cover it I say so and can pass your question to a person.",
        HelpTopic.SiteRequest =>
            "To open an official school social media site or account, type \"new site request\". " +
            "You fill in the form your school's policy asks for and the approvers decide on it.",
        HelpTopic.ReportConcern =>
            "To report a social media incident or a safeguarding concern, type \"report a concern\". " +
            "Only your school's safeguarding team sees what you report.",
        _ =>
            "I answer questions about your school's staff social media policy. " +
            "Ask me anything, or choose a topic below.",
    };
}
