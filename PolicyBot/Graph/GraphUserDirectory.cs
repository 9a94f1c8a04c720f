using Microsoft.Extensions.Logging;
using Microsoft.Graph;
using Microsoft.Graph.Models;
using Microsoft.Graph.Users.Item.CheckMemberGroups;

namespace PolicyBot.Graph;

/// <summary>
/// Directory look-ups through Microsoft Graph (application permission <c>User.Read.All</c>; group checks also need
/// <c>GroupMember.Read.All</c>).
/// </summary>
public sealed class GraphUserDirectory(GraphServiceClient graph, ILogger<GraphUserDirectory> logger) : IUserDirectory
{
    /// <summary>Graph checks at most this many groups in one <c>checkMemberGroups</c> request.</summary>
    public const int MaxGroupsPerCheck = 20;

    static readonly string[] Fields = ["id", "displayName", "mail"];

    public Task<DirectoryLookupResult> GetUserAsync(string userId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(userId);
        return LookUpAsync("user", async () =>
            await graph.Users[userId].GetAsync(r => r.QueryParameters.Select = Fields, cancellationToken), "no such user", cancellationToken);
    }

    public Task<DirectoryLookupResult> GetManagerAsync(string userId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(userId);
        return LookUpAsync("manager", async () =>
            await graph.Users[userId].Manager.GetAsync(r => r.QueryParameters.Select = Fields, cancellationToken), "no manager recorded", cancellationToken);
    }

    public async Task<GroupMembershipResult> CheckMemberGroupsAsync(string userId, IReadOnlyCollection<string> groupIds, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(userId);
        ArgumentNullException.ThrowIfNull(groupIds);
        var memberOf = new List<string>();
        try
        {
            foreach (var chunk in groupIds.Distinct(StringComparer.OrdinalIgnoreCase).Chunk(MaxGroupsPerCheck))
            {
                var response = await graph.Users[userId].CheckMemberGroups.PostAsCheckMemberGroupsPostResponseAsync(
                    new CheckMemberGroupsPostRequestBody { GroupIds = [.. chunk] }, cancellationToken: cancellationToken);
                // Graph answers with a subset of the ids asked about; anything else is not ours to act on.
                memberOf.AddRange(chunk.Where(id => response?.Value?.Contains(id, StringComparer.OrdinalIgnoreCase) == true));
            }
            return GroupMembershipResult.Found(memberOf);
        }
        catch (Exception e) when (!cancellationToken.IsCancellationRequested && GraphFailure.From(e) is { } failure)
        {
            if (failure.IsNotFound)
                return GroupMembershipResult.NotFound("no such user");
            GraphLog.LookupFailed(logger, "checkMemberGroups", failure.Description, failure.Retryable);
            return GroupMembershipResult.Failed(failure.Description, failure.Retryable);
        }
    }

    async Task<DirectoryLookupResult> LookUpAsync(string operation, Func<Task<DirectoryObject?>> call, string notFound, CancellationToken cancellationToken)
    {
        try
        {
            return await call() switch
            {
                User { Id: { } id } user => DirectoryLookupResult.Found(new DirectoryUser(id, user.DisplayName, user.Mail)),
                // A manager can be an organisational contact rather than a user; PolicyBot can only notify users.
                { } other => DirectoryLookupResult.NotFound($"{operation} is a {other.OdataType ?? "directory object"}, not a user"),
                null => DirectoryLookupResult.NotFound(notFound),
            };
        }
        catch (Exception e) when (!cancellationToken.IsCancellationRequested && GraphFailure.From(e) is { } failure)
        {
            if (failure.IsNotFound)
                return DirectoryLookupResult.NotFound(notFound);
            GraphLog.LookupFailed(logger, operation, failure.Description, failure.Retryable);
            return DirectoryLookupResult.Failed(failure.Description, failure.Retryable);
        }
    }
}
