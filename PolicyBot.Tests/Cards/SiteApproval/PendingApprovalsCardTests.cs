using PolicyBot.Cards;
using PolicyBot.Cards.SiteApproval;

namespace PolicyBot.Tests.Cards.SiteApproval;

public sealed class PendingApprovalsCardTests
{
    [Fact]
    public void Each_waiting_request_opens_its_own_live_card()
    {
        var items = Enumerable.Range(1, 3)
            .Select(i => new PendingApproval($"site-{i}", $"SITE-2026-000{i}", $"Request {i}", "Ravi Patel", "Deputy Head", DateTimeOffset.UnixEpoch))
            .ToList();
        var card = new CardInspector(PendingApprovalsCard.Build(new PendingApprovalsCardData("oakfield", items)));

        card.Buttons().Select(b => (b.GetProperty("verb").GetString(), b.GetProperty("data").GetProperty("id").GetString()))
            .Should().Equal((Verbs.SiteShow, "site-1"), (Verbs.SiteShow, "site-2"), (Verbs.SiteShow, "site-3"));
    }

    [Fact]
    public void A_long_list_is_cut_and_says_how_many_more()
    {
        var items = Enumerable.Range(1, 25)
            .Select(i => new PendingApproval($"site-{i}", $"SITE-{i}", $"Request {i}", "Ravi Patel", "Deputy Head", DateTimeOffset.UnixEpoch))
            .ToList();
        var card = new CardInspector(PendingApprovalsCard.Build(new PendingApprovalsCardData("oakfield", items)));

        card.Buttons().Should().HaveCount(10);
        card.Texts().Should().Contain("…and 15 more");
    }
}
