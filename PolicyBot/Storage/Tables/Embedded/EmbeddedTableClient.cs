using System.Buffers.Text;
using System.Text;
using Azure;
using Microsoft.Data.Sqlite;

namespace PolicyBot.Storage.Tables.Embedded;

/// <summary>
/// <see cref="TableClient"/> on the embedded SQLite store: the same operations, ETags, status codes and error
/// codes as the Table service, so code written against one runs on the other.
/// </summary>
public class EmbeddedTableClient : TableClient
{
    const int RowsExaminedPerPage = 1000;

    readonly EmbeddedTableStore _store;
    readonly string _name;
    readonly string _key;

    /// <summary>A client for <paramref name="tableName"/> in the SQLite file at <paramref name="databasePath"/>.</summary>
    public EmbeddedTableClient(string databasePath, string tableName)
        : this(new EmbeddedTableStore(databasePath), tableName)
    {
    }

    internal EmbeddedTableClient(EmbeddedTableStore store, string tableName)
    {
        TableRules.ValidateTableName(tableName);
        _store = store;
        _name = tableName;
        _key = EmbeddedTableStore.KeyOf(tableName);
    }

    public override string Name => _name;

    /// <summary>As long as an Azure account's endpoint can be (a 24-letter name), so a batch is never measured smaller than the service would see it.</summary>
    const string BatchSizeEndpoint = "https://abcdefghijklmnopqrstuvwx.table.core.windows.net/";

    public override Task<Response<TableItem>> CreateIfNotExistsAsync(CancellationToken cancellationToken = default) =>
        Task.FromResult(EmbeddedTableServiceClient.CreateTable(_store, _name));

    public override Task<Response> DeleteAsync(CancellationToken cancellationToken = default) =>
        Task.FromResult(EmbeddedTableServiceClient.DeleteTable(_store, _name));

    public override async Task<Response<T>> GetEntityAsync<T>(string partitionKey, string rowKey, IEnumerable<string>? select = null, CancellationToken cancellationToken = default)
    {
        var response = await GetEntityIfExistsAsync<T>(partitionKey, rowKey, select, cancellationToken).ConfigureAwait(false);
        return response.HasValue
            ? Response.FromValue(response.Value!, response.GetRawResponse())
            : throw TableErrors.ResourceNotFound();
    }

    public override Task<NullableResponse<T>> GetEntityIfExistsAsync<T>(string partitionKey, string rowKey, IEnumerable<string>? select = null, CancellationToken cancellationToken = default)
    {
        TableRules.ValidateKeys(partitionKey, rowKey);
        cancellationToken.ThrowIfCancellationRequested();
        using var connection = _store.Open();
        var stored = Load(connection, null, partitionKey, rowKey);
        if (stored is null)
        {
            if (!EmbeddedTableStore.TableExists(connection, null, _name))
                throw TableErrors.TableNotFound();
            return Task.FromResult<NullableResponse<T>>(new TableNullableResponse<T>(null, new LocalResponse(404, "Not Found")));
        }
        var (etag, timestamp, json) = stored.Value;
        var properties = Project(EmbeddedTableStore.ReadProperties(json, partitionKey, rowKey), select?.ToArray(), out var keepTimestamp);
        var entity = EntityTypeMap.FromProperties<T>(properties, keepTimestamp ? timestamp : null, etag);
        return Task.FromResult<NullableResponse<T>>(new TableNullableResponse<T>(entity, LocalResponse.WithETag(200, etag)));
    }

    public override Task<Response> AddEntityAsync<T>(T entity, CancellationToken cancellationToken = default)
    {
        var properties = TableRules.PropertiesOf(entity);
        return Task.FromResult<Response>(Write((c, t) => Apply(c, t, TableTransactionActionType.Add, properties, default)));
    }

    public override Task<Response> UpsertEntityAsync<T>(T entity, TableUpdateMode mode = TableUpdateMode.Merge, CancellationToken cancellationToken = default)
    {
        var properties = TableRules.PropertiesOf(entity);
        var type = mode == TableUpdateMode.Replace ? TableTransactionActionType.UpsertReplace : TableTransactionActionType.UpsertMerge;
        return Task.FromResult<Response>(Write((c, t) => Apply(c, t, type, properties, default)));
    }

