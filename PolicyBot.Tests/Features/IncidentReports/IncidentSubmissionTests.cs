using PolicyBot.Cards;
using PolicyBot.Cards.Incidents;
using PolicyBot.Features.IncidentReports;

namespace PolicyBot.Tests.Features.IncidentReports;

/// <summary>The report form checked on the server: its data is untrusted, and a refusal keeps what was typed.</summary>
public sealed class IncidentSubmissionTests
{
    static readonly DateOnly Today = new(2026, 3, 10);

    static Dictionary<string, string?> Valid() => new()
    {
        [InputIds.IncidentCategory] = nameof(IncidentCategory.ChildSafetyConcern),
        [InputIds.IncidentWhat] = "  A pupil messaged me on Instagram.  ",
        [InputIds.IncidentWhen] = "2026-03-09",
        [InputIds.IncidentWhere] = "Instagram",
        [InputIds.IncidentPeople] = "A Year 9 pupil",
        [InputIds.IncidentUrgent] = "true",
    };

    static IncidentSubmission Read(Dictionary<string, string?> inputs) => IncidentSubmission.Read(id => inputs.GetValueOrDefault(id), Today);

    [Fact]
    public void A_complete_form_is_a_valid_report_with_its_text_trimmed()
    {
        var submission = Read(Valid());

        submission.Problems.Should().BeEmpty();
        submission.Report.Should().Be(new ValidReport(IncidentCategory.ChildSafetyConcern, "A pupil messaged me on Instagram.", new DateOnly(2026, 3, 9), "Instagram", "A Year 9 pupil", true));
    }

    [Fact]
    public void Only_the_category_and_what_happened_are_required()
    {
        var inputs = new Dictionary<string, string?> { [InputIds.IncidentCategory] = "Other", [InputIds.IncidentWhat] = "Something odd." };

        var report = Read(inputs).Report!;

        report.HappenedOn.Should().BeNull();
        report.Where.Should().BeNull();
        report.Urgent.Should().BeFalse();
    }

    [Theory]
    [InlineData(InputIds.IncidentCategory, null, "kind of concern")]
    [InlineData(InputIds.IncidentCategory, "1", "kind of concern")]
    [InlineData(InputIds.IncidentCategory, "Other, StaffConduct", "kind of concern")]
    [InlineData(InputIds.IncidentCategory, "childsafetyconcern", "kind of concern")]
    [InlineData(InputIds.IncidentWhat, "   ", "what happened")]
    [InlineData(InputIds.IncidentWhat, "LONG4001", "at most 4000")]
    [InlineData(InputIds.IncidentWhen, "09/03/2026", "not a date")]
    [InlineData(InputIds.IncidentWhen, "2026-03-11", "in the future")]
    [InlineData(InputIds.IncidentWhere, "LONG201", "at most 200")]
    [InlineData(InputIds.IncidentPeople, "LONG1001", "at most 1000")]
    [InlineData(InputIds.IncidentUrgent, "maybe", "on or off")]
    public void A_bad_field_is_refused_with_the_problem_and_the_rest_of_the_draft_kept(string field, string? value, string problem)
    {
        var inputs = Valid();
        inputs[field] = value is not null && value.StartsWith("LONG", StringComparison.Ordinal) ? new string('x', int.Parse(value[4..], System.Globalization.CultureInfo.InvariantCulture)) : value;

        var submission = Read(inputs);

        submission.Report.Should().BeNull();
        submission.Problems.Should().ContainSingle().Which.Should().ContainEquivalentOf(problem);
        if (field != InputIds.IncidentWhat)
            submission.Draft.WhatHappened.Should().Be("A pupil messaged me on Instagram.");
        if (field != InputIds.IncidentWhere)
            submission.Draft.Where.Should().Be("Instagram");
    }

    [Fact]
    public void Today_is_not_in_the_future()
    {
        var inputs = Valid();
        inputs[InputIds.IncidentWhen] = "2026-03-10";

        Read(inputs).Report!.HappenedOn.Should().Be(Today);
    }
}
