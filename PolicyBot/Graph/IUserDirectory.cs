namespace PolicyBot.Graph;

/// <summary>Directory look-ups in the tenant, by Entra object id (or user principal name).</summary>
public interface IUserDirectory
{
    /// <summary><c>GET /users/{id}?$select=id,displayName,mail</c>.</summary>
    Task<DirectoryLookupResult> GetUserAsync(string userId, CancellationToken cancellationToken = default);

    /// <summary><c>GET /users/{id}/manager</c>; <see cref="DirectoryLookupOutcome.NotFound"/> when the user has none.</summary>
    Task<DirectoryLookupResult> GetManagerAsync(string userId, CancellationToken cancellationToken = default);

    /// <summary>
    /// <c>POST /users/{id}/checkMemberGroups</c>: which of <paramref name="groupIds"/> the user is a transitive member of.
    /// <see cref="DirectoryLookupOutcome.NotFound"/> when there is no such user.
    /// </summary>
    Task<GroupMembershipResult> CheckMemberGroupsAsync(string userId, IReadOnlyCollection<string> groupIds, CancellationToken cancellationToken = default);
}
