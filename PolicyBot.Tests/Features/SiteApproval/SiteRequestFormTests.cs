using PolicyBot.Cards;
using PolicyBot.Cards.SiteApproval;
using PolicyBot.Features.SiteApproval;
using PolicyBot.Schools;
using PolicyBot.Tests.Infrastructure;

namespace PolicyBot.Tests.Features.SiteApproval;

/// <summary>The submitted form is checked on the server: card data is untrusted, and nothing typed is lost on a refusal.</summary>
public sealed class SiteRequestFormTests
{
    static readonly DateOnly Today = new(2026, 11, 16);

    static readonly IReadOnlyList<FormField> Fields =
        new[] { "siteName", "platform", "purpose", "moderators", "parentalConsent", "closureDate", "siteAddress" }.Select(SiteFormFields.Get).ToList();

    static Dictionary<string, string> Valid() => new()
    {
        ["siteName"] = "Year 6 blog",
        ["platform"] = "Padlet",
        ["purpose"] = "Project work for parents to see.",
        ["moderators"] = "Ravi Patel and Amy Lewis",
        ["parentalConsent"] = "true",
        ["closureDate"] = "2027-07-20",
    };

    static SiteRequestForm Read(Dictionary<string, string> values) => SiteRequestForm.Read(Fields, id => values.GetValueOrDefault(id), Today);

    [Fact]
    public void A_complete_form_gives_the_answers_in_the_forms_order_with_their_labels()
    {
        var form = Read(Valid());

        form.Problem.Should().BeNull();
        form.Answers.Select(a => a.FieldId).Should().Equal("siteName", "platform", "purpose", "moderators", "parentalConsent", "closureDate");
        form.Answers.Single(a => a.FieldId == "parentalConsent").Should().Be(new SiteAnswer("parentalConsent", "Parental consent", "Yes"));
        form.Answers.Single(a => a.FieldId == "closureDate").Value.Should().Be("20 July 2027");
        SiteRequestForm.Summary(form.Answers, "SITE-2026-0001").Should().Be("Year 6 blog");
    }

    public static TheoryData<string, string?, string> Problems => new()
    {
        { "siteName", null, "Please fill in: Name of the site or account." },
        { "siteName", "   ", "Please fill in: Name of the site or account." },
        { "siteName", new string('x', SiteFormFields.MaxTextLength + 1), "please keep it to 200 characters" },
        { "siteName", "two\nlines", "please keep it to one line" },
        { "purpose", new string('x', SiteFormFields.MaxMultilineLength + 1), "please keep it to 2000 characters" },
        { "platform", "MySpace", "Platform: please choose one of the options." },
        { "platform", null, "Please choose: Platform." },
        { "parentalConsent", "false", "Parental consent: please confirm this." },
        { "parentalConsent", "yes please", "Parental consent: please tick or untick it." },
        { "closureDate", "20/07/2027", "Proposed closure date: please pick a date." },
        { "closureDate", "2026-11-15", "Proposed closure date: the date is in the past." },
        { "closureDate", "2099-01-01", "within ten years" },
    };

    [Theory]
    [MemberData(nameof(Problems))]
    public void A_problem_is_named_and_every_value_is_kept(string field, string? value, string problem)
    {
        var values = Valid();
        if (value is null) values.Remove(field);
        else values[field] = value;

        var form = Read(values);

        form.Problem.Should().Contain(problem);
        form.Answers.Should().BeEmpty();
        form.Values["moderators"].Should().Be("Ravi Patel and Amy Lewis", "nothing typed is lost");
        if (value is { Length: <= SiteFormFields.MaxMultilineLength })
            form.Values[field].Should().Be(value.Trim(), "the refused value is shown again to be put right");
    }

    [Fact]
    public void Several_problems_are_named_together()
    {
        var form = Read(new Dictionary<string, string> { ["siteName"] = "Blog" });

        form.Problem.Should().Contain("Platform").And.Contain("Purpose").And.Contain("Who will moderate it").And.Contain("more");
    }

    [Fact]
    public void A_choice_sent_back_as_the_card_showed_it_is_stored_in_the_schools_wording()
    {
        var values = Valid();
        values["platform"] = CardText.Plain("X (Twitter)", 100);

        Read(values).Answers.Single(a => a.FieldId == "platform").Value.Should().Be("X (Twitter)");
    }

    [Fact]
    public void Today_is_an_acceptable_date_and_an_empty_optional_field_is_left_out()
    {
        var values = Valid();
        values["closureDate"] = "2026-11-16";

        var form = Read(values);

        form.Problem.Should().BeNull();
        form.Answers.Select(a => a.FieldId).Should().NotContain("siteAddress");
    }

    [Fact]
    public void Without_a_site_name_the_summary_is_the_platform_and_purpose_on_one_line_clipped()
    {
        IReadOnlyList<SiteAnswer> answers = [new("platform", "Platform", "Padlet"), new("purpose", "Purpose", "Weekly\nposts " + new string('a', 200))];

        var summary = SiteRequestForm.Summary(answers, "SITE-2026-0001");

        summary.Should().StartWith("Padlet: Weekly posts").And.EndWith("…").And.NotContain("\n");
        summary.Length.Should().BeLessThanOrEqualTo(SiteRequestForm.MaxSummaryLength);
        SiteRequestForm.Summary([], "SITE-2026-0001").Should().Be("SITE-2026-0001");
    }

    [Fact]
    public void Every_catalogue_field_makes_a_valid_form_card()
    {
        var card = SiteRequestFormCard.Build(new SiteRequestFormCardData("s", "School", SiteFormFields.Ids.Select(SiteFormFields.Get).ToList()));

        card.ToJson().Should().Contain("\"id\":\"privacySettings\"").And.Contain("\"id\":\"pupilInvolvement\"").And.Contain("\"id\":\"contentPlan\"");
        SiteFormFields.Ids.Should().OnlyHaveUniqueItems().And.NotContain(id => InputIds.Reserved.Contains(id));
    }

    [Fact]
    public void Every_question_there_is_answered_at_its_limit_in_any_script_is_accepted()
    {
        var fields = SiteFormFields.Ids.Select(SiteFormFields.Get).ToList();
        var values = fields.ToDictionary(f => f.Id, f => f.Kind switch
        {
            FormFieldKind.Multiline => LongText.NonLatin(SiteFormFields.MaxMultilineLength),
            FormFieldKind.Text => LongText.NonLatin(SiteFormFields.MaxTextLength),
            FormFieldKind.Choice => f.Choices![0],
            FormFieldKind.Toggle => "true",
            _ => Today.AddDays(30).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        });

        var form = SiteRequestForm.Read(fields, id => values.GetValueOrDefault(id), Today);

        form.Problem.Should().BeNull();
        form.Answers.Should().HaveCount(fields.Count);
        foreach (var field in fields.Where(f => f.Kind is FormFieldKind.Text or FormFieldKind.Multiline))
            form.Answers.Single(a => a.FieldId == field.Id).Value.Should().Be(values[field.Id]);
    }
}