    public override Task<Response> UpdateEntityAsync<T>(T entity, ETag ifMatch, TableUpdateMode mode = TableUpdateMode.Merge, CancellationToken cancellationToken = default)
    {
        var properties = TableRules.PropertiesOf(entity);
        TableRules.ValidateUpdateIfMatch(ifMatch);
        var type = mode == TableUpdateMode.Replace ? TableTransactionActionType.UpdateReplace : TableTransactionActionType.UpdateMerge;
        return Task.FromResult<Response>(Write((c, t) => Apply(c, t, type, properties, ifMatch)));
    }

    public override Task<Response> DeleteEntityAsync(string partitionKey, string rowKey, ETag ifMatch = default, CancellationToken cancellationToken = default)
    {
        TableRules.ValidateKeys(partitionKey, rowKey);
        var keys = new Dictionary<string, object?> { [TableConstants.PartitionKey] = partitionKey, [TableConstants.RowKey] = rowKey };
        try
        {
            return Task.FromResult<Response>(Write((c, t) => Apply(c, t, TableTransactionActionType.Delete, keys, ifMatch)));
        }
        catch (RequestFailedException e) when (e.Status == 404 && e.ErrorCode == TableErrorCode.ResourceNotFound && ifMatch == default)
        {
            // As the HTTP client: deleting what is not there, unconditionally, is not an error.
            return Task.FromResult<Response>(new LocalResponse(404, "Not Found"));
        }
    }

    public override Task<Response<IReadOnlyList<Response>>> SubmitTransactionAsync(IEnumerable<TableTransactionAction> transactionActions, CancellationToken cancellationToken = default)
    {
        var actions = TableRules.ValidateTransaction(transactionActions);
        // Measured as the HTTP client measures it (the $batch body it would send), so both stores refuse the same batches.
        TableRules.ValidateBatchSize(TableBatch.Build(new Uri(BatchSizeEndpoint + _name), actions).Body.Length);
        cancellationToken.ThrowIfCancellationRequested();
        using var connection = _store.Open();
        using var transaction = connection.BeginTransaction();
        var responses = new List<Response>(actions.Count);
        for (var i = 0; i < actions.Count; i++)
        {
            var (action, properties) = actions[i];
            try
            {
                responses.Add(Apply(connection, transaction, action.ActionType, properties, action.ETag));
            }
            catch (RequestFailedException e)
            {
                transaction.Rollback();
                throw new TableTransactionFailedException(e.Status, $"The transaction failed at action {i}: {e.Message}", e.ErrorCode, i, e);
            }
        }
        transaction.Commit();
        IReadOnlyList<Response> result = responses;
        return Task.FromResult(Response.FromValue(result, (Response)new LocalResponse(202, "Accepted")));
    }

    public override AsyncPageable<T> QueryAsync<T>(string? filter = null, int? maxPerPage = null, IEnumerable<string>? select = null, CancellationToken cancellationToken = default)
    {
        ValidatePageSize(maxPerPage);
        var selected = select?.ToArray();
        return new TablePageable<T>(
            (continuation, pageSize, ct) =>
            {
                ct.ThrowIfCancellationRequested();
                return Task.FromResult(QueryPage<T>(ODataFilter.Parse(filter), pageSize ?? TableConstants.MaxPageSize, selected, continuation));
            },
            maxPerPage,
            cancellationToken);
    }

    Page<T> QueryPage<T>(ODataFilter? filter, int pageSize, string[]? select, string? continuation)
        where T : class, ITableEntity, new()
    {
        using var connection = _store.Open();
        if (!EmbeddedTableStore.TableExists(connection, null, _name))
            throw TableErrors.TableNotFound();

        using var command = connection.CreateCommand();
        var sql = new StringBuilder("SELECT pk, rk, etag, timestamp, properties FROM entities WHERE table_name = $table");
        command.Parameters.AddWithValue("$table", _key);
        if (DecodeContinuation(continuation) is var (fromPk, fromRk))
        {
            sql.Append(" AND (pk > $fromPk OR (pk = $fromPk AND rk >= $fromRk))");
            command.Parameters.AddWithValue("$fromPk", fromPk);
            command.Parameters.AddWithValue("$fromRk", fromRk);
        }
        AppendKeyConditions(filter, sql, command);
        sql.Append(" ORDER BY pk, rk LIMIT $limit;");
        command.Parameters.AddWithValue("$limit", RowsExaminedPerPage + 1);
        command.CommandText = sql.ToString();

        var values = new List<T>();
        string? next = null;
        using var reader = command.ExecuteReader();
        var examined = 0;
        while (reader.Read())
        {
            var partitionKey = reader.GetString(0);
            var rowKey = reader.GetString(1);
            if (examined++ == RowsExaminedPerPage || values.Count == pageSize)
            {
                // Like the service, stop after a bounded amount of work; the page may even be empty.
                next = EncodeContinuation(partitionKey, rowKey);
                break;
            }
            var properties = EmbeddedTableStore.ReadProperties((byte[])reader[4], partitionKey, rowKey);
            var timestamp = EmbeddedTableStore.ParseTimestamp(reader.GetString(3));
            if (filter is not null)
            {
                properties[TableConstants.Timestamp] = timestamp;
                if (!filter.Matches(properties))
                    continue;
                properties.Remove(TableConstants.Timestamp);
            }
            var projected = Project(properties, select, out var keepTimestamp);
            values.Add(EntityTypeMap.FromProperties<T>(projected, keepTimestamp ? timestamp : null, new ETag(reader.GetString(2))));
        }
        return Page<T>.FromValues(values, next, new LocalResponse(200, "OK"));
    }

