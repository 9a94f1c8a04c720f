using PolicyBot.Cards;
using PolicyBot.Cards.Incidents;

namespace PolicyBot.Tests.Cards.Incidents;

public sealed class IncidentLogCardTests
{
    [Fact]
    public void Urgent_reports_come_first_then_the_oldest()
    {
        var log = new IncidentLogCardData("oakfield",
        [
            new("inc-new", "INC-3", IncidentCategory.Other, IncidentState.New, false, new DateTimeOffset(2026, 11, 20, 9, 0, 0, TimeSpan.Zero)),
            new("inc-old", "INC-1", IncidentCategory.Other, IncidentState.Acknowledged, false, new DateTimeOffset(2026, 11, 1, 9, 0, 0, TimeSpan.Zero)),
            new("inc-urgent", "INC-2", IncidentCategory.ChildSafetyConcern, IncidentState.New, true, new DateTimeOffset(2026, 11, 10, 9, 0, 0, TimeSpan.Zero)),
        ], 0);
        var card = new CardInspector(IncidentLogCard.Build(log));

        card.Buttons().Select(b => b.GetProperty("data").GetProperty("id").GetString()).Should().Equal("inc-urgent", "inc-old", "inc-new");
        card.Verbs().Should().OnlyContain(v => v == Verbs.IncidentShow);
        card.Texts().Should().Contain("INC-2 · Urgent · New");
    }
}
