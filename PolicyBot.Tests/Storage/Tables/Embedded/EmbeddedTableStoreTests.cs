using System.Diagnostics;
using PolicyBot.Storage.Tables;
using PolicyBot.Storage.Tables.Embedded;
using PolicyBot.Tests.Infrastructure;

namespace PolicyBot.Tests.Storage.Tables.Embedded;

public sealed class EmbeddedTableStoreTests : IDisposable
{
    readonly TemporaryDatabase _database = new();

    public void Dispose() => _database.Dispose();

    [Fact]
    public async Task A_writer_killed_mid_burst_loses_no_acknowledged_transaction_and_leaves_no_partial_one()
    {
        var acknowledged = new HashSet<int>();
        using (var writer = StartCrashWriter(_database.Path, "Crash"))
        {
            try
            {
                // Wait for a burst of commits, then kill (SIGKILL) while four writers are mid-transaction.
                while (acknowledged.Count < 60)
                {
                    var line = await writer.StandardOutput.ReadLineAsync()
                        ?? throw new InvalidOperationException($"The writer stopped early: {await writer.StandardError.ReadToEndAsync()}");
                    if (line.StartsWith("ack ", StringComparison.Ordinal))
                        acknowledged.Add(int.Parse(line[4..], System.Globalization.CultureInfo.InvariantCulture));
                }
            }
            finally
            {
                writer.Kill(entireProcessTree: true);
                await writer.WaitForExitAsync();
            }
            // Acknowledgements already in the pipe when the process died still count.
            foreach (var line in (await writer.StandardOutput.ReadToEndAsync()).Split('\n', StringSplitOptions.RemoveEmptyEntries))
            {
                if (line.StartsWith("ack ", StringComparison.Ordinal))
                    acknowledged.Add(int.Parse(line[4..], System.Globalization.CultureInfo.InvariantCulture));
            }
        }

        var table = new EmbeddedTableServiceClient(_database.Path).GetTableClient("Crash");
        var rows = await table.QueryAsync<TableEntity>().ToListAsync();
        var transactions = rows.GroupBy(r => r.GetInt32("Transaction")!.Value).ToDictionary(g => g.Key, g => g.Count());

        transactions.Keys.Should().Contain(acknowledged, "every acknowledged transaction must survive the kill");
        transactions.Values.Should().OnlyContain(count => count == 10, "a transaction is visible whole or not at all");
    }

    [Fact]
    public async Task The_store_keeps_its_data_when_reopened()
    {
        var first = new EmbeddedTableServiceClient(_database.Path);
        await first.CreateTableIfNotExistsAsync("Kept");
        await first.GetTableClient("Kept").AddEntityAsync(new TableEntity("p", "r") { ["Value"] = "still here" });
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();

        var reopened = new EmbeddedTableServiceClient(_database.Path).GetTableClient("Kept");

        (await reopened.GetEntityAsync<TableEntity>("p", "r")).Value.GetString("Value").Should().Be("still here");
    }

    static Process StartCrashWriter(string databasePath, string tableName)
    {
        // The writer is built with the tests (same configuration) into its own project folder.
        var configuration = new DirectoryInfo(AppContext.BaseDirectory).Parent!.Name;
        var framework = new DirectoryInfo(AppContext.BaseDirectory).Name;
        var dll = Path.Combine(RepoPaths.Root, "PolicyBot.Tests.CrashWriter", "bin", configuration, framework, "PolicyBot.Tests.CrashWriter.dll");
        if (!File.Exists(dll))
            throw new InvalidOperationException($"The crash writer is not built at {dll}.");
        var start = new ProcessStartInfo("dotnet") { RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(dll);
        start.ArgumentList.Add(databasePath);
        start.ArgumentList.Add(tableName);
        return Process.Start(start) ?? throw new InvalidOperationException("The crash writer did not start.");
    }
}
