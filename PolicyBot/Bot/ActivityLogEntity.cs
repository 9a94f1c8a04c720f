using Azure;
using PolicyBot.Storage.Tables;

namespace PolicyBot.Bot;

/// <summary>
/// A row of the <c>ActivityLog</c> table: an activity taken on. PartitionKey is the UTC day of receipt
/// (<c>yyyyMMdd</c>), RowKey the escaped de-duplication key (channel, conversation and activity ids).
/// </summary>
public sealed class ActivityLogEntity : ITableEntity
{
    public string PartitionKey { get; set; } = "";

    public string RowKey { get; set; } = "";

    public DateTimeOffset? Timestamp { get; set; }

    public ETag ETag { get; set; }

    public DateTimeOffset ReceivedAt { get; set; }

    /// <summary>
    /// Who took the activity on: a fresh id per attempt, so that an insert the client retried after a lost response
    /// recognises its own row instead of reading it as someone else's.
    /// </summary>
    public string? TakenBy { get; set; }
}
