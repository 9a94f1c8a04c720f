using PolicyBot.Graph;

namespace PolicyBot.Tests.Schools;

/// <summary>
/// An <see cref="IUserDirectory"/> that knows who is in which group and records every membership check, so placement
/// tests can see whether Graph would have been asked. (<see cref="GraphUserDirectory"/> itself is tested against the
/// Graph stand-in.)
/// </summary>
sealed class RecordingUserDirectory : IUserDirectory
{
    readonly HashSet<(string User, string Group)> _memberships = [];

    public List<(string UserId, IReadOnlyCollection<string> GroupIds)> Checks { get; } = [];

    /// <summary>When set, every check answers this (a Graph outage, an unknown user …) instead.</summary>
    public GroupMembershipResult? Answer { get; set; }

    /// <summary>When set, checks do not answer until they are cancelled (Graph retrying a throttled call for a long time).</summary>
    public bool Hang { get; set; }

    public void AddToGroup(string userId, string groupId) => _memberships.Add((userId, groupId));

    public async Task<GroupMembershipResult> CheckMemberGroupsAsync(string userId, IReadOnlyCollection<string> groupIds, CancellationToken cancellationToken = default)
    {
        Checks.Add((userId, groupIds.ToList()));
        if (Hang)
            await Task.Delay(Timeout.Infinite, cancellationToken);
        return Answer ?? GroupMembershipResult.Found(groupIds.Where(g => _memberships.Contains((userId, g))).ToList());
    }

    public Task<DirectoryLookupResult> GetUserAsync(string userId, CancellationToken cancellationToken = default) =>
        throw new NotSupportedException("placement only checks group membership");

    public Task<DirectoryLookupResult> GetManagerAsync(string userId, CancellationToken cancellationToken = default) =>
        throw new NotSupportedException("placement only checks group membership");
}
