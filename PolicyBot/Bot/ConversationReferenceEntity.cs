using Azure;
using PolicyBot.Storage.Tables;

namespace PolicyBot.Bot;

/// <summary>
/// A row of the <c>ConversationReferences</c> table. Three kinds of row, told apart by partition (see
/// <see cref="TableConversationReferenceStore"/>): a conversation, a user's personal conversation (an index
/// row) and a tenant's latest service URL. The plain columns are there for people and other tools reading the
/// table; <see cref="Reference"/> is what the bot reads back.
/// </summary>
public sealed class ConversationReferenceEntity : ITableEntity
{
    public string PartitionKey { get; set; } = "";

    public string RowKey { get; set; } = "";

    public DateTimeOffset? Timestamp { get; set; }

    public ETag ETag { get; set; }

    public string? ConversationId { get; set; }

    /// <summary>"personal", "groupChat" or "channel".</summary>
    public string? ConversationType { get; set; }

    public string? TenantId { get; set; }

    /// <summary>The user of a personal conversation (Entra object id).</summary>
    public string? UserAadObjectId { get; set; }

    public string? ChannelId { get; set; }

    /// <summary>The Connector's base address for this conversation (or, on a tenant row, the tenant's latest).</summary>
    public string? ServiceUrl { get; set; }

    /// <summary>The whole <see cref="BotFramework.Schema.ConversationReference"/> as Bot Framework JSON.</summary>
    public string? Reference { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }
}
