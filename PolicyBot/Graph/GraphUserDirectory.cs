using Microsoft.Extensions.Logging;
using Microsoft.Graph;
using Microsoft.Graph.Models;

namespace PolicyBot.Graph;

/// <summary>Directory look-ups through Microsoft Graph (application permission <c>User.Read.All</c>).</summary>
public sealed class GraphUserDirectory(GraphServiceClient graph, ILogger<GraphUserDirectory> logger) : IUserDirectory
{
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
