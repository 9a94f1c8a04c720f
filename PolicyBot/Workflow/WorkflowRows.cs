using System.Globalization;
using PolicyBot.Storage;

namespace PolicyBot.Workflow;

/// <summary>
/// The rows of one workflow instance, all in its own partition so that one entity-group transaction writes the
/// new state, its audit row and the notifications it causes together: <c>state</c>, <c>audit|…</c>,
/// <c>outbox|…</c> (waiting to be delivered) and <c>copy|…</c> (where a card was posted, so it can be updated).
/// Row keys sort by time, so the dispatcher delivers a partition's messages in the order they were caused.
/// </summary>
public static class WorkflowRows
{
    public const string State = "state";
    public const string AuditPrefix = "audit|";
    public const string OutboxPrefix = "outbox|";
    public const string CopyPrefix = "copy|";

    public static string Audit(DateTimeOffset at) => AuditPrefix + Sortable(at) + "|" + Unique();

    public static string Outbox(DateTimeOffset at, int sequence) =>
        OutboxPrefix + Sortable(at) + "|" + sequence.ToString("D3", CultureInfo.InvariantCulture) + "|" + Unique();

    /// <summary>One row per posted message: a conversation can hold several copies (a reminder posts the card again).</summary>
    public static string Copy(string conversationId, string activityId) =>
        CopyPrefix + TableKey.Escape(conversationId) + "|" + TableKey.Escape(activityId);

    /// <summary>An OData filter selecting the rows whose key starts with <paramref name="prefix"/> (which ends in '|').</summary>
    public static string StartingWith(string prefix) =>
        // '}' is the character after '|': every key with the prefix sorts between the two.
        $"RowKey ge '{prefix}' and RowKey lt '{prefix[..^1]}}}'";

    static string Sortable(DateTimeOffset at) => at.UtcTicks.ToString("D19", CultureInfo.InvariantCulture);

    static string Unique() => Guid.NewGuid().ToString("N")[..12];
}
