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

    /// <summary>Runs once, before the next transaction on any table; the transaction then goes ahead as sent.</summary>
    public Func<Task>? BeforeNextTransaction
    {
        get => _beforeNextTransaction;
        set => _beforeNextTransaction = value;
    }

    public override TableClient GetTableClient(string tableName) => new Interleaving(this, DatabasePath, tableName);

    Func<Task>? TakeHook() => Interlocked.Exchange(ref _beforeNextTransaction, null);

    sealed class Interleaving(InterleavingTableServiceClient owner, string databasePath, string tableName) : EmbeddedTableClient(databasePath, tableName)
    {
        public override async Task<Response<IReadOnlyList<Response>>> SubmitTransactionAsync(IEnumerable<TableTransactionAction> transactionActions, CancellationToken cancellationToken = default)
        {
            if (owner.TakeHook() is { } hook)
                await hook();
            return await base.SubmitTransactionAsync(transactionActions, cancellationToken);
        }
    }
}
