using PolicyBot.Cards;

namespace PolicyBot.Tests.Cards.Common;

public sealed class WelcomeAndHelpCardTests
{
    [Fact]
    public void Help_offers_every_other_topic()
    {
        var card = new CardInspector(HelpCard.Build("Oakfield", HelpTopic.Ask));

        card.Buttons().Select(b => b.GetProperty("data").GetProperty("arg").GetString())
            .Should().BeEquivalentTo([nameof(HelpTopic.Overview), nameof(HelpTopic.SiteRequest), nameof(HelpTopic.ReportConcern)]);
        card.Texts().Should().Contain(CardText.HelpTopicText(HelpTopic.Ask));
    }

    [Fact]
    public void A_school_name_with_markup_is_shown_as_text()
    {
        var card = new CardInspector(WelcomeCard.Build("[Oakfield](https://evil.example)"));

        card.AllText().Should().NotContain("](");
    }
}
