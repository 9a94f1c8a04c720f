using Microsoft.Extensions.Logging.Abstractions;
using PolicyBot.Bot;
using PolicyBot.Storage.Tables;
using PolicyBot.Storage.Tables.Embedded;
using PolicyBot.Tests.Infrastructure;
using PolicyBot.Tests.Storage.Tables.Embedded;

namespace PolicyBot.Tests.Bot;

/// <summary>
/// <see cref="TableActivityDeduplicator"/> against a real table (embedded store and Azurite). "Another instance"
/// is a second deduplicator over the same table: it shares nothing in memory with the first.
/// </summary>
public abstract class TableActivityDeduplicatorTests : IAsyncLifetime
{
    protected abstract TableServiceClient Service { get; }

    public async Task InitializeAsync() => await Service.CreateTableIfNotExistsAsync(TableActivityDeduplicator.TableName);

    public Task DisposeAsync() => Task.CompletedTask;

    TableActivityDeduplicator Instance(TimeProvider? time = null) =>
        new(Service, time ?? TimeProvider.System, NullLogger<TableActivityDeduplicator>.Instance);

    static string NewKey() => $"msteams|a:1chat|1:{Guid.NewGuid():N}";

    static ManualTimeProvider ClockAt(DateTimeOffset when)
    {
        var clock = new ManualTimeProvider();
        clock.Advance(when - clock.GetUtcNow());
        return clock;
    }

    static DateTimeOffset Today(int hour, int minute, int second) =>
        new DateTimeOffset(DateTime.UtcNow.Date, TimeSpan.Zero).AddHours(hour).AddMinutes(minute).AddSeconds(second);

    [Fact]
    public async Task The_first_delivery_is_taken_on_and_a_redelivery_is_not()
    {
        var deduplicator = Instance();
        var key = NewKey();

        (await deduplicator.TryBeginAsync(key)).Should().BeTrue();
        (await deduplicator.TryBeginAsync(key)).Should().BeFalse();
    }

    [Fact]
    public async Task Different_activities_are_each_taken_on()
    {
        var deduplicator = Instance();

        (await deduplicator.TryBeginAsync(NewKey())).Should().BeTrue();
        (await deduplicator.TryBeginAsync(NewKey())).Should().BeTrue();
    }

    [Fact]
    public async Task A_redelivery_to_another_instance_is_caught()
    {
        var key = NewKey();
        await Instance().TryBeginAsync(key);

        (await Instance().TryBeginAsync(key)).Should().BeFalse("the table, not memory, is the authority (another instance, or after a restart)");
    }

