using System.Globalization;
using System.Text.Json;
using Azure;
using Microsoft.Data.Sqlite;

namespace PolicyBot.Storage.Tables.Embedded;

/// <summary>
/// The SQLite file behind the embedded store: one <c>entities</c> table keyed by (table, PartitionKey, RowKey),
/// properties kept as the Table service's own JSON. Every write is a SQLite transaction begun IMMEDIATE
/// (writers queue on the file lock, in this process or another, for up to the busy timeout), in WAL mode
/// with <c>synchronous=FULL</c>: a write acknowledged to the caller survives a process kill and a power cut.
/// </summary>
sealed class EmbeddedTableStore
{
    const int BusyTimeoutSeconds = 30;

    readonly string _connectionString;
    readonly Lazy<bool> _initialized;

    public EmbeddedTableStore(string databasePath)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(databasePath);
        DatabasePath = Path.GetFullPath(databasePath);
        _connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = DatabasePath,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Cache = SqliteCacheMode.Private,
            Pooling = true,
            DefaultTimeout = BusyTimeoutSeconds,
        }.ToString();
        _initialized = new Lazy<bool>(Initialize, LazyThreadSafetyMode.ExecutionAndPublication);
    }

    public string DatabasePath { get; }

    bool Initialize()
    {
        var directory = Path.GetDirectoryName(DatabasePath);
        if (!string.IsNullOrEmpty(directory))
            Directory.CreateDirectory(directory);
        using var connection = OpenRaw();
        Execute(connection, "PRAGMA journal_mode=WAL;");
        using var transaction = connection.BeginTransaction();
        Execute(connection, """
            CREATE TABLE IF NOT EXISTS tables (
                name TEXT NOT NULL PRIMARY KEY COLLATE NOCASE
            ) WITHOUT ROWID;
            CREATE TABLE IF NOT EXISTS entities (
                table_name TEXT NOT NULL,
                pk TEXT NOT NULL,
                rk TEXT NOT NULL,
                etag TEXT NOT NULL,
                timestamp TEXT NOT NULL,
                properties BLOB NOT NULL,
                PRIMARY KEY (table_name, pk, rk)
            ) WITHOUT ROWID;
            CREATE TABLE IF NOT EXISTS version (
                id INTEGER NOT NULL PRIMARY KEY CHECK (id = 1),
                value INTEGER NOT NULL
            );
            INSERT OR IGNORE INTO version (id, value) VALUES (1, 0);
            """, transaction);
        transaction.Commit();
        return true;
    }

    /// <summary>A pooled connection with this store's per-connection settings applied.</summary>
    public SqliteConnection Open()
    {
        _ = _initialized.Value;
        return OpenRaw();
    }

    SqliteConnection OpenRaw()
    {
        var connection = new SqliteConnection(_connectionString);
        connection.Open();
        Execute(connection, $"PRAGMA synchronous=FULL; PRAGMA busy_timeout={BusyTimeoutSeconds * 1000};");
        return connection;
    }

    public static void Execute(SqliteConnection connection, string sql, SqliteTransaction? transaction = null)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    /// <summary>The next ETag: a store-wide counter, so no two writes (even after a delete) share one.</summary>
    public static ETag NextETag(SqliteConnection connection, SqliteTransaction transaction)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "UPDATE version SET value = value + 1 WHERE id = 1 RETURNING value;";
        var value = (long)command.ExecuteScalar()!;
        return new ETag("W/\"" + value.ToString(CultureInfo.InvariantCulture) + "\"");
    }

    public static bool TableExists(SqliteConnection connection, SqliteTransaction? transaction, string tableName)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "SELECT 1 FROM tables WHERE name = $name;";
        command.Parameters.AddWithValue("$name", tableName);
        return command.ExecuteScalar() is not null;
    }

    public static string KeyOf(string tableName) => tableName.ToUpperInvariant();

    public static Dictionary<string, object?> ReadProperties(byte[] json, string partitionKey, string rowKey)
    {
        using var document = JsonDocument.Parse(json);
        var properties = TableJson.Read(document.RootElement, out _, out _);
        properties[TableConstants.PartitionKey] = partitionKey;
        properties[TableConstants.RowKey] = rowKey;
        return properties;
    }

    public static string FormatTimestamp(DateTimeOffset time) => TableJson.FormatDateTime(time);

    public static DateTimeOffset ParseTimestamp(string text) => TableJson.ParseDateTime(text);
}
