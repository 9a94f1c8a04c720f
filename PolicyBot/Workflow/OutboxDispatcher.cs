using System.Text.Json;
using Azure;
using Microsoft.Extensions.Options;
using PolicyBot.Graph;
using PolicyBot.Storage.Tables;
using System.Net.Sockets;

namespace PolicyBot.Workflow;

/// <summary>
/// Delivers outbox rows (cards through the Bot Connector, notifications through Graph) and deletes each once
/// delivered. Rows of one workflow are delivered in the order they were written: a row that waits for a retry holds
/// back the later rows for the same recipient, and an update of every copy waits for the cards posted before it (and
/// holds back everything after it), so a card is never updated before it was posted. A waiting notification holds
/// back only later notifications to the same person: Graph being away never stops the cards. Several instances can
/// run at once: a row is claimed with a conditional write before it is sent. Delivery is at least once: a crash
/// between sending and deleting sends that one message again.
/// </summary>
public sealed partial class OutboxDispatcher(
    TableServiceClient tables,
    IEnumerable<OutboxTable> outboxTables,
    ProactiveMessenger messenger,
    ITeamsNotifier notifier,
    OutboxSignal signal,
    IOptions<WorkflowOptions> options,
    TimeProvider time,
    ILogger<OutboxDispatcher> logger) : BackgroundService
{
    readonly WorkflowOptions _options = options.Value;
    readonly SemaphoreSlim _onePass = new(1, 1);

    public override void Dispose()
    {
        _onePass.Dispose();
        base.Dispose();
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await DispatchOnceAsync(stoppingToken);
            }
            catch (Exception e) when (!stoppingToken.IsCancellationRequested)
            {
                // Storage unreachable: nothing is lost, the rows wait for the next pass.
                LogPassFailed(logger, e);
            }
            try
            {
                await signal.WaitAsync(_options.DispatchInterval, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                break;
            }
        }
    }

    /// <summary>One pass over every outbox table; returns how many messages were delivered.</summary>
    public async Task<int> DispatchOnceAsync(CancellationToken cancellationToken = default)
    {
        await _onePass.WaitAsync(cancellationToken);
        try
        {
            var delivered = 0;
            var pass = new Pass();
            foreach (var name in outboxTables.Select(t => t.Name).Distinct(StringComparer.Ordinal))
            {
                var table = tables.GetTableClient(name);
                var rows = new List<OutboxEntity>();
                await foreach (var row in table.QueryAsync<OutboxEntity>(WorkflowRows.StartingWith(WorkflowRows.OutboxPrefix), cancellationToken: cancellationToken))
                    rows.Add(row);
                foreach (var partition in rows.GroupBy(r => r.PartitionKey, StringComparer.Ordinal))
                    delivered += await DispatchPartitionAsync(table, partition.OrderBy(r => r.RowKey, StringComparer.Ordinal), pass, cancellationToken);
            }
            return delivered;
        }
        finally
        {
            _onePass.Release();
        }
    }

    /// <summary>
    /// What one pass has learnt: once Graph has failed in a way worth retrying, the pass asks it nothing more. Each
    /// call to an unavailable Graph can take its client's whole retry budget (<c>Graph:MaxRetryWait</c>), and passes
    /// run one at a time, so asking again for every waiting notification would hold up every workflow's cards.
    /// </summary>
    sealed class Pass
    {
        public bool GraphAway { get; set; }
    }

    async Task<int> DispatchPartitionAsync(TableClient table, IEnumerable<OutboxEntity> rows, Pass pass, CancellationToken cancellationToken)
    {
        var delivered = 0;
        var waiting = new WaitingTargets();
        foreach (var row in rows)
        {
            if (row.Dead)
                continue;
            var target = TargetOf(row);
            if (waiting.Holds(target) || row.NotBefore > time.GetUtcNow() || (row.Kind == OutboxKind.Notification && pass.GraphAway)
                || !await TryClaimAsync(table, row, cancellationToken))
            {
                waiting.Add(target);
                continue;
            }
            var outcome = await DeliverAsync(table, row, cancellationToken);
            if (outcome.Delivered)
            {
                delivered++;
                continue;
            }
            if (row.Kind == OutboxKind.Notification && outcome.Retryable)
                pass.GraphAway = true;
            await RecordFailureAsync(table, row, outcome, cancellationToken);
            waiting.Add(target);
        }
        return delivered;
    }

    /// <summary>
    /// Who a row is for. Order matters per recipient (a person's cards arrive in the order they were caused), so
    /// one person's undeliverable card does not hold up the others'; updating every copy of a card depends on all
    /// the posts before it.
    /// </summary>
    static string TargetOf(OutboxEntity row) => row.Kind switch
    {
        OutboxKind.CardToUser => "user|" + row.UserAadObjectId,
        OutboxKind.CardToConversation => "conversation|" + row.ConversationId,
        OutboxKind.Notification => WaitingTargets.NotificationPrefix + row.UserAadObjectId,
        _ => WaitingTargets.Everyone,
    };

    /// <summary>The targets of a partition whose earlier rows are still waiting, in a pass.</summary>
    sealed class WaitingTargets
    {
        public const string Everyone = "*";
        public const string NotificationPrefix = "notification|";
        readonly HashSet<string> _targets = new(StringComparer.Ordinal);
        int _waitingCards;
        bool _everyone;

        // Updating every copy waits for the cards posted before it (it needs their copy rows), never for a notification:
        // a notification makes no copy, and Graph being away must not freeze a workflow's cards.
        public bool Holds(string target) => _everyone || (target == Everyone ? _waitingCards > 0 : _targets.Contains(target));

        public void Add(string target)
        {
            if (target == Everyone)
                _everyone = true;
            else if (_targets.Add(target) && !target.StartsWith(NotificationPrefix, StringComparison.Ordinal))
                _waitingCards++;
        }
    }

    async Task<bool> TryClaimAsync(TableClient table, OutboxEntity row, CancellationToken cancellationToken)
    {
        var etag = row.ETag;
        row.Attempts++;
        row.NotBefore = time.GetUtcNow() + _options.ClaimDuration;
        try
        {
            var response = await table.UpdateEntityAsync(row, etag, TableUpdateMode.Replace, cancellationToken);
            row.ETag = response.Headers.ETag ?? throw new InvalidOperationException("The table answered an update without an ETag.");
            return true;
        }
        catch (RequestFailedException e) when (e.Status is 404 or 412)
        {
            // Delivered or claimed by another instance in the meantime.
            return false;
        }
    }

    async Task<DeliveryOutcome> DeliverAsync(TableClient table, OutboxEntity row, CancellationToken cancellationToken)
    {
        try
        {
            switch (row.Kind)
            {
                case OutboxKind.CardToUser:
                    var toUser = await messenger.SendToUserAsync(row.TenantId, Required(row.UserAadObjectId), Required(row.CardJson), cancellationToken);
                    await CompleteAsync(table, row, toUser, cancellationToken);
                    return DeliveryOutcome.Done;
                case OutboxKind.CardToConversation:
                    if (PeopleOf(row) is { } people && await messenger.CountMembersOutsideAsync(Required(row.ServiceUrl), Required(row.ConversationId), people, cancellationToken) is > 0 and var outside)
                    {
                        // Meant only for these people, and others can read the conversation: not posted there at all.
                        LogNotPostedToOpenConversation(logger, row.PartitionKey, outside);
                        return new DeliveryOutcome(false, false, $"{outside} member(s) outside the card's audience", null);
                    }
                    var toConversation = await messenger.SendToConversationAsync(Required(row.ServiceUrl), Required(row.ConversationId), Required(row.CardJson), cancellationToken);
                    await CompleteAsync(table, row, toConversation, cancellationToken);
                    return DeliveryOutcome.Done;
                case OutboxKind.UpdateCardCopies:
                    await UpdateCopiesAsync(table, row, cancellationToken);
                    await CompleteAsync(table, row, null, cancellationToken);
                    return DeliveryOutcome.Done;
                case OutboxKind.Notification:
                    var result = await notifier.SendActivityNotificationAsync(Required(row.UserAadObjectId), RestoreNotification(row), cancellationToken);
                    if (result.Outcome == NotificationOutcome.Failed)
                        return new DeliveryOutcome(false, result.Retryable, "notification failed", result.RetryAfter);
                    if (!result.Delivered)
                        LogNotificationNotDelivered(logger, row.NotificationType, result.Outcome);
                    await CompleteAsync(table, row, null, cancellationToken);
                    return DeliveryOutcome.Done;
                default:
                    return new DeliveryOutcome(false, false, "unknown kind", null);
            }
        }
        catch (Exception e) when (e is ArgumentException or JsonException or FormatException)
        {
            // A malformed row (a service URL that is not a URL, broken card JSON) can never succeed: give it up now
            // rather than fail every pass on it.
            return new DeliveryOutcome(false, false, "malformed row: " + e.GetType().Name, null);
        }
        catch (RequestFailedException e) when (e.Status is 400 or 401 or 403 or 404)
        {
            return new DeliveryOutcome(false, false, $"refused {e.Status}", null);
        }
        catch (RequestFailedException e)
        {
            return new DeliveryOutcome(false, true, $"failed {e.Status}", null);
        }
        catch (Exception e) when (e is HttpRequestException or SocketException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
        {
            return new DeliveryOutcome(false, true, "unreachable", null);
        }
        catch (Exception e) when (!cancellationToken.IsCancellationRequested)
        {
            // Anything else (an expired credential, a reference that cannot be read) is retried with back-off and
            // in the end marked dead, never left to fail every pass.
            return new DeliveryOutcome(false, true, "unexpected: " + e.GetType().Name, null);
        }
    }

    async Task UpdateCopiesAsync(TableClient table, OutboxEntity row, CancellationToken cancellationToken)
    {
        var audience = AudienceOf(row);
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {row.PartitionKey}") + " and " + WorkflowRows.StartingWith(WorkflowRows.CopyPrefix);
        var copies = new List<CardCopyEntity>();
        await foreach (var copy in table.QueryAsync<CardCopyEntity>(filter, cancellationToken: cancellationToken))
            copies.Add(copy);
        foreach (var copy in copies)
        {
            try
            {
                bool withdrawn;
                try
                {
                    withdrawn = audience is not null && !await audience.SeesAsync(copy, messenger, cancellationToken);
                }
                catch (Exception e) when (IsUnreadableMembers(e, cancellationToken))
                {
                    // Who is in it cannot be told just now: nothing new goes there (it keeps what it showed), and
                    // nothing waits for it; the next change tries it again.
                    LogCopyUnverified(logger, row.PartitionKey, (e as RequestFailedException)?.Status ?? 0);
                    continue;
                }
                await messenger.UpdateAsync(copy, Required(withdrawn ? audience!.WithdrawnCardJson : row.CardJson), cancellationToken);
                if (withdrawn)
                {
                    // Withdrawn once, then forgotten: later changes never reach that conversation again.
                    await CardCopies.ForgetAsync(table, copy, cancellationToken);
                    LogCopyWithdrawn(logger, row.PartitionKey);
                }
            }
            catch (RequestFailedException e) when (e.Status is 403 or 404)
            {
                // The message or the bot's membership is gone: nothing left to update there.
                LogCopyGone(logger, e.Status);
            }
        }
    }

    static bool IsUnreadableMembers(Exception e, CancellationToken cancellationToken) =>
        e is RequestFailedException { Status: not (403 or 404) } or HttpRequestException or SocketException
        || (e is TaskCanceledException && !cancellationToken.IsCancellationRequested);

    /// <summary>Who still sees an update's copies, when the row names an audience.</summary>
    sealed record CopyAudience(HashSet<string> People, string? WithdrawnCardJson)
    {
        /// <summary>
        /// A copy in a 1:1 chat by its owner; any other (a channel, a group chat, a copy recorded before owners were)
        /// by the conversation's members now: only while every one of them is among the people.
        /// </summary>
        public async Task<bool> SeesAsync(CardCopyEntity copy, ProactiveMessenger messenger, CancellationToken cancellationToken) =>
            string.IsNullOrEmpty(copy.OwnerAadObjectId)
                ? await messenger.CountMembersOutsideAsync(copy.ServiceUrl, copy.ConversationId, People, cancellationToken) == 0
                : People.Contains(copy.OwnerAadObjectId);
    }

    static CopyAudience? AudienceOf(OutboxEntity row) =>
        PeopleOf(row) is { } people ? new CopyAudience(people, row.WithdrawnCardJson) : null;

    static HashSet<string>? PeopleOf(OutboxEntity row) =>
        row.AudiencePeople is null ? null : new(JsonSerializer.Deserialize<string[]>(row.AudiencePeople) ?? [], StringComparer.OrdinalIgnoreCase);

    /// <summary>
    /// The delivered row goes and, where the card is tracked, its copy row comes, in one transaction; then older copies
    /// of the card in the same chat are superseded (best effort: the message is delivered whatever happens to them).
    /// </summary>
    async Task CompleteAsync(TableClient table, OutboxEntity row, PostedCard? posted, CancellationToken cancellationToken)
    {
        var actions = new List<TableTransactionAction> { new(TableTransactionActionType.Delete, row, row.ETag) };
        CardCopyEntity? copy = null;
        if (posted is not null && row.TrackCopy && posted.ActivityId.Length > 0)
        {
            copy = CardCopies.Row(row.PartitionKey, posted, row.Kind == OutboxKind.CardToUser ? row.UserAadObjectId : null);
            actions.Add(new TableTransactionAction(TableTransactionActionType.UpsertReplace, copy));
        }
        try
        {
            await table.SubmitTransactionAsync(actions, cancellationToken);
        }
        catch (TableTransactionFailedException e) when (e.Status is 404 or 412)
        {
            // Our claim ran out and another instance took the row over; it will finish it.
            return;
        }
        if (copy is null)
            return;
        try
        {
            await CardCopies.SupersedeOlderAsync(table, messenger, copy, cancellationToken);
        }
        catch (Exception e) when (!cancellationToken.IsCancellationRequested)
        {
            LogSupersedeFailed(logger, row.PartitionKey, e.GetType().Name);
        }
    }

    async Task RecordFailureAsync(TableClient table, OutboxEntity row, DeliveryOutcome outcome, CancellationToken cancellationToken)
    {
        row.LastError = outcome.Error;
        if (!outcome.Retryable || row.Attempts >= _options.MaxAttempts)
        {
            row.Dead = true;
            LogDead(logger, row.PartitionKey, row.Kind, row.Attempts, outcome.Error);
        }
        else
        {
            var backoff = TimeSpan.FromTicks(Math.Min(_options.MaxRetryDelay.Ticks, _options.FirstRetryDelay.Ticks * (1L << Math.Min(row.Attempts - 1, 20))));
            var jitter = TimeSpan.FromMilliseconds(Random.Shared.Next(0, 250));
            row.NotBefore = time.GetUtcNow() + Max(backoff, outcome.RetryAfter ?? TimeSpan.Zero) + jitter;
            LogRetry(logger, row.PartitionKey, row.Kind, row.Attempts, outcome.Error);
        }
        try
        {
            if (row.Dead && FallbackFor(row) is { } fallback)
            {
                // Given up and replaced by its fallback in one transaction: the fallback is sent exactly when the row dies.
                await table.SubmitTransactionAsync(
                    [new(TableTransactionActionType.UpdateReplace, row, row.ETag), new(TableTransactionActionType.Add, fallback)], cancellationToken);
                LogFallbackQueued(logger, row.PartitionKey);
                signal.Notify();
            }
            else
            {
                await table.UpdateEntityAsync(row, row.ETag, TableUpdateMode.Replace, cancellationToken);
            }
        }
        catch (RequestFailedException e) when (e.Status is 404 or 412)
        {
        }
        catch (TableTransactionFailedException e) when (e.Status is 404 or 412)
        {
        }
    }

    /// <summary>The row that takes a dead card's place, if it has one; a fallback has none of its own.</summary>
    OutboxEntity? FallbackFor(OutboxEntity row)
    {
        if (row.Kind != OutboxKind.CardToUser || string.IsNullOrEmpty(row.FallbackCardJson) || string.IsNullOrEmpty(row.FallbackUserAadObjectId))
            return null;
        var now = time.GetUtcNow();
        return new OutboxEntity
        {
            PartitionKey = row.PartitionKey,
            RowKey = WorkflowRows.Outbox(now, 0),
            Kind = OutboxKind.CardToUser,
            TenantId = row.TenantId,
            UserAadObjectId = row.FallbackUserAadObjectId,
            CardJson = row.FallbackCardJson,
            CreatedAt = now,
            NotBefore = now,
        };
    }

    static ActivityNotification RestoreNotification(OutboxEntity row)
    {
        var parameters = JsonSerializer.Deserialize<Dictionary<string, string>>(row.NotificationParameters ?? "{}") ?? [];
        return ActivityNotification.Restore(Required(row.NotificationType), Required(row.NotificationReference),
            new Uri(Required(row.NotificationWebUrl)), row.NotificationPreview, parameters);
    }

    static string Required(string? value) =>
        string.IsNullOrEmpty(value) ? throw new RequestFailedException(400, "The outbox row is incomplete.") : value;

    static TimeSpan Max(TimeSpan a, TimeSpan b) => a > b ? a : b;

    readonly record struct DeliveryOutcome(bool Delivered, bool Retryable, string? Error, TimeSpan? RetryAfter)
    {
        public static DeliveryOutcome Done => new(true, false, null, null);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Outbox {Partition}: a card was given up; its fallback card is queued")]
    static partial void LogFallbackQueued(ILogger logger, string partition);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Outbox pass failed; undelivered messages wait for the next pass")]
    static partial void LogPassFailed(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Outbox {Partition}: {Kind} attempt {Attempts} failed ({Error}); will retry")]
    static partial void LogRetry(ILogger logger, string partition, OutboxKind kind, int attempts, string? error);

    [LoggerMessage(Level = LogLevel.Error, Message = "Outbox {Partition}: {Kind} given up after {Attempts} attempts ({Error}); the row is kept, marked dead")]
    static partial void LogDead(ILogger logger, string partition, OutboxKind kind, int attempts, string? error);

    [LoggerMessage(Level = LogLevel.Information, Message = "Notification {Type} not delivered: {Outcome}")]
    static partial void LogNotificationNotDelivered(ILogger logger, string? type, NotificationOutcome outcome);

    [LoggerMessage(Level = LogLevel.Information, Message = "A card copy could not be updated ({Status}); skipped")]
    static partial void LogCopyGone(ILogger logger, int status);

    [LoggerMessage(Level = LogLevel.Error, Message = "Outbox {Partition}: a card meant only for certain people was not posted to its conversation, which has {Outside} other member(s); use a channel whose members are only those people (docs/deploy.md, the DSL inbox)")]
    static partial void LogNotPostedToOpenConversation(ILogger logger, string partition, int outside);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Outbox {Partition}: older copies of a card could not be marked out of date ({Error}); they are still kept up to date")]
    static partial void LogSupersedeFailed(ILogger logger, string partition, string error);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Outbox {Partition}: a card copy was left as it was: its conversation's members could not be read ({Status})")]
    static partial void LogCopyUnverified(ILogger logger, string partition, int status);

    [LoggerMessage(Level = LogLevel.Information, Message = "Outbox {Partition}: a card copy outside the card's audience was withdrawn")]
    static partial void LogCopyWithdrawn(ILogger logger, string partition);
}
