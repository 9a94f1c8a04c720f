using PolicyBot.BotFramework.Schema;

namespace PolicyBot.Bot;

/// <summary>
/// Where the bot keeps the conversations it was added to, so it can message them later (approvals, incident
/// updates, reminders). Keyed by conversation id; a personal chat is also found by its user's Entra object id.
/// </summary>
public interface IConversationReferenceStore
{
    /// <summary>Saves (or refreshes) a reference; true when the conversation was not known before.</summary>
    Task<bool> SaveAsync(ConversationReference reference, string? userAadObjectId, CancellationToken cancellationToken = default);

    Task<ConversationReference?> GetAsync(string conversationId, CancellationToken cancellationToken = default);

    /// <summary>The personal (1:1) conversation with this user, if the bot is installed for them.</summary>
    Task<ConversationReference?> GetForUserAsync(string userAadObjectId, CancellationToken cancellationToken = default);

    /// <summary>
    /// The latest service URL seen for a tenant: where to create a 1:1 chat with someone who never talked to the
    /// bot (the Connector's address differs by region, so it is learnt from the tenant's own traffic).
    /// </summary>
    Task<string?> GetServiceUrlForTenantAsync(string tenantId, CancellationToken cancellationToken = default);

    /// <summary>Forgets a conversation the bot was removed from.</summary>
    Task RemoveAsync(string conversationId, CancellationToken cancellationToken = default);
}
