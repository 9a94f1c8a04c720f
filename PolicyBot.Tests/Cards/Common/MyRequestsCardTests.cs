using PolicyBot.Cards;
using PolicyBot.Cards.Incidents;
using PolicyBot.Cards.SiteApproval;

namespace PolicyBot.Tests.Cards.Common;

public sealed class MyRequestsCardTests
{
    [Fact]
    public void Site_requests_show_their_state_and_whose_turn_it_is()
    {
        var mine = new MyRequestsCardData("oakfield",
            [new MySiteRequest("SITE-2026-0007", "Class blog", SiteRequestState.Pending, DateTimeOffset.UnixEpoch, "Deputy Head")],
            [new MyIncident("INC-2026-0042", IncidentState.Escalated, DateTimeOffset.UnixEpoch)]);
        var card = new CardInspector(MyRequestsCard.Build(mine));

        card.Texts().Should().Contain(["SITE-2026-0007 · waiting for Deputy Head", "Class blog", "INC-2026-0042 · Being dealt with"]);
    }

    [Fact]
    public void With_nothing_yet_it_says_so_and_offers_both_ways_in()
    {
        var card = new CardInspector(MyRequestsCard.Build(new MyRequestsCardData("oakfield", [], [])));

        card.Texts().Should().Contain(CardText.NothingYet);
        card.Verbs().Should().Equal(Verbs.SiteNew, Verbs.IncidentNew);
    }
}
