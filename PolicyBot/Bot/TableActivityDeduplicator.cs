using PolicyBot.Storage;
using System.Globalization;
using Azure;
using Microsoft.Extensions.Logging;
using PolicyBot.BotFramework;
using PolicyBot.Storage.Tables;

namespace PolicyBot.Bot;

/// <summary>
/// <see cref="IActivityDeduplicator"/> on Table Storage, so that a redelivery is caught whichever instance
/// receives it. The table is the authority: taking an activity on is an insert into today's partition (a second
/// insert of the same key fails with 409); shortly after midnight yesterday's partition is read first, so a retry
/// of an activity received just before midnight is still caught. Old days are removed by
/// <see cref="ActivityLogCleanupService"/>.
/// <para>
/// An in-memory front remembers the keys this instance took on, so that a redelivery to the same instance
/// costs no storage call. It only ever holds keys whose row this instance inserted (and forgets them with the
/// row), so it never disagrees with the table.
/// </para>
/// </summary>
public sealed partial class TableActivityDeduplicator : IActivityDeduplicator
{
    public const string TableName = "ActivityLog";

    /// <summary>
    /// How long after the original a redelivery can arrive, as far as crossing midnight matters. Teams retries
    /// within seconds to minutes; an hour is generous. After this much of a UTC day has passed, yesterday's
    /// partition is no longer read, which keeps the common case to one write.
    /// </summary>
    public static readonly TimeSpan RedeliveryWindow = TimeSpan.FromHours(1);

    /// <summary>How long a check may wait for storage before the activity is processed anyway (Teams gives a turn 15 s).</summary>
    public static readonly TimeSpan DefaultStorageTimeout = TimeSpan.FromSeconds(5);

    readonly TableClient _table;
    readonly TimeProvider _time;
    readonly ILogger _logger;
    readonly TimeSpan _storageTimeout;
    readonly InMemoryActivityDeduplicator _front;

    public TableActivityDeduplicator(TableServiceClient tables, TimeProvider time, ILogger<TableActivityDeduplicator> logger)
        : this(tables, time, logger, DefaultStorageTimeout)
    {
    }

    internal TableActivityDeduplicator(TableServiceClient tables, TimeProvider time, ILogger logger, TimeSpan storageTimeout)
    {
        ArgumentNullException.ThrowIfNull(tables);
        _table = tables.GetTableClient(TableName);
        _time = time;
        _logger = logger;
        _storageTimeout = storageTimeout;
        _front = new InMemoryActivityDeduplicator(time);
    }

    /// <summary>The partition (UTC day of receipt) an activity received at <paramref name="receivedAt"/> is logged in.</summary>
    public static string PartitionFor(DateTimeOffset receivedAt) =>
        receivedAt.UtcDateTime.ToString("yyyyMMdd", CultureInfo.InvariantCulture);

    public async ValueTask<bool> TryBeginAsync(string key, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(key);
        if (!await _front.TryBeginAsync(key, cancellationToken).ConfigureAwait(false))
            return false;

        bool taken;
        try
        {
            taken = await TryInsertAsync(TableKey.EscapeOrHash(key), _time.GetUtcNow(), cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (StorageFailure.Is(e, cancellationToken))
        {
            // Fail open, deliberately: process the activity. If storage is down, refusing would drop the user's
            // question or decision without a word, while processing risks at worst a duplicate answer to a
            // redelivery (and workflow writes are conditional, so a duplicate cannot double a decision). The
            // front keeps the key, so redeliveries to this instance are still caught.
            LogFailedOpen(_logger, e);
            return true;
        }
        catch
        {
            await _front.ForgetAsync(key, CancellationToken.None).ConfigureAwait(false);
            throw;
        }

        // Another instance (or this one, before a restart) took it on: not ours to remember.
        if (!taken)
            await _front.ForgetAsync(key, CancellationToken.None).ConfigureAwait(false);
        return taken;
    }

    public async ValueTask ForgetAsync(string key, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(key);
        await _front.ForgetAsync(key, cancellationToken).ConfigureAwait(false);
        var rowKey = TableKey.EscapeOrHash(key);
        var now = _time.GetUtcNow();
        try
        {
            using var timeout = StorageTimeout(cancellationToken);
            await _table.DeleteEntityAsync(PartitionFor(now), rowKey, cancellationToken: timeout.Token).ConfigureAwait(false);
            // Taken on before midnight, failed after it.
            if (IsJustAfterMidnight(now))
                await _table.DeleteEntityAsync(PartitionFor(now.AddDays(-1)), rowKey, cancellationToken: timeout.Token).ConfigureAwait(false);
        }
        catch (Exception e) when (StorageFailure.Is(e, cancellationToken))
        {
            // The turn already failed; the channel's retry will be taken for a redelivery. Nothing better to do
            // than say so: throwing here would only hide the turn's own failure.
            LogForgetFailed(_logger, e);
        }
    }

    async Task<bool> TryInsertAsync(string rowKey, DateTimeOffset now, CancellationToken cancellationToken)
    {
        using var timeout = StorageTimeout(cancellationToken);
        if (IsJustAfterMidnight(now))
        {
            var yesterday = await _table.GetEntityIfExistsAsync<ActivityLogEntity>(PartitionFor(now.AddDays(-1)), rowKey, cancellationToken: timeout.Token).ConfigureAwait(false);
            if (yesterday.HasValue)
                return false;
        }
        var takenBy = Guid.NewGuid().ToString("N");
        try
        {
            var row = new ActivityLogEntity { PartitionKey = PartitionFor(now), RowKey = rowKey, ReceivedAt = now, TakenBy = takenBy };
            await _table.AddEntityAsync(row, timeout.Token).ConfigureAwait(false);
            return true;
        }
        catch (RequestFailedException e) when (e.Status == 409 && e.ErrorCode == TableErrorCode.EntityAlreadyExists)
        {
            // The pipeline retries an insert whose response was lost; the retry then finds our own row. Only
            // someone else's row means a redelivery.
            var existing = await _table.GetEntityIfExistsAsync<ActivityLogEntity>(PartitionFor(now), rowKey, cancellationToken: timeout.Token).ConfigureAwait(false);
            return existing.HasValue && existing.Value!.TakenBy == takenBy;
        }
    }

    static bool IsJustAfterMidnight(DateTimeOffset now) => now.UtcDateTime.TimeOfDay < RedeliveryWindow;

    CancellationTokenSource StorageTimeout(CancellationToken cancellationToken)
    {
        var source = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        source.CancelAfter(_storageTimeout);
        return source;
    }

    // Storage refused, could not be reached, or did not answer in time; not the caller giving up.
    [LoggerMessage(Level = LogLevel.Warning, Message = "Activity log unavailable; processing the activity without the redelivery check (fail open)")]
    static partial void LogFailedOpen(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Activity log unavailable; a failed activity could not be forgotten, so the channel's retry may be skipped")]
    static partial void LogForgetFailed(ILogger logger, Exception exception);
}
