using PolicyBot.Cards.Incidents;
using PolicyBot.Schools;

namespace PolicyBot.Features.IncidentReports;

/// <summary>
/// The people who receive and handle a school's reports: its <see cref="SchoolRole.Dsl"/> and
/// <see cref="SchoolRole.DeputyDsl"/> role holders, each once, DSLs first.
/// </summary>
public sealed record DslTeam(IReadOnlyList<DslMember> Members)
{
    /// <summary>The team's Entra object ids, as configured (no names needed to decide who may act).</summary>
    public static IReadOnlyList<string> IdsOf(School school) =>
        school.PeopleIn(SchoolRole.Dsl).Concat(school.PeopleIn(SchoolRole.DeputyDsl))
            .Where(id => !string.IsNullOrWhiteSpace(id))
            .Distinct(StringComparer.OrdinalIgnoreCase)
            .ToList();

    public bool IsEmpty => Members.Count == 0;

    public IEnumerable<string> Ids => Members.Select(m => m.UserId);

    public bool Contains(string? userId) => Find(userId) is not null;

    public DslMember? Find(string? userId) =>
        string.IsNullOrEmpty(userId) ? null : Members.FirstOrDefault(m => string.Equals(m.UserId, userId, StringComparison.OrdinalIgnoreCase));
}
