using Azure;
using PolicyBot.Storage.Tables;

namespace PolicyBot.Workflow;

/// <summary>
/// One line of a workflow's history: who did what, when. <see cref="Action"/> is a short fixed word
/// ("approved", "acknowledged"); never the content of a concern.
/// </summary>
public sealed class AuditEntity : ITableEntity
{
    public string PartitionKey { get; set; } = "";
    public string RowKey { get; set; } = "";
    public DateTimeOffset? Timestamp { get; set; }
    public ETag ETag { get; set; }

    public DateTimeOffset At { get; set; }
    /// <summary>The Entra object id of the person who acted ("system" for the bot itself).</summary>
    public string By { get; set; } = "";
    public string ByName { get; set; } = "";
    public string Action { get; set; } = "";
    /// <summary>A short note safe for the record (a decision comment, an assignee's name).</summary>
    public string? Note { get; set; }
}
