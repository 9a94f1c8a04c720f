using PolicyBot.Storage;
using System.Text.Json;
using Azure;
using PolicyBot.BotFramework.Schema;
using PolicyBot.Storage.Tables;

namespace PolicyBot.Bot;

/// <summary>
/// <see cref="IConversationReferenceStore"/> on Table Storage (Azure, Azurite or the embedded store), so that
/// references survive restarts and are shared by every instance. Table <c>ConversationReferences</c>:
/// <list type="bullet">
/// <item>PartitionKey <c>conversation</c>, RowKey the conversation id: one row per conversation the bot is in.</item>
/// <item>PartitionKey <c>user</c>, RowKey the user's Entra object id: the user's personal conversation, with its
/// reference, so that finding it is one point read. Entra object ids are unique across tenants.</item>
/// <item>PartitionKey <c>tenant</c>, RowKey the tenant id: the latest service URL seen from that tenant.</item>
/// </list>
/// Keys are escaped with <see cref="TableKey"/>; Entra ids (GUIDs) are lower-cased.
/// </summary>
public sealed class TableConversationReferenceStore(TableServiceClient tables, TimeProvider time) : IConversationReferenceStore
{
    public const string TableName = "ConversationReferences";
    public const string ConversationPartition = "conversation";
    public const string UserPartition = "user";
    public const string TenantPartition = "tenant";

    readonly TableClient _table = tables.GetTableClient(TableName);

    public async Task<bool> SaveAsync(ConversationReference reference, string? userAadObjectId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(reference);
        var conversation = reference.Conversation;
        ArgumentException.ThrowIfNullOrEmpty(conversation?.Id, "reference.Conversation.Id");

        var row = new ConversationReferenceEntity
        {
            PartitionKey = ConversationPartition,
            RowKey = ConversationKey(conversation.Id),
            ConversationId = conversation.Id,
            ConversationType = conversation.ConversationType,
            TenantId = conversation.TenantId,
            UserAadObjectId = string.IsNullOrEmpty(userAadObjectId) ? null : userAadObjectId,
            ChannelId = reference.ChannelId,
            ServiceUrl = reference.ServiceUrl,
            Reference = JsonSerializer.Serialize(reference, BotJson.Options),
            UpdatedAt = time.GetUtcNow(),
        };

        // The conversation row is written last: it is what makes the conversation "known". If this save fails
        // part-way, the channel's retry still finds the conversation new (and the welcome still goes out).
        if (row.UserAadObjectId is not null && conversation.ConversationType is null or "personal")
            await _table.UpsertEntityAsync(CopyOf(row, UserPartition, IdKey(row.UserAadObjectId)), TableUpdateMode.Replace, cancellationToken).ConfigureAwait(false);

        if (!string.IsNullOrEmpty(row.TenantId) && !string.IsNullOrEmpty(row.ServiceUrl))
        {
            var tenantRow = new ConversationReferenceEntity
            {
                PartitionKey = TenantPartition,
                RowKey = IdKey(row.TenantId),
                TenantId = row.TenantId,
                ChannelId = row.ChannelId,
                ServiceUrl = row.ServiceUrl,
                UpdatedAt = row.UpdatedAt,
            };
            await _table.UpsertEntityAsync(tenantRow, TableUpdateMode.Replace, cancellationToken).ConfigureAwait(false);
        }

        // Add, not upsert: of two saves racing (Teams sends installationUpdate and conversationUpdate together,
        // possibly to two instances) exactly one is told the conversation is new.
        try
        {
            await _table.AddEntityAsync(row, cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (RequestFailedException e) when (e.Status == 409)
        {
            await _table.UpsertEntityAsync(row, TableUpdateMode.Replace, cancellationToken).ConfigureAwait(false);
            return false;
        }
    }

    public async Task<ConversationReference?> GetAsync(string conversationId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(conversationId);
        var row = await GetRowAsync(ConversationPartition, ConversationKey(conversationId), cancellationToken).ConfigureAwait(false);
        return row is null ? null : ReferenceOf(row);
    }

    public async Task<ConversationReference?> GetForUserAsync(string userAadObjectId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(userAadObjectId);
        var row = await GetRowAsync(UserPartition, IdKey(userAadObjectId), cancellationToken).ConfigureAwait(false);
        return row is null ? null : ReferenceOf(row);
    }

    public async Task<string?> GetServiceUrlForTenantAsync(string tenantId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(tenantId);
        var row = await GetRowAsync(TenantPartition, IdKey(tenantId), cancellationToken).ConfigureAwait(false);
        return row?.ServiceUrl;
    }

    public async Task RemoveAsync(string conversationId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(conversationId);
        var key = ConversationKey(conversationId);
        var row = await GetRowAsync(ConversationPartition, key, cancellationToken).ConfigureAwait(false);
        if (row is null)
            return;

        // The user's index row first (only if it still points here: the user may have a newer personal chat),
        // so that a failure part-way never leaves an index pointing at a conversation the bot has left.
        if (row.UserAadObjectId is { Length: > 0 } user)
        {
            var userKey = IdKey(user);
            var index = await GetRowAsync(UserPartition, userKey, cancellationToken).ConfigureAwait(false);
            if (index is not null && string.Equals(index.ConversationId, conversationId, StringComparison.Ordinal))
            {
                try
                {
                    await _table.DeleteEntityAsync(UserPartition, userKey, index.ETag, cancellationToken).ConfigureAwait(false);
                }
                catch (RequestFailedException e) when (e.Status is 404 or 412)
                {
                    // Re-pointed or removed meanwhile by another save or removal: theirs stands.
                }
            }
        }
        await _table.DeleteEntityAsync(ConversationPartition, key, cancellationToken: cancellationToken).ConfigureAwait(false);
    }

    async Task<ConversationReferenceEntity?> GetRowAsync(string partitionKey, string rowKey, CancellationToken cancellationToken)
    {
        var response = await _table.GetEntityIfExistsAsync<ConversationReferenceEntity>(partitionKey, rowKey, cancellationToken: cancellationToken).ConfigureAwait(false);
        return response.HasValue ? response.Value : null;
    }

    static ConversationReference ReferenceOf(ConversationReferenceEntity row)
    {
        try
        {
            return JsonSerializer.Deserialize<ConversationReference>(row.Reference ?? "null", BotJson.Options)
                ?? throw new JsonException("the Reference column is empty");
        }
        catch (JsonException e)
        {
            throw new InvalidOperationException($"Table {TableName}, row ({row.PartitionKey}, {row.RowKey}) does not hold a conversation reference: {e.Message}", e);
        }
    }

    static ConversationReferenceEntity CopyOf(ConversationReferenceEntity row, string partitionKey, string rowKey) => new()
    {
        PartitionKey = partitionKey,
        RowKey = rowKey,
        ConversationId = row.ConversationId,
        ConversationType = row.ConversationType,
        TenantId = row.TenantId,
        UserAadObjectId = row.UserAadObjectId,
        ChannelId = row.ChannelId,
        ServiceUrl = row.ServiceUrl,
        Reference = row.Reference,
        UpdatedAt = row.UpdatedAt,
    };

    /// <summary>The RowKey of a conversation's row.</summary>
    public static string ConversationKey(string conversationId) => TableKey.EscapeOrHash(conversationId);

    // Entra ids are GUIDs, compared without regard to case.
    static string IdKey(string id) => TableKey.EscapeOrHash(id.ToLowerInvariant());
}
