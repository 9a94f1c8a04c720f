using Azure;
using PolicyBot.Storage.Tables;
using PolicyBot.Storage.Tables.Embedded;

namespace PolicyBot.Tests.Infrastructure;

/// <summary>
/// The embedded store with a way to make a race happen on purpose: <see cref="BeforeNextTransaction"/> runs once, just
/// before the next transaction reaches the store, so another writer (a reminder pass, a second click) can change a
/// row between a handler's read and its conditional write.
/// </summary>
public sealed class InterleavingTableServiceClient(string databasePath) : EmbeddedTableServiceClient(databasePath)
{
    Func<Task>? _beforeNextTransaction;
    (string Partition, Func<Task> Hook)? _beforeTransactionIn;

    /// <summary>Runs once, before the next transaction on any table; the transaction then goes ahead as sent.</summary>
    public Func<Task>? BeforeNextTransaction
    {
        get => _beforeNextTransaction;
        set => _beforeNextTransaction = value;
    }

    /// <summary>Runs <paramref name="hook"/> once, before the next transaction in <paramref name="partitionKey"/>.</summary>
    public void BeforeTransactionIn(string partitionKey, Func<Task> hook) => _beforeTransactionIn = (partitionKey, hook);

    public override TableClient GetTableClient(string tableName) => new Interleaving(this, DatabasePath, tableName);

    Func<Task>? TakeHook(IEnumerable<TableTransactionAction> actions)
    {
        if (Interlocked.Exchange(ref _beforeNextTransaction, null) is { } next)
            return next;
        if (_beforeTransactionIn is { } aimed && actions.FirstOrDefault()?.Entity.PartitionKey == aimed.Partition)
        {
            _beforeTransactionIn = null;
            return aimed.Hook;
        }
        return null;
    }

    sealed class Interleaving(InterleavingTableServiceClient owner, string databasePath, string tableName) : EmbeddedTableClient(databasePath, tableName)
    {
        public override async Task<Response<IReadOnlyList<Response>>> SubmitTransactionAsync(IEnumerable<TableTransactionAction> transactionActions, CancellationToken cancellationToken = default)
        {
            var actions = transactionActions.ToList();
            if (owner.TakeHook(actions) is { } hook)
                await hook();
            return await base.SubmitTransactionAsync(actions, cancellationToken);
        }
    }
}
