using Azure;
using PolicyBot.Storage.Tables;

namespace PolicyBot.Workflow;

/// <summary>Where a workflow's card was posted, so that every copy can be updated when the state changes.</summary>
public sealed class CardCopyEntity : ITableEntity
{
    public string PartitionKey { get; set; } = "";
    public string RowKey { get; set; } = "";
    public DateTimeOffset? Timestamp { get; set; }
    public ETag ETag { get; set; }

    public string ConversationId { get; set; } = "";
    public string ActivityId { get; set; } = "";
    public string ServiceUrl { get; set; } = "";
    /// <summary>Whose 1:1 chat the copy is in; empty for a channel or group chat, where the conversation says who sees it.</summary>
    public string? OwnerAadObjectId { get; set; }
}
