using PolicyBot.Features.IncidentReports;

namespace PolicyBot.Tests.Features.IncidentReports;

public sealed class SchoolCalendarTests
{
    [Theory]
    [InlineData("2025-09-01", Term.Autumn, 2025, "Autumn 2025")]
    [InlineData("2025-12-31", Term.Autumn, 2025, "Autumn 2025")]
    [InlineData("2026-01-05", Term.Spring, 2025, "Spring 2026")]
    [InlineData("2026-03-31", Term.Spring, 2025, "Spring 2026")]
    [InlineData("2026-04-01", Term.Summer, 2025, "Summer 2026")]
    [InlineData("2026-08-31", Term.Summer, 2025, "Summer 2026")]
    public void A_day_falls_in_its_term_and_school_year(string day, Term term, int schoolYear, string name)
    {
        var date = DateOnly.Parse(day, System.Globalization.CultureInfo.InvariantCulture);

        SchoolCalendar.TermOf(date).Should().Be(term);
        SchoolCalendar.SchoolYearOf(date).Should().Be(schoolYear);
        SchoolCalendar.TermName(term, schoolYear).Should().Be(name);
    }

    [Fact]
    public void A_school_year_is_named_by_both_its_years()
    {
        SchoolCalendar.SchoolYearName(2025).Should().Be("2025/26");
        SchoolCalendar.SchoolYearName(2099).Should().Be("2099/00");
    }

    [Fact]
    public void Late_evening_in_a_british_summer_is_already_the_next_day()
    {
        SchoolCalendar.UkDate(new DateTimeOffset(2026, 8, 31, 23, 30, 0, TimeSpan.Zero)).Should().Be(new DateOnly(2026, 9, 1));
    }

    [Fact]
    public void The_same_term_means_the_same_school_year_too()
    {
        SchoolCalendar.SameTerm(new DateOnly(2025, 10, 1), new DateOnly(2025, 12, 1)).Should().BeTrue();
        SchoolCalendar.SameTerm(new DateOnly(2025, 10, 1), new DateOnly(2024, 10, 1)).Should().BeFalse();
    }
}
