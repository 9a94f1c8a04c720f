namespace PolicyBot.Features.IncidentReports;

public enum Term { Autumn, Spring, Summer }

/// <summary>
/// English school terms by a simple month rule, close enough for counting reports: Autumn is September to
/// December, Spring January to March (Easter moves, so the Spring term is taken to end with March), Summer April to
/// August (the summer holiday counts with the year it ends). A school year runs September to August and is named
/// "2025/26". Dates are read in UK time.
/// </summary>
public static class SchoolCalendar
{
    static readonly TimeZoneInfo Uk = FindUk();

    public static DateOnly UkDate(DateTimeOffset at) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(at, Uk).DateTime);

    public static Term TermOf(DateOnly day) => day.Month switch
    {
        >= 9 => Term.Autumn,
        <= 3 => Term.Spring,
        _ => Term.Summer,
    };

    /// <summary>The calendar year the school year starts in (September).</summary>
    public static int SchoolYearOf(DateOnly day) => day.Month >= 9 ? day.Year : day.Year - 1;

    /// <summary>"2025/26".</summary>
    public static string SchoolYearName(int startYear) => $"{startYear}/{(startYear + 1) % 100:D2}";

    /// <summary>"Autumn 2025", "Spring 2026".</summary>
    public static string TermName(Term term, int schoolYear) => $"{term} {(term == Term.Autumn ? schoolYear : schoolYear + 1)}";

    /// <summary>Whether two days fall in the same term of the same school year.</summary>
    public static bool SameTerm(DateOnly a, DateOnly b) => SchoolYearOf(a) == SchoolYearOf(b) && TermOf(a) == TermOf(b);

    static TimeZoneInfo FindUk()
    {
        try
        {
            return TimeZoneInfo.FindSystemTimeZoneById("Europe/London");
        }
        catch (Exception e) when (e is TimeZoneNotFoundException or InvalidTimeZoneException)
        {
            // A machine without time-zone data: UTC is at most an hour out.
            return TimeZoneInfo.Utc;
        }
    }
}
