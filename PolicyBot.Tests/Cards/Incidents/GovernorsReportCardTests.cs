using PolicyBot.Cards.Incidents;

namespace PolicyBot.Tests.Cards.Incidents;

public sealed class GovernorsReportCardTests
{
    [Fact]
    public void Counts_are_given_per_term_and_category_with_totals()
    {
        var report = new GovernorsReportCardData("Oakfield", "2025/26",
        [
            new("Autumn 2025", new Dictionary<IncidentCategory, int> { [IncidentCategory.OnlineAbuseOfStaff] = 2, [IncidentCategory.Other] = 1 }),
            new("Spring 2026", new Dictionary<IncidentCategory, int>()),
        ]);
        var card = new CardInspector(GovernorsReportCard.Build(report));

        card.Texts().Should().Contain(["Autumn 2025: 3 reports", "Spring 2026: 0 reports", "Year total: 3 reports"]);
        var facts = card.OfType("FactSet").Single().GetProperty("facts").EnumerateArray()
            .Select(f => $"{f.GetProperty("title").GetString()}={f.GetProperty("value").GetString()}");
        facts.Should().Equal("Online abuse of staff=2", "Something else=1");
    }
}
