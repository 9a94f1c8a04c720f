using System.Collections.Concurrent;
using PolicyBot.Bot;
using PolicyBot.BotFramework.Schema;

namespace PolicyBot.Tests.Infrastructure;

/// <summary>
/// An <see cref="IConversationReferenceStore"/> in memory, for unit tests. References
/// must survive restarts in production, so the host registers a table-backed store there.
/// </summary>
public sealed class InMemoryConversationReferenceStore : IConversationReferenceStore
{
    readonly ConcurrentDictionary<string, (ConversationReference Reference, string? User)> _byConversation = new(StringComparer.Ordinal);
    readonly ConcurrentDictionary<string, string> _serviceUrlByTenant = new(StringComparer.OrdinalIgnoreCase);

    public int Count => _byConversation.Count;

    public Task<bool> SaveAsync(ConversationReference reference, string? userAadObjectId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(reference);
        var id = reference.Conversation?.Id;
        ArgumentException.ThrowIfNullOrEmpty(id, "reference.Conversation.Id");
        if (reference.Conversation?.TenantId is { Length: > 0 } tenantId && !string.IsNullOrEmpty(reference.ServiceUrl))
            _serviceUrlByTenant[tenantId] = reference.ServiceUrl;
        var isNew = true;
        _byConversation.AddOrUpdate(id, (reference, userAadObjectId), (_, _) =>
        {
            isNew = false;
            return (reference, userAadObjectId);
        });
        return Task.FromResult(isNew);
    }

    public Task<ConversationReference?> GetAsync(string conversationId, CancellationToken cancellationToken = default) =>
        Task.FromResult(_byConversation.TryGetValue(conversationId, out var entry) ? entry.Reference : null);

    public Task<ConversationReference?> GetForUserAsync(string userAadObjectId, CancellationToken cancellationToken = default) =>
        Task.FromResult(_byConversation.Values
            .Where(e => e.User == userAadObjectId && e.Reference.Conversation?.ConversationType is null or "personal")
            .Select(e => e.Reference)
            .FirstOrDefault());

    public Task<string?> GetServiceUrlForTenantAsync(string tenantId, CancellationToken cancellationToken = default) =>
        Task.FromResult(_serviceUrlByTenant.TryGetValue(tenantId, out var serviceUrl) ? serviceUrl : null);

    public Task RemoveAsync(string conversationId, CancellationToken cancellationToken = default)
    {
        _byConversation.TryRemove(conversationId, out _);
        return Task.CompletedTask;
    }
}
