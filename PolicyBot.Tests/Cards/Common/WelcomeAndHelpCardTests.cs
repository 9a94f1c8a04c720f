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

    [Theory]
    [InlineData(HelpTopic.SiteRequest, Verbs.SiteNew)]
    [InlineData(HelpTopic.ReportConcern, Verbs.IncidentNew)]
    public void Help_on_a_job_starts_it_with_one_tap(HelpTopic topic, string verb)
    {
        var card = new CardInspector(HelpCard.Build("Oakfield", topic));

        card.Buttons()[0].GetProperty("verb").GetString().Should().Be(verb);
        new CardInspector(HelpCard.Build("Oakfield", HelpTopic.Ask)).Buttons()
            .Should().NotContain(b => b.GetProperty("verb").GetString() == verb, "help on asking starts nothing");
    }

    [Fact]
    public void A_school_name_with_markup_is_shown_as_text()
    {
        var card = new CardInspector(WelcomeCard.Build("[Oakfield](https://evil.example)"));

        card.AllText().Should().NotContain("](");
    }
}
