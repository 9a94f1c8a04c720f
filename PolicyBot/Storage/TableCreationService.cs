using Microsoft.Extensions.Logging;
using PolicyBot.Storage.Tables;

namespace PolicyBot.Storage;

/// <summary>
/// Creates every declared table before the app takes traffic (never in constructors). If storage cannot be
/// reached the host fails to start, saying where it tried, rather than failing on the first user's message.
/// </summary>
sealed partial class TableCreationService(
    TableServiceClient tables,
    IEnumerable<TableDeclaration> declarations,
    ILogger<TableCreationService> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        foreach (var name in declarations.Select(d => d.Name).Distinct(StringComparer.OrdinalIgnoreCase))
        {
            try
            {
                var response = await tables.CreateTableIfNotExistsAsync(name, cancellationToken).ConfigureAwait(false);
                if (response.GetRawResponse().Status == 409)
                    LogTableExists(name);
                else
                    LogTableCreated(name);
            }
            catch (Exception e) when (e is Azure.RequestFailedException or IOException or Microsoft.Data.Sqlite.SqliteException or UnauthorizedAccessException or Azure.Identity.AuthenticationFailedException)
            {
                LogStorageUnreachable(e, name, tables.Uri);
                throw new InvalidOperationException($"Table storage at {tables.Uri} is unreachable or refused to create table '{name}': {e.Message}", e);
            }
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Information, Message = "Created table {TableName}")]
    partial void LogTableCreated(string tableName);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Table {TableName} already exists")]
    partial void LogTableExists(string tableName);

    [LoggerMessage(Level = LogLevel.Critical, Message = "Table storage at {Endpoint} could not create table {TableName}; the bot cannot keep state")]
    partial void LogStorageUnreachable(Exception exception, string tableName, Uri endpoint);
}