    /// <summary>Narrows the scan with the filter's top-level key conditions; the filter itself still decides.</summary>
    static void AppendKeyConditions(ODataFilter? filter, StringBuilder sql, SqliteCommand command)
    {
        var index = 0;
        foreach (var comparison in TopLevelConjuncts(filter))
        {
            if (comparison is not { Literal: string literal, Property: TableConstants.PartitionKey or TableConstants.RowKey })
                continue;
            var sqlOperator = comparison.Operator switch { "eq" => "=", "gt" => ">", "ge" => ">=", "lt" => "<", "le" => "<=", _ => null };
            if (sqlOperator is null)
                continue;
            var column = comparison.Property == TableConstants.PartitionKey ? "pk" : "rk";
            var parameter = "$k" + index++;
            sql.Append(" AND ").Append(column).Append(' ').Append(sqlOperator).Append(' ').Append(parameter);
            command.Parameters.AddWithValue(parameter, literal);
        }
    }

    static IEnumerable<ODataFilter.Comparison> TopLevelConjuncts(ODataFilter? filter) => filter switch
    {
        ODataFilter.And and => TopLevelConjuncts(and.Left).Concat(TopLevelConjuncts(and.Right)),
        ODataFilter.Comparison comparison => [comparison],
        _ => [],
    };

    static string EncodeContinuation(string partitionKey, string rowKey) =>
        "k" + Base64Url.EncodeToString(Encoding.UTF8.GetBytes(partitionKey)) + " k" + Base64Url.EncodeToString(Encoding.UTF8.GetBytes(rowKey));

    static (string, string)? DecodeContinuation(string? token)
    {
        if (!TableContinuation.TryParse(token, out var pk, out var rk) || rk is null || !pk.StartsWith('k') || !rk.StartsWith('k'))
            return token is null ? null : throw ODataFilter.Invalid("The continuation token is not one this store issued.");
        try
        {
            return (Encoding.UTF8.GetString(Base64Url.DecodeFromChars(pk.AsSpan(1))), Encoding.UTF8.GetString(Base64Url.DecodeFromChars(rk.AsSpan(1))));
        }
        catch (FormatException)
        {
            throw ODataFilter.Invalid("The continuation token is not one this store issued.");
        }
    }

    static Dictionary<string, object?> Project(Dictionary<string, object?> properties, string[]? select, out bool keepTimestamp)
    {
        if (select is null || select.Length == 0)
        {
            keepTimestamp = true;
            return properties;
        }
        keepTimestamp = select.Contains(TableConstants.Timestamp, StringComparer.Ordinal);
        var projected = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (var name in select)
        {
            if (properties.TryGetValue(name, out var value))
                projected[name] = value;
        }
        return projected;
    }

    LocalResponse Write(Func<SqliteConnection, SqliteTransaction, LocalResponse> apply)
    {
        using var connection = _store.Open();
        using var transaction = connection.BeginTransaction();
        var response = apply(connection, transaction);
        transaction.Commit();
        return response;
    }

