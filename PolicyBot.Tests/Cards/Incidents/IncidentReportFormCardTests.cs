using PolicyBot.Cards;
using PolicyBot.Cards.Incidents;

namespace PolicyBot.Tests.Cards.Incidents;

public sealed class IncidentReportFormCardTests
{
    [Fact]
    public void The_form_asks_category_what_when_where_who_and_urgency()
    {
        var card = new CardInspector(IncidentReportFormCard.Build(new IncidentReportFormCardData("oakfield")));

        card.InputIds().Should().Equal(InputIds.IncidentCategory, InputIds.IncidentWhat, InputIds.IncidentWhen,
            InputIds.IncidentWhere, InputIds.IncidentPeople, InputIds.IncidentUrgent);
        card.Input(InputIds.IncidentCategory).GetProperty("choices").EnumerateArray().Select(c => c.GetProperty("value").GetString())
            .Should().Equal(Enum.GetNames<IncidentCategory>());
        card.Button(Verbs.IncidentSubmit).GetProperty("associatedInputs").GetString().Should().Be("auto");
    }

    [Fact]
    public void What_to_do_in_an_emergency_comes_before_the_form()
    {
        var texts = new CardInspector(IncidentReportFormCard.Build(new IncidentReportFormCardData("oakfield"))).Texts();

        texts.ToList().IndexOf(CardText.ImmediateDangerAdvice).Should().BeInRange(0, 3);
    }

    [Fact]
    public void A_refused_form_keeps_what_was_typed()
    {
        var draft = new IncidentDraft(IncidentCategory.StaffConduct, "Saw a post", new DateOnly(2026, 11, 2), "Facebook", null, true);
        var card = new CardInspector(IncidentReportFormCard.Build(new IncidentReportFormCardData("oakfield", draft, "Please say when.")));

        card.Input(InputIds.IncidentCategory).GetProperty("value").GetString().Should().Be("StaffConduct");
        card.Input(InputIds.IncidentWhat).GetProperty("value").GetString().Should().Be("Saw a post");
        card.Input(InputIds.IncidentWhen).GetProperty("value").GetString().Should().Be("2026-11-02");
        card.Input(InputIds.IncidentUrgent).GetProperty("value").GetString().Should().Be("true");
    }
}
