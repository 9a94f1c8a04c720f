using Azure;
using PolicyBot.Storage.Tables;

namespace PolicyBot.Workflow;

/// <summary>
/// One workflow change as one entity-group transaction in the workflow's partition: the new state (added, or
/// replaced If-Match the ETag it was read with), an audit row, and the outbox rows for what it causes.
/// Either all of it is stored or none of it.
/// </summary>
public sealed class WorkflowTransaction
{
    readonly string _partitionKey;
    readonly DateTimeOffset _now;
    readonly List<TableTransactionAction> _actions = [];
    int _sequence;
    bool _hasState;

    public WorkflowTransaction(string partitionKey, DateTimeOffset now)
    {
        ArgumentException.ThrowIfNullOrEmpty(partitionKey);
        _partitionKey = partitionKey;
        _now = now;
    }

    /// <summary>How many outbox rows the transaction writes.</summary>
    public int MessageCount { get; private set; }

    /// <summary>A new workflow's first state; fails with 409 if it already exists.</summary>
    public WorkflowTransaction Create(ITableEntity state)
    {
        Own(state, WorkflowRows.State);
        // The state goes first, whenever it is given: a 409/412 on action 0 is what tells a conflict apart.
        _actions.Insert(0, new TableTransactionAction(TableTransactionActionType.Add, state));
        return this;
    }

    /// <summary>The changed state, written only if nobody changed it since it was read with <paramref name="ifMatch"/>.</summary>
    public WorkflowTransaction Replace(ITableEntity state, ETag ifMatch)
    {
        if (ifMatch == default)
            throw new ArgumentException("A workflow state is replaced only against the ETag it was read with.", nameof(ifMatch));
        Own(state, WorkflowRows.State);
        _actions.Insert(0, new TableTransactionAction(TableTransactionActionType.UpdateReplace, state, ifMatch));
        return this;
    }

    public WorkflowTransaction Audit(string by, string byName, string action, string? note = null)
    {
        _actions.Add(new TableTransactionAction(TableTransactionActionType.Add, new AuditEntity
        {
            PartitionKey = _partitionKey,
            RowKey = WorkflowRows.Audit(_now),
            At = _now,
            By = by,
            ByName = byName,
            Action = action,
            Note = note,
        }));
        return this;
    }

    public WorkflowTransaction Send(OutboxMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        _actions.Add(new TableTransactionAction(TableTransactionActionType.Add,
            message.ToEntity(_partitionKey, WorkflowRows.Outbox(_now, _sequence++), _now)));
        MessageCount++;
        return this;
    }

    /// <summary>
    /// Records a card that is already posted (the message an invoke's answer replaced) as a copy of the workflow's card,
    /// so that later changes update it too.
    /// </summary>
    public WorkflowTransaction Copy(string conversationId, string activityId, string serviceUrl)
    {
        ArgumentException.ThrowIfNullOrEmpty(conversationId);
        ArgumentException.ThrowIfNullOrEmpty(activityId);
        ArgumentException.ThrowIfNullOrEmpty(serviceUrl);
        _actions.Add(new TableTransactionAction(TableTransactionActionType.UpsertReplace,
            CardCopies.Row(_partitionKey, new PostedCard(conversationId, activityId, serviceUrl), ownerAadObjectId: null)));
        return this;
    }

    public WorkflowTransaction Send(IEnumerable<OutboxMessage> messages)
    {
        foreach (var message in messages)
            Send(message);
        return this;
    }

    /// <summary>
    /// Stores the change. A stale ETag (someone else acted first) or an existing record becomes a
    /// <see cref="WorkflowConflictException"/>: reload and show the current state. A row or the whole change larger than
    /// Table Storage holds becomes a <see cref="WorkflowTooLargeException"/>: nothing was written, and trying again
    /// cannot help, so the person is asked to write less rather than to try later.
    /// </summary>
    public async Task SubmitAsync(TableClient table, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(table);
        try
        {
            // Both stores check the service's size limits before anything is sent or written.
            await table.SubmitTransactionAsync(_actions, cancellationToken);
        }
        catch (TableSizeLimitException e)
        {
            throw new WorkflowTooLargeException(e);
        }
        catch (TableTransactionFailedException e) when (e.Status is 409 or 412 && e.FailedTransactionActionIndex is null or 0)
        {
            throw new WorkflowConflictException(e);
        }
        catch (RequestFailedException e) when (e.Status == 413 || e.ErrorCode is TableErrorCode.PropertyValueTooLarge or TableErrorCode.EntityTooLarge or TableErrorCode.RequestBodyTooLarge)
        {
            // The service measured more than the stores did: the same answer, never "try again".
            throw new WorkflowTooLargeException(e);
        }
    }

    void Own(ITableEntity state, string rowKey)
    {
        ArgumentNullException.ThrowIfNull(state);
        if (_hasState)
            throw new InvalidOperationException("A workflow change writes its state once.");
        _hasState = true;
        state.PartitionKey = _partitionKey;
        state.RowKey = rowKey;
    }
}

/// <summary>The change does not fit in Table Storage (a card or a text too long for its row); nothing was written.</summary>
public sealed class WorkflowTooLargeException(Exception inner)
    : Exception("The change is too large to store; nothing was written.", inner);

/// <summary>Someone else changed the workflow first; nothing was written.</summary>
public sealed class WorkflowConflictException(Exception inner)
    : Exception("The record was changed by someone else first; nothing was written.", inner);
