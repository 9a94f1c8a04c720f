using Microsoft.Extensions.Logging;
using PolicyBot.Storage.Tables;

namespace PolicyBot.Bot;

/// <summary>
/// Keeps the <c>ActivityLog</c> table small: at start-up and then every <see cref="Interval"/>, deletes the days
/// older than <see cref="Retention"/> (a range query on PartitionKey, deletes in transactions of at most 100 rows
/// of one partition). Safe with several instances doing the same: a row already gone is not an error.
/// </summary>
public sealed partial class ActivityLogCleanupService(TableServiceClient tables, TimeProvider time, ILogger<ActivityLogCleanupService> logger) : BackgroundService
{
    public static readonly TimeSpan Interval = TimeSpan.FromHours(1);

    /// <summary>Days kept besides today; far longer than any redelivery.</summary>
    public static readonly TimeSpan Retention = TimeSpan.FromDays(3);

    readonly TableClient _table = tables.GetTableClient(TableActivityDeduplicator.TableName);

    /// <summary>Deletes the rows of days before <see cref="Retention"/>; returns how many.</summary>
    public async Task<int> CleanupAsync(CancellationToken cancellationToken = default)
    {
        var before = TableActivityDeduplicator.PartitionFor(time.GetUtcNow() - Retention);
        var filter = TableClient.CreateQueryFilter($"PartitionKey lt {before}");
        var deleted = 0;
        var batch = new List<ActivityLogEntity>(TableConstants.MaxBatchActions);
        await foreach (var row in _table.QueryAsync<ActivityLogEntity>(filter, cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            if (batch.Count == TableConstants.MaxBatchActions || (batch.Count > 0 && batch[0].PartitionKey != row.PartitionKey))
            {
                deleted += await DeleteAsync(batch, cancellationToken).ConfigureAwait(false);
                batch.Clear();
            }
            batch.Add(row);
        }
        if (batch.Count > 0)
            deleted += await DeleteAsync(batch, cancellationToken).ConfigureAwait(false);
        if (deleted > 0)
            LogCleaned(logger, deleted, before);
        return deleted;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // Off the start-up path: the embedded store answers synchronously.
        await Task.Yield();
        using var timer = new PeriodicTimer(Interval, time);
        try
        {
            do
            {
                try
                {
                    await CleanupAsync(stoppingToken).ConfigureAwait(false);
                }
                catch (Exception e) when (!stoppingToken.IsCancellationRequested)
                {
                    // Next hour will do; an old row costs only space.
                    LogCleanupFailed(logger, e);
                }
            }
            while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false));
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    async Task<int> DeleteAsync(List<ActivityLogEntity> rows, CancellationToken cancellationToken)
    {
        try
        {
            await _table.SubmitTransactionAsync(rows.Select(r => new TableTransactionAction(TableTransactionActionType.Delete, r)), cancellationToken).ConfigureAwait(false);
        }
        catch (TableTransactionFailedException)
        {
            // Another instance deleted some of them first: delete the rest one by one (a missing row is fine).
            foreach (var row in rows)
                await _table.DeleteEntityAsync(row.PartitionKey, row.RowKey, cancellationToken: cancellationToken).ConfigureAwait(false);
        }
        return rows.Count;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Activity log: deleted {Count} rows of days before {Partition}")]
    static partial void LogCleaned(ILogger logger, int count, string partition);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Activity log clean-up failed; will try again in an hour")]
    static partial void LogCleanupFailed(ILogger logger, Exception exception);
}
