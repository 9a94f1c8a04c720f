namespace PolicyBot.Cards.Incidents;

/// <summary>Anonymised incident counts for one term: no names, no details, no references.</summary>
/// <param name="Term">As the school names it ("Autumn 2025").</param>
public sealed record TermCounts(string Term, IReadOnlyDictionary<IncidentCategory, int> ByCategory);

/// <summary>The governors' report for a school year, one block per term (a phone shows a list better than a table).</summary>
public sealed record GovernorsReportCardData(string SchoolName, string SchoolYear, IReadOnlyList<TermCounts> Terms);
