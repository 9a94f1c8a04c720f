using System.Collections.Concurrent;
using PolicyBot.Graph;

namespace PolicyBot.Schools;

/// <summary>
/// Places a member of staff of a multi-school tenant in the school whose staff group (<c>staffGroupId</c>) holds them,
/// asking Graph once and remembering the answer: for <see cref="PlacedFor"/> when one school matched (people rarely
/// change school), for <see cref="NotPlacedFor"/> when none or several did (so someone IT has just added to a group is
/// placed soon). A Graph failure is not remembered: that turn places nobody and the next one asks again.
/// </summary>
public sealed partial class StaffGroupPlacement(IUserDirectory users, TimeProvider time, ILogger<StaffGroupPlacement> logger)
{
    public static readonly TimeSpan PlacedFor = TimeSpan.FromHours(1);

    public static readonly TimeSpan NotPlacedFor = TimeSpan.FromMinutes(5);

    // Entries are small and a trust has a few thousand staff; past this many, expired ones are dropped.
    const int PruneAbove = 10_000;

    /// <summary>
    /// The longest a turn waits for Graph. Teams gives the bot about 15 seconds (a card action less), and Graph's own
    /// retries of a throttled call can take longer; past this the turn is answered "try again" instead.
    /// </summary>
    internal TimeSpan GraphWaitLimit { get; init; } = TimeSpan.FromSeconds(5);

    readonly ConcurrentDictionary<(string TenantId, string UserId), Placement> _placements = new();

    sealed record Placement(School? School, DateTimeOffset Until);

    /// <summary>
    /// The one school among <paramref name="schools"/> (a tenant's schools) whose staff group holds the user. Schools
    /// without a <see cref="School.StaffGroupId"/> take no part; with none having one, Graph is not asked.
    /// </summary>
    public async Task<SchoolResolution> PlaceAsync(string tenantId, string userId, IReadOnlyList<School> schools, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(tenantId);
        ArgumentException.ThrowIfNullOrWhiteSpace(userId);
        ArgumentNullException.ThrowIfNull(schools);
        var withGroup = schools.Where(s => s.StaffGroupId is not null).ToList();
        if (withGroup.Count == 0)
            return SchoolResolution.NotSetUp;

        var key = (tenantId.ToLowerInvariant(), userId.ToLowerInvariant());
        if (_placements.TryGetValue(key, out var known) && known.Until > time.GetUtcNow())
            return SchoolResolution.Of(known.School);

        GroupMembershipResult result;
        using (var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken))
        {
            limit.CancelAfter(GraphWaitLimit);
            try
            {
                result = await users.CheckMemberGroupsAsync(userId, withGroup.Select(s => s.StaffGroupId!).ToList(), limit.Token);
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                LogGraphTooSlow(logger, tenantId, GraphWaitLimit);
                return SchoolResolution.Unavailable;
            }
        }
        if (result.Outcome == DirectoryLookupOutcome.Failed)
            return SchoolResolution.Unavailable;

        // NotFound (no such user) and NotConfigured (no Graph) match no group.
        var matched = withGroup.Where(s => result.MemberOf.Contains(s.StaffGroupId!, StringComparer.OrdinalIgnoreCase)).ToList();
        var school = matched is [var only] ? only : null;
        if (matched.Count > 1)
            LogInSeveralStaffGroups(logger, tenantId, matched.Count);
        Remember(key, new Placement(school, time.GetUtcNow() + (school is null ? NotPlacedFor : PlacedFor)));
        return SchoolResolution.Of(school);
    }

    void Remember((string, string) key, Placement placement)
    {
        if (_placements.Count >= PruneAbove)
        {
            var now = time.GetUtcNow();
            foreach (var (staleKey, stale) in _placements)
            {
                if (stale.Until <= now)
                    _placements.TryRemove(staleKey, out _);
            }
        }
        _placements[key] = placement;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Staff group check for a member of tenant {TenantId} took longer than {Limit}: not placed this turn")]
    static partial void LogGraphTooSlow(ILogger logger, string tenantId, TimeSpan limit);

    [LoggerMessage(Level = LogLevel.Warning, Message = "A member of tenant {TenantId} is in the staff groups of {Count} schools, so is placed in none: check the schools' staffGroupId groups")]
    static partial void LogInSeveralStaffGroups(ILogger logger, string tenantId, int count);
}
