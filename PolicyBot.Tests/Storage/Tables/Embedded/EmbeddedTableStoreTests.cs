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
    public async Task Writers_in_two_processes_killed_mid_burst_lose_no_acknowledged_transaction_and_leave_no_partial_one()
    {
        var writers = new[] { StartCrashWriter(_database.Path, "Crash", "a"), StartCrashWriter(_database.Path, "Crash", "b") };
        var acknowledged = new HashSet<(string Writer, int Transaction)>();
        try
        {
            // Wait for a burst of commits from both processes (they share the file), then kill both with
            // SIGKILL while their eight writers are mid-transaction.
            await Task.WhenAll(writers.Select(async (writer, n) =>
            {
                var name = n == 0 ? "a" : "b";
                var seen = 0;
                while (seen < 30)
                {
                    var line = await writer.StandardOutput.ReadLineAsync()
                        ?? throw new InvalidOperationException($"Writer {name} stopped early: {await writer.StandardError.ReadToEndAsync()}");
                    if (line.StartsWith("ack ", StringComparison.Ordinal))
                    {
                        lock (acknowledged)
                            acknowledged.Add((name, int.Parse(line[4..], System.Globalization.CultureInfo.InvariantCulture)));
                        seen++;
                    }
                }
            }));
        }
        finally
        {
            foreach (var writer in writers)
                writer.Kill(entireProcessTree: true);
            foreach (var writer in writers)
                await writer.WaitForExitAsync();
        }
        for (var n = 0; n < writers.Length; n++)
        {
            // Acknowledgements already in the pipe when the process died still count.
            foreach (var line in (await writers[n].StandardOutput.ReadToEndAsync()).Split('\n', StringSplitOptions.RemoveEmptyEntries))
            {
                if (line.StartsWith("ack ", StringComparison.Ordinal))
                    acknowledged.Add((n == 0 ? "a" : "b", int.Parse(line[4..], System.Globalization.CultureInfo.InvariantCulture)));
            }
            writers[n].Dispose();
        }

        var table = new EmbeddedTableServiceClient(_database.Path).GetTableClient("Crash");
        var rows = await table.QueryAsync<TableEntity>().ToListAsync();
        var transactions = rows.GroupBy(r => (Writer: r.GetString("Writer")!, Transaction: r.GetInt32("Transaction")!.Value))
            .ToDictionary(g => g.Key, g => g.Count());

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

    static Process StartCrashWriter(string databasePath, string tableName, string writerName)
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
        start.ArgumentList.Add(writerName);
        return Process.Start(start) ?? throw new InvalidOperationException("The crash writer did not start.");
    }
}
