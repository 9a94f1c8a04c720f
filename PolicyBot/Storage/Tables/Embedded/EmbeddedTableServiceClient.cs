using Azure;

namespace PolicyBot.Storage.Tables.Embedded;

/// <summary>
/// <see cref="TableServiceClient"/> on a SQLite file: what PolicyBot runs on when no storage account is
/// configured, so that <c>dotnet run</c> works on a fresh machine and keeps its state across restarts.
/// Safe for concurrent callers in this process and in other processes opening the same file.
/// </summary>
public class EmbeddedTableServiceClient : TableServiceClient
{
    readonly EmbeddedTableStore _store;

    public EmbeddedTableServiceClient(string databasePath)
    {
        _store = new EmbeddedTableStore(databasePath);
    }

    /// <summary>The full path of the SQLite file.</summary>
    public string DatabasePath => _store.DatabasePath;

    public override Uri Uri => new(_store.DatabasePath);

    public override TableClient GetTableClient(string tableName) => new EmbeddedTableClient(_store, tableName);

    public override Task<Response<TableItem>> CreateTableIfNotExistsAsync(string tableName, CancellationToken cancellationToken = default)
    {
        TableRules.ValidateTableName(tableName);
        return Task.FromResult(CreateTable(_store, tableName));
    }

    public override Task<Response> DeleteTableAsync(string tableName, CancellationToken cancellationToken = default)
    {
        TableRules.ValidateTableName(tableName);
        return Task.FromResult(DeleteTable(_store, tableName));
    }

    public override AsyncPageable<TableItem> QueryAsync(string? filter = null, int? maxPerPage = null, CancellationToken cancellationToken = default)
    {
        TableClient.ValidatePageSize(maxPerPage);
        return new TablePageable<TableItem>(
            (continuation, pageSize, ct) =>
            {
                ct.ThrowIfCancellationRequested();
                var parsed = ODataFilter.Parse(filter);
                using var connection = _store.Open();
                using var command = connection.CreateCommand();
                command.CommandText = "SELECT name FROM tables WHERE name >= $from ORDER BY name LIMIT $limit;";
                command.Parameters.AddWithValue("$from", continuation ?? "");
                command.Parameters.AddWithValue("$limit", (pageSize ?? TableConstants.MaxPageSize) + 1);
                var names = new List<string>();
                using (var reader = command.ExecuteReader())
                {
                    while (reader.Read())
                        names.Add(reader.GetString(0));
                }
                var limit = pageSize ?? TableConstants.MaxPageSize;
                var next = names.Count > limit ? names[limit] : null;
                var page = names.Take(limit)
                    .Where(name => parsed is null || parsed.Matches(new Dictionary<string, object?> { ["TableName"] = name }))
                    .Select(name => new TableItem(name))
                    .ToList();
                return Task.FromResult(Page<TableItem>.FromValues(page, next, new LocalResponse(200, "OK")));
            },
            maxPerPage,
            cancellationToken);
    }

    internal static Response<TableItem> CreateTable(EmbeddedTableStore store, string tableName)
    {
        using var connection = store.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "INSERT INTO tables (name) VALUES ($name) ON CONFLICT (name) DO NOTHING;";
        command.Parameters.AddWithValue("$name", tableName);
        var created = command.ExecuteNonQuery() == 1;
        return Response.FromValue(new TableItem(tableName), (Response)new LocalResponse(created ? 204 : 409, created ? "No Content" : "Conflict"));
    }

    internal static Response DeleteTable(EmbeddedTableStore store, string tableName)
    {
        using var connection = store.Open();
        using var transaction = connection.BeginTransaction();
        using var deleteTable = connection.CreateCommand();
        deleteTable.Transaction = transaction;
        deleteTable.CommandText = "DELETE FROM tables WHERE name = $name;";
        deleteTable.Parameters.AddWithValue("$name", tableName);
        var existed = deleteTable.ExecuteNonQuery() == 1;
        using var deleteEntities = connection.CreateCommand();
        deleteEntities.Transaction = transaction;
        deleteEntities.CommandText = "DELETE FROM entities WHERE table_name = $table;";
        deleteEntities.Parameters.AddWithValue("$table", EmbeddedTableStore.KeyOf(tableName));
        deleteEntities.ExecuteNonQuery();
        transaction.Commit();
        return new LocalResponse(existed ? 204 : 404, existed ? "No Content" : "Not Found");
    }
}
