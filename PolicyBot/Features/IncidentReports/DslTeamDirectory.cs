using System.Collections.Concurrent;
using PolicyBot.Graph;
using PolicyBot.Schools;

namespace PolicyBot.Features.IncidentReports;

/// <summary>
/// The DSL team with names for the assign picker: display names from the directory, remembered for an hour;
/// where the directory cannot say (Graph not configured, a failed or slow look-up) the role stands in for the name,
/// and the directory is asked again after a few minutes. A look-up runs inside a button press, so it is given
/// <paramref name="lookupTimeout"/> (3 seconds unless set), not the Graph client's own retries.
/// </summary>
public sealed class DslTeamDirectory(IUserDirectory directory, TimeProvider time, TimeSpan? lookupTimeout = null)
{
    static readonly TimeSpan Remember = TimeSpan.FromHours(1);
    static readonly TimeSpan RememberFailure = TimeSpan.FromMinutes(5);
    readonly TimeSpan _lookupTimeout = lookupTimeout ?? TimeSpan.FromSeconds(3);
    readonly ConcurrentDictionary<string, (string? Name, DateTimeOffset Until)> _names = new(StringComparer.OrdinalIgnoreCase);

    public async Task<DslTeam> TeamOfAsync(School school, CancellationToken cancellationToken)
    {
        var ids = DslTeam.IdsOf(school);
        var names = await Task.WhenAll(ids.Select(id => NameOfAsync(id, cancellationToken)));
        var members = new List<Cards.Incidents.DslMember>();
        var dsls = 0;
        var deputies = 0;
        for (var i = 0; i < ids.Count; i++)
        {
            var isDsl = school.Holds(ids[i], SchoolRole.Dsl);
            var ordinal = isDsl ? ++dsls : ++deputies;
            var count = isDsl ? school.PeopleIn(SchoolRole.Dsl).Count : school.PeopleIn(SchoolRole.DeputyDsl).Count;
            var role = isDsl ? "Designated Safeguarding Lead" : "Deputy DSL";
            members.Add(new(ids[i], names[i] ?? (count > 1 ? $"{role} {ordinal}" : role)));
        }
        return new DslTeam(members);
    }

    async Task<string?> NameOfAsync(string id, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        if (_names.TryGetValue(id, out var known) && known.Until > now)
            return known.Name;
        string? name = null;
        var answered = false;
        using var timeout = new CancellationTokenSource(_lookupTimeout, time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        try
        {
            var found = await directory.GetUserAsync(id, linked.Token);
            answered = found.Outcome is DirectoryLookupOutcome.Found or DirectoryLookupOutcome.NotFound or DirectoryLookupOutcome.NotConfigured;
            if (found is { Outcome: DirectoryLookupOutcome.Found, User.DisplayName: { Length: > 0 } displayName })
                name = Incident.Clip(displayName.Trim(), Incident.MaxNameLength);
        }
        catch (Exception) when (!cancellationToken.IsCancellationRequested)
        {
            // A name is a nicety; the role stands in for it.
        }
        _names[id] = (name, now + (answered ? Remember : RememberFailure));
        return name;
    }
}
