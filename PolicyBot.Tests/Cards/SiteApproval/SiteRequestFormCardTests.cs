using PolicyBot.Cards;
using PolicyBot.Cards.SiteApproval;

namespace PolicyBot.Tests.Cards.SiteApproval;

public sealed class SiteRequestFormCardTests
{
    static readonly SiteRequestFormCardData Form = new("oakfield", "Oakfield Primary School", CardSamples.OakfieldSiteFields);

    [Fact]
    public void Each_configured_field_becomes_one_input_of_its_kind_under_its_id()
    {
        var card = new CardInspector(SiteRequestFormCard.Build(Form));

        card.InputIds().Should().Equal(CardSamples.OakfieldSiteFields.Select(f => f.Id));
        card.Input("platform").GetProperty("type").GetString().Should().Be("Input.ChoiceSet");
        card.Input("purpose").GetProperty("isMultiline").GetBoolean().Should().BeTrue();
        card.Input("photoConsent").GetProperty("type").GetString().Should().Be("Input.Toggle");
        card.Input("startDate").GetProperty("type").GetString().Should().Be("Input.Date");
    }

    [Fact]
    public void Required_fields_are_checked_on_the_client_with_a_label_and_a_message()
    {
        var card = new CardInspector(SiteRequestFormCard.Build(Form));

        foreach (var field in CardSamples.OakfieldSiteFields.Where(f => f.Required))
        {
            var input = card.Input(field.Id);
            input.GetProperty("isRequired").GetBoolean().Should().BeTrue(field.Id);
            input.GetProperty("label").GetString().Should().NotBeNullOrEmpty();
            input.GetProperty("errorMessage").GetString().Should().NotBeNullOrEmpty();
        }
        var submit = card.Button(Verbs.SiteSubmit);
        submit.GetProperty("associatedInputs").GetString().Should().Be("auto");
        submit.GetProperty("data").GetProperty("school").GetString().Should().Be("oakfield");
    }

    [Fact]
    public void A_refused_form_keeps_the_answers_and_says_what_to_fix()
    {
        var values = new Dictionary<string, string> { ["platform"] = "Padlet", ["moderator"] = "Ravi Patel", ["passwordsHeld"] = "true" };
        var card = new CardInspector(SiteRequestFormCard.Build(Form with { Values = values, Problem = "Please give a start date." }));

        card.Input("platform").GetProperty("value").GetString().Should().Be("Padlet");
        card.Input("moderator").GetProperty("value").GetString().Should().Be("Ravi Patel");
        card.Input("passwordsHeld").GetProperty("value").GetString().Should().Be("true");
        card.Texts().Should().Contain("Please give a start date.");
    }

    [Theory]
    [InlineData("verb")]
    [InlineData("School")]
    [InlineData("has space")]
    public void A_field_id_that_would_clash_with_the_card_data_is_refused(string id)
    {
        var act = () => SiteRequestFormCard.Build(Form with { Fields = [new FormField(id, "Label", FormFieldKind.Text)] });

        act.Should().Throw<ArgumentException>().WithMessage($"*{id}*");
    }

    [Fact]
    public void A_field_used_twice_or_a_choice_without_choices_is_refused()
    {
        var twice = () => SiteRequestFormCard.Build(Form with { Fields = [new FormField("a", "A", FormFieldKind.Text), new FormField("A", "B", FormFieldKind.Text)] });
        var noChoices = () => SiteRequestFormCard.Build(Form with { Fields = [new FormField("platform", "Platform", FormFieldKind.Choice)] });

        twice.Should().Throw<ArgumentException>().WithMessage("*used twice*");
        noChoices.Should().Throw<ArgumentException>().WithMessage("*no choices*");
    }
}