    [Fact]
    public async Task Of_concurrent_deliveries_to_several_instances_exactly_one_is_taken_on()
    {
        var key = NewKey();

        var results = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(async () => await Instance().TryBeginAsync(key))));

        results.Count(taken => taken).Should().Be(1);
    }

    [Fact]
    public async Task A_forgotten_activity_is_taken_on_again_by_any_instance()
    {
        var first = Instance();
        var key = NewKey();
        await first.TryBeginAsync(key);

        await first.ForgetAsync(key);

        (await Instance().TryBeginAsync(key)).Should().BeTrue();
    }

    [Fact]
    public async Task An_instance_that_saw_another_take_an_activity_on_does_not_remember_it_after_it_is_forgotten()
    {
        var owner = Instance();
        var other = Instance();
        var key = NewKey();
        await owner.TryBeginAsync(key);
        (await other.TryBeginAsync(key)).Should().BeFalse();

        await owner.ForgetAsync(key);

        (await other.TryBeginAsync(key)).Should().BeTrue("the owner's turn failed, so the channel's retry must run wherever it lands");
    }

    [Fact]
    public async Task A_retry_just_after_midnight_of_an_activity_taken_on_just_before_is_caught()
    {
        var key = NewKey();
        var beforeMidnight = ClockAt(Today(0, 0, 0).AddSeconds(-10));
        var afterMidnight = ClockAt(Today(0, 0, 20));
        (await Instance(beforeMidnight).TryBeginAsync(key)).Should().BeTrue();

        (await Instance(afterMidnight).TryBeginAsync(key)).Should().BeFalse();
    }

    [Fact]
    public async Task An_activity_taken_on_before_midnight_and_forgotten_after_it_is_taken_on_again()
    {
        var key = NewKey();
        await Instance(ClockAt(Today(0, 0, 0).AddSeconds(-5))).TryBeginAsync(key);

        var afterMidnight = ClockAt(Today(0, 0, 30));
        await Instance(afterMidnight).ForgetAsync(key);

        (await Instance(afterMidnight).TryBeginAsync(key)).Should().BeTrue();
    }

    [Fact]
    public async Task Once_the_redelivery_window_has_passed_yesterdays_log_is_not_read()
    {
        // Documented behaviour: a redelivery comes within minutes, so past RedeliveryWindow into a new day only
        // today's partition is consulted (one write per activity).
        var key = NewKey();
        await Instance(ClockAt(Today(10, 0, 0).AddDays(-1))).TryBeginAsync(key);

        (await Instance(ClockAt(Today(0, 0, 0) + TableActivityDeduplicator.RedeliveryWindow)).TryBeginAsync(key)).Should().BeTrue();
    }

    [Fact]
    public async Task The_log_row_is_in_the_partition_of_its_utc_day()
    {
        var key = NewKey();
        var when = Today(13, 14, 15);

        await Instance(ClockAt(when)).TryBeginAsync(key);

        var row = (await Service.GetTableClient(TableActivityDeduplicator.TableName).GetEntityAsync<ActivityLogEntity>(TableActivityDeduplicator.PartitionFor(when), key)).Value;
        row.PartitionKey.Should().Be(when.ToString("yyyyMMdd", System.Globalization.CultureInfo.InvariantCulture));
        row.ReceivedAt.Should().BeCloseTo(when, TimeSpan.FromSeconds(1));
    }

    [Theory]
    [InlineData("msteams|conv/with\\slashes|1:a#b?c")]
    [InlineData("msteams|control\u0001char|1:x")]
    [InlineData("msteams|100%|1:'quoted'")]
    public async Task Keys_with_characters_a_table_key_cannot_hold_are_deduplicated(string prefix)
    {
        var key = prefix + Guid.NewGuid().ToString("N");

        (await Instance().TryBeginAsync(key)).Should().BeTrue();
        (await Instance().TryBeginAsync(key)).Should().BeFalse();
        (await Instance().TryBeginAsync(key + "x")).Should().BeTrue();
    }

    [Fact]
    public async Task A_key_too_long_for_a_table_key_is_deduplicated()
    {
        var key = "msteams|19:" + new string('c', 1500) + "|" + Guid.NewGuid().ToString("N");

        (await Instance().TryBeginAsync(key)).Should().BeTrue();
        (await Instance().TryBeginAsync(key)).Should().BeFalse();
    }

    [Fact]
    public async Task Clean_up_deletes_the_days_older_than_three_in_batches_and_keeps_the_rest()
    {
        // A far-off "now", so that every other test's rows are older and its own partitions are untouched by them.
        var now = new DateTimeOffset(2031, 6, 15, 12, 0, 0, TimeSpan.Zero);
        var table = Service.GetTableClient(TableActivityDeduplicator.TableName);
        var oldDays = new Dictionary<string, int> { ["20310610"] = 250, ["20310611"] = 3 };
        var keptDays = new Dictionary<string, int> { ["20310612"] = 2, ["20310614"] = 2, ["20310615"] = 1 };
        foreach (var (day, count) in oldDays.Concat(keptDays))
        {
            foreach (var chunk in Enumerable.Range(0, count).Chunk(100))
            {
                await table.SubmitTransactionAsync(chunk.Select(i => new TableTransactionAction(TableTransactionActionType.Add,
                    new ActivityLogEntity { PartitionKey = day, RowKey = $"key-{i:D4}", ReceivedAt = now })));
            }
        }
        var cleanup = new ActivityLogCleanupService(Service, ClockAt(now), NullLogger<ActivityLogCleanupService>.Instance);

        var deleted = await cleanup.CleanupAsync();

        deleted.Should().BeGreaterThanOrEqualTo(253);
        foreach (var day in oldDays.Keys)
            (await RowsIn(table, day)).Should().Be(0, $"{day} is more than three days old");
        foreach (var (day, count) in keptDays)
            (await RowsIn(table, day)).Should().Be(count, $"{day} is within three days");
        (await cleanup.CleanupAsync()).Should().Be(0, "a second pass finds nothing left to delete");
    }

    [Fact]
    public async Task The_clean_up_service_cleans_when_it_starts()
    {
        var table = Service.GetTableClient(TableActivityDeduplicator.TableName);
        await table.AddEntityAsync(new ActivityLogEntity { PartitionKey = "20000101", RowKey = "ancient", ReceivedAt = DateTimeOffset.UnixEpoch });
        using var cleanup = new ActivityLogCleanupService(Service, TimeProvider.System, NullLogger<ActivityLogCleanupService>.Instance);

        await cleanup.StartAsync(CancellationToken.None);
        try
        {
            var deadline = DateTime.UtcNow.AddSeconds(10);
            while ((await RowsIn(table, "20000101")) > 0 && DateTime.UtcNow < deadline)
                await Task.Delay(20);
        }
        finally
        {
            await cleanup.StopAsync(CancellationToken.None);
        }

        (await RowsIn(table, "20000101")).Should().Be(0);
    }

    static async Task<int> RowsIn(TableClient table, string partition)
    {
        var count = 0;
        await foreach (var _ in table.QueryAsync<ActivityLogEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {partition}")))
            count++;
        return count;
    }
}

/// <summary>The deduplicator on the embedded SQLite store, in a temporary file for this class.</summary>
public sealed class EmbeddedTableActivityDeduplicatorTests(TemporaryDatabase database)
    : TableActivityDeduplicatorTests, IClassFixture<TemporaryDatabase>
{
    readonly TableServiceClient _service = new EmbeddedTableServiceClient(database.Path);

    protected override TableServiceClient Service => _service;
}

/// <summary>The deduplicator over HTTP against Azurite started for this class.</summary>
public sealed class AzuriteTableActivityDeduplicatorTests(AzuriteFixture azurite)
    : TableActivityDeduplicatorTests, IClassFixture<AzuriteFixture>
{
    readonly TableServiceClient _service = new(azurite.ConnectionString);

    protected override TableServiceClient Service => _service;
}
