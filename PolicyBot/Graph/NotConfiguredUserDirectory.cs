using Microsoft.Extensions.Logging;

namespace PolicyBot.Graph;

/// <summary>Directory look-ups when Graph is not configured: says nothing was looked up, rather than "no such user".</summary>
public sealed class NotConfiguredUserDirectory(ILogger<NotConfiguredUserDirectory> logger) : IUserDirectory
{
    public const string Reason = "not looked up: Graph not configured";

    public Task<DirectoryLookupResult> GetUserAsync(string userId, CancellationToken cancellationToken = default) => NotLookedUp("user");

    public Task<DirectoryLookupResult> GetManagerAsync(string userId, CancellationToken cancellationToken = default) => NotLookedUp("manager");

    public Task<GroupMembershipResult> CheckMemberGroupsAsync(string userId, IReadOnlyCollection<string> groupIds, CancellationToken cancellationToken = default)
    {
        GraphLog.LookupNotConfigured(logger, "checkMemberGroups");
        return Task.FromResult(GroupMembershipResult.NotConfigured(Reason));
    }

    Task<DirectoryLookupResult> NotLookedUp(string operation)
    {
        GraphLog.LookupNotConfigured(logger, operation);
        return Task.FromResult(DirectoryLookupResult.NotConfigured(Reason));
    }
}
