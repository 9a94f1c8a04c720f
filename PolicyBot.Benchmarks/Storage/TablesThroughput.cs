using System.Diagnostics;
using System.Globalization;
using Azure;
using PolicyBot.Storage.Tables;

namespace PolicyBot.Benchmarks.Storage;

/// <summary>
/// <c>tables-throughput --connection "&lt;connection string&gt;" [--inserts 5000] [--reads 5000] [--updates 1000] [--concurrency 16]</c>:
/// point inserts, point reads and conditional updates against a Table service (Azurite in bench/tables/run.sh),
/// sequential and with N concurrent callers. Prints one JSON line per measurement, the same lines as
/// bench/tables/js-throughput.mjs prints for the official JavaScript SDK.
/// </summary>
public static class TablesThroughput
{
    public const string Command = "tables-throughput";

    public static async Task<int> RunAsync(string[] args)
    {
        var options = Parse(args);
        if (!options.TryGetValue("connection", out var connection))
        {
            await Console.Error.WriteLineAsync("usage: tables-throughput --connection <connection string> [--inserts 5000] [--reads 5000] [--updates 1000] [--concurrency 16]");
            return 2;
        }
        var inserts = Number(options, "inserts", 5000);
        var reads = Number(options, "reads", 5000);
        var updates = Number(options, "updates", 1000);
        var concurrency = Number(options, "concurrency", 16);

        var service = new TableServiceClient(connection);
        await WarmUpAsync(service);
        foreach (var callers in new[] { 1, concurrency })
        {
            var table = service.GetTableClient("ours" + (callers == 1 ? "seq" : "par") + Guid.NewGuid().ToString("N")[..8]);
            await table.CreateIfNotExistsAsync();
            var etags = new ETag[inserts];

            Report("insert", callers, inserts, await TimeAsync(inserts, callers, async i =>
                etags[i] = (await table.AddEntityAsync(Entity(i))).Headers.ETag!.Value));
            Report("read", callers, reads, await TimeAsync(reads, callers, async i =>
                await table.GetEntityAsync<BenchEntity>(PartitionOf(i % inserts), RowOf(i % inserts))));
            Report("conditional-update", callers, updates, await TimeAsync(updates, callers, async i =>
            {
                var entity = Entity(i);
                entity.Count = i + 1;
                await table.UpdateEntityAsync(entity, etags[i], TableUpdateMode.Replace);
            }));
            await table.DeleteAsync();
        }
        return 0;
    }

    static async Task WarmUpAsync(TableServiceClient service)
    {
        var table = service.GetTableClient("warm" + Guid.NewGuid().ToString("N")[..8]);
        await table.CreateIfNotExistsAsync();
        for (var i = 0; i < 200; i++)
        {
            var etag = (await table.AddEntityAsync(Entity(i))).Headers.ETag!.Value;
            await table.GetEntityAsync<BenchEntity>(PartitionOf(i), RowOf(i));
            await table.UpdateEntityAsync(Entity(i), etag, TableUpdateMode.Replace);
        }
        await table.DeleteAsync();
    }

    static async Task<TimeSpan> TimeAsync(int count, int callers, Func<int, Task> operation)
    {
        var next = -1;
        var stopwatch = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, callers).Select(_ => Task.Run(async () =>
        {
            int i;
            while ((i = Interlocked.Increment(ref next)) < count)
                await operation(i);
        })));
        return stopwatch.Elapsed;
    }

    static void Report(string operation, int callers, int count, TimeSpan elapsed) =>
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{{\"client\":\"ours\",\"operation\":\"{operation}\",\"callers\":{callers},\"count\":{count},\"seconds\":{elapsed.TotalSeconds:F3},\"opsPerSecond\":{count / elapsed.TotalSeconds:F1}}}"));

    static string PartitionOf(int i) => "p" + (i % 16).ToString("D2", CultureInfo.InvariantCulture);

    static string RowOf(int i) => "r" + i.ToString("D6", CultureInfo.InvariantCulture);

    static BenchEntity Entity(int i) => new()
    {
        PartitionKey = PartitionOf(i),
        RowKey = RowOf(i),
        Name = "request " + i.ToString(CultureInfo.InvariantCulture),
        Count = 0,
        At = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero).AddSeconds(i),
    };

    static Dictionary<string, string> Parse(string[] args)
    {
        var options = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i + 1 < args.Length; i += 2)
            options[args[i].TrimStart('-')] = args[i + 1];
        return options;
    }

    static int Number(Dictionary<string, string> options, string name, int fallback) =>
        options.TryGetValue(name, out var text) ? int.Parse(text, CultureInfo.InvariantCulture) : fallback;
}

/// <summary>The entity both benchmark clients write: three small properties besides the keys.</summary>
public sealed class BenchEntity : ITableEntity
{
    public string PartitionKey { get; set; } = "";
    public string RowKey { get; set; } = "";
    public DateTimeOffset? Timestamp { get; set; }
    public ETag ETag { get; set; }

    public string Name { get; set; } = "";
    public int Count { get; set; }
    public DateTimeOffset At { get; set; }
}