    /// <summary>One action inside an open transaction; throws the service's error when the action cannot apply.</summary>
    LocalResponse Apply(SqliteConnection connection, SqliteTransaction transaction, TableTransactionActionType type, Dictionary<string, object?> properties, ETag ifMatch)
    {
        if (!EmbeddedTableStore.TableExists(connection, transaction, _name))
            throw TableErrors.TableNotFound();
        var partitionKey = (string)properties[TableConstants.PartitionKey]!;
        var rowKey = (string)properties[TableConstants.RowKey]!;

        if (type == TableTransactionActionType.Add)
        {
            var etag = EmbeddedTableStore.NextETag(connection, transaction);
            using var insert = Command(connection, transaction, """
                INSERT INTO entities (table_name, pk, rk, etag, timestamp, properties)
                VALUES ($table, $pk, $rk, $etag, $timestamp, $properties)
                ON CONFLICT (table_name, pk, rk) DO NOTHING;
                """, partitionKey, rowKey);
            AddValues(insert, etag, properties);
            return insert.ExecuteNonQuery() == 1 ? LocalResponse.WithETag(204, etag) : throw TableErrors.EntityAlreadyExists();
        }

        var stored = Load(connection, transaction, partitionKey, rowKey);
        var needsExisting = type is TableTransactionActionType.UpdateMerge or TableTransactionActionType.UpdateReplace or TableTransactionActionType.Delete;
        if (stored is null && needsExisting)
            throw TableErrors.ResourceNotFound();
        if (stored is not null && needsExisting && ifMatch != default && ifMatch != ETag.All &&
            !string.Equals(ifMatch.ToString("H"), stored.Value.ETag.ToString("H"), StringComparison.Ordinal))
            throw TableErrors.UpdateConditionNotSatisfied();

        if (type == TableTransactionActionType.Delete)
        {
            using var delete = Command(connection, transaction, "DELETE FROM entities WHERE table_name = $table AND pk = $pk AND rk = $rk;", partitionKey, rowKey);
            delete.ExecuteNonQuery();
            return new LocalResponse(204, "No Content");
        }

        var merged = properties;
        if (stored is not null && type is TableTransactionActionType.UpdateMerge or TableTransactionActionType.UpsertMerge)
        {
            merged = EmbeddedTableStore.ReadProperties(stored.Value.Json, partitionKey, rowKey);
            foreach (var (name, value) in properties)
                merged[name] = value;
        }
        var newETag = EmbeddedTableStore.NextETag(connection, transaction);
        using var upsert = Command(connection, transaction, """
            INSERT INTO entities (table_name, pk, rk, etag, timestamp, properties)
            VALUES ($table, $pk, $rk, $etag, $timestamp, $properties)
            ON CONFLICT (table_name, pk, rk) DO UPDATE SET
                etag = excluded.etag, timestamp = excluded.timestamp, properties = excluded.properties;
            """, partitionKey, rowKey);
        AddValues(upsert, newETag, merged);
        upsert.ExecuteNonQuery();
        return LocalResponse.WithETag(204, newETag);
    }

    (ETag ETag, DateTimeOffset Timestamp, byte[] Json)? Load(SqliteConnection connection, SqliteTransaction? transaction, string partitionKey, string rowKey)
    {
        using var select = Command(connection, transaction, "SELECT etag, timestamp, properties FROM entities WHERE table_name = $table AND pk = $pk AND rk = $rk;", partitionKey, rowKey);
        using var reader = select.ExecuteReader();
        if (!reader.Read())
            return null;
        return (new ETag(reader.GetString(0)), EmbeddedTableStore.ParseTimestamp(reader.GetString(1)), (byte[])reader[2]);
    }

    SqliteCommand Command(SqliteConnection connection, SqliteTransaction? transaction, string sql, string partitionKey, string rowKey)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        command.Parameters.AddWithValue("$table", _key);
        command.Parameters.AddWithValue("$pk", partitionKey);
        command.Parameters.AddWithValue("$rk", rowKey);
        return command;
    }

    static void AddValues(SqliteCommand command, ETag etag, Dictionary<string, object?> properties)
    {
        command.Parameters.AddWithValue("$etag", etag.ToString("H"));
        command.Parameters.AddWithValue("$timestamp", EmbeddedTableStore.FormatTimestamp(DateTimeOffset.UtcNow));
        command.Parameters.AddWithValue("$properties", TableJson.Serialize(properties, includeKeys: false));
    }
}

/// <summary>The Table service's errors, with its status codes, error codes and messages.</summary>
static class TableErrors
{
    public static RequestFailedException ResourceNotFound() =>
        new(404, "The specified resource does not exist.", TableErrorCode.ResourceNotFound, null);

    public static RequestFailedException TableNotFound() =>
        new(404, "The table specified does not exist.", TableErrorCode.TableNotFound, null);

    public static RequestFailedException EntityAlreadyExists() =>
        new(409, "The specified entity already exists.", TableErrorCode.EntityAlreadyExists, null);

    public static RequestFailedException UpdateConditionNotSatisfied() =>
        new(412, "The update condition specified in the request was not satisfied.", TableErrorCode.UpdateConditionNotSatisfied, null);
}
