using System.Globalization;
using Azure;
using BenchmarkDotNet.Attributes;
using PolicyBot.Storage.Tables;
using PolicyBot.Storage.Tables.Embedded;

namespace PolicyBot.Benchmarks.Storage;

/// <summary>The embedded SQLite store's point operations (one durable transaction each: WAL, synchronous=FULL).</summary>
[MemoryDiagnoser]
public class EmbeddedTableBenchmarks
{
    string _directory = "";
    TableClient _table = null!;
    int _next;
    ETag _etag;

    [GlobalSetup]
    public async Task SetUpAsync()
    {
        _directory = Directory.CreateTempSubdirectory("policybot-bench-").FullName;
        var service = new EmbeddedTableServiceClient(Path.Combine(_directory, "bench.db"));
        await service.CreateTableIfNotExistsAsync("Bench");
        _table = service.GetTableClient("Bench");
        await _table.AddEntityAsync(Entity("read"));
        _etag = (await _table.AddEntityAsync(Entity("update"))).Headers.ETag!.Value;
    }

    [GlobalCleanup]
    public void CleanUp()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
    }

    [Benchmark]
    public Task<Response> Insert() => _table.AddEntityAsync(Entity("r" + Interlocked.Increment(ref _next).ToString(CultureInfo.InvariantCulture)));

    [Benchmark]
    public Task<Response<BenchEntity>> Get() => _table.GetEntityAsync<BenchEntity>("p", "read");

    [Benchmark]
    public async Task ConditionalUpdate() =>
        _etag = (await _table.UpdateEntityAsync(Entity("update"), _etag, TableUpdateMode.Replace)).Headers.ETag!.Value;

    static BenchEntity Entity(string rowKey) => new()
    {
        PartitionKey = "p",
        RowKey = rowKey,
        Name = "request " + rowKey,
        Count = 1,
        At = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero),
    };
}
