using PolicyBot.Cards.AdaptiveCards;
using static PolicyBot.Cards.CardParts;

namespace PolicyBot.Cards;

public enum HelpTopic { Overview, Ask, SiteRequest, ReportConcern }

/// <summary>What PolicyBot does and how to use it; each topic button updates the card in place.</summary>
public static class HelpCard
{
    public static AdaptiveCard Build(string schoolName, HelpTopic topic = HelpTopic.Overview)
    {
        var body = new List<CardElement>
        {
            Heading(CardText.HelpHeading(CardText.Plain(schoolName, 120))),
            Text(CardText.HelpTopicText(topic)),
        };
        // The topic's own next step on a row of its own (on a phone, one tap instead of typing the command), then the other topics.
        if (topic == HelpTopic.SiteRequest)
            body.Add(Buttons(Execute(CardText.RequestSite, Verbs.SiteNew, new CardActionData(), "positive")));
        if (topic == HelpTopic.ReportConcern)
            body.Add(Buttons(Execute(CardText.ReportConcern, Verbs.IncidentNew, new CardActionData(), "positive")));
        body.Add(Buttons(Enum.GetValues<HelpTopic>()
            .Where(t => t != topic)
            .Select(t => (CardAction)Execute(CardText.HelpTopicTitle(t), Verbs.HelpTopic, new CardActionData { Arg = t.ToString() }))));
        return new AdaptiveCard { Body = body, FallbackText = CardText.HelpTopicText(topic), MsTeams = new TeamsCardProperties() };
    }
}
