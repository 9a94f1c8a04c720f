using System.Globalization;
using Azure;
using PolicyBot.Storage;
using PolicyBot.Storage.Tables;

namespace PolicyBot.Workflow;

/// <summary>
/// Human references such as "SITE-2026-0007": a counter row per school, prefix and year, taken with an
/// optimistic If-Match so two instances never hand out the same number. A number taken by a change that then
/// fails is simply not used (a gap), never reused.
/// </summary>
public static class ReferenceCounter
{
    public const string PartitionKey = "counter";
    const int MaxAttempts = 20;

    sealed class CounterEntity : ITableEntity
    {
        public string PartitionKey { get; set; } = "";
        public string RowKey { get; set; } = "";
        public DateTimeOffset? Timestamp { get; set; }
        public ETag ETag { get; set; }
        public int Last { get; set; }
    }

    /// <summary>The next reference for <paramref name="schoolId"/>: "{prefix}-{year}-{n:0000}".</summary>
    public static async Task<string> NextAsync(TableClient table, string schoolId, string prefix, int year, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentException.ThrowIfNullOrEmpty(schoolId);
        ArgumentException.ThrowIfNullOrEmpty(prefix);
        var rowKey = string.Create(CultureInfo.InvariantCulture, $"{TableKey.Escape(schoolId)}|{prefix}|{year}");
        for (var attempt = 0; attempt < MaxAttempts; attempt++)
        {
            var found = await table.GetEntityIfExistsAsync<CounterEntity>(PartitionKey, rowKey, cancellationToken: cancellationToken);
            try
            {
                int next;
                if (found.HasValue)
                {
                    var counter = found.Value!;
                    next = counter.Last + 1;
                    counter.Last = next;
                    await table.UpdateEntityAsync(counter, counter.ETag, TableUpdateMode.Replace, cancellationToken);
                }
                else
                {
                    next = 1;
                    await table.AddEntityAsync(new CounterEntity { PartitionKey = PartitionKey, RowKey = rowKey, Last = next }, cancellationToken);
                }
                return string.Create(CultureInfo.InvariantCulture, $"{prefix}-{year}-{next:D4}");
            }
            catch (RequestFailedException e) when (e.Status is 409 or 412)
            {
                // Someone else took a number between our read and our write: read again.
            }
        }
        throw new InvalidOperationException($"Could not take a {prefix} reference after {MaxAttempts} attempts.");
    }
}
