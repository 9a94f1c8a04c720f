using Azure;
using PolicyBot.Storage.Tables;

namespace PolicyBot.Tests.Storage.Tables;

/// <summary>
/// What every <see cref="TableServiceClient"/> must do, run against Azurite (the HTTP client) and against the
/// embedded SQLite store: the two must agree, status and error codes included.
/// </summary>
public abstract class TableClientContractTests : IAsyncLifetime
{
    protected abstract TableServiceClient Service { get; }

    protected TableClient Table { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Table = Service.GetTableClient("t" + Guid.NewGuid().ToString("N")[..16]);
        await Table.CreateIfNotExistsAsync();
    }

    public Task DisposeAsync() => Table.DeleteAsync();

    static CounterEntity Counter(string pk, string rk, int count = 0, string? note = null) =>
        new() { PartitionKey = pk, RowKey = rk, Count = count, Note = note };

    [Fact]
    public async Task Every_property_type_round_trips_through_a_typed_entity()
    {
        var when = new DateTimeOffset(2026, 3, 4, 5, 6, 7, 123, TimeSpan.FromHours(1)).AddTicks(4567);
        var entity = new EveryTypeEntity
        {
            PartitionKey = "p", RowKey = "r", Text = "héllo \"world\" 'quoted'", Small = -42, Large = long.MaxValue - 7, Flag = true,
            Real = 1.0, When = when, Id = Guid.NewGuid(), Bytes = [0, 1, 2, 255], Colour = Colour.Green,
            MaybeSmall = 7, MaybeLarge = -5_000_000_000, MaybeWhen = null, MaybeId = Guid.NewGuid(), MaybeColour = Colour.Red,
        };
        await Table.AddEntityAsync(entity);

        var read = (await Table.GetEntityAsync<EveryTypeEntity>("p", "r")).Value;

        read.Should().BeEquivalentTo(entity, o => o.Excluding(e => e.Timestamp).Excluding(e => e.ETag).Excluding(e => e.When));
        read.When.Should().Be(when);
        read.MaybeWhen.Should().BeNull();
        read.Timestamp.Should().NotBeNull();
        read.ETag.Should().NotBe(default(ETag));
    }

    [Fact]
    public async Task A_dynamic_entity_keeps_each_value_type()
    {
        var id = Guid.NewGuid();
        var when = new DateTimeOffset(2025, 12, 31, 23, 59, 59, TimeSpan.Zero);
        var entity = new TableEntity("p", "r") { ["Text"] = "a", ["Small"] = 5, ["Large"] = 5L, ["Flag"] = false, ["Real"] = 2.5, ["When"] = when, ["Id"] = id, ["Bytes"] = new byte[] { 9 } };
        await Table.AddEntityAsync(entity);

        var read = (await Table.GetEntityAsync<TableEntity>("p", "r")).Value;

        read.GetString("Text").Should().Be("a");
        read.GetInt32("Small").Should().Be(5);
        read["Large"].Should().Be(5L);
        read.GetBoolean("Flag").Should().BeFalse();
        read.GetDouble("Real").Should().Be(2.5);
        read.GetDateTimeOffset("When").Should().Be(when);
        read.GetGuid("Id").Should().Be(id);
        read.GetBinary("Bytes").Should().Equal(9);
        read.PartitionKey.Should().Be("p");
        read.RowKey.Should().Be("r");
    }

    [Fact]
    public async Task Adding_an_entity_that_exists_fails_with_409_EntityAlreadyExists()
    {
        await Table.AddEntityAsync(Counter("p", "r"));

        var act = () => Table.AddEntityAsync(Counter("p", "r"));

        var failure = (await act.Should().ThrowAsync<RequestFailedException>()).Which;
        failure.Status.Should().Be(409);
        failure.ErrorCode.Should().Be(TableErrorCode.EntityAlreadyExists);
    }

    [Fact]
    public async Task Getting_a_missing_entity_fails_with_404_ResourceNotFound()
    {
        var act = () => Table.GetEntityAsync<CounterEntity>("p", "missing");

        var failure = (await act.Should().ThrowAsync<RequestFailedException>()).Which;
        failure.Status.Should().Be(404);
        failure.ErrorCode.Should().Be(TableErrorCode.ResourceNotFound);
    }

    [Fact]
    public async Task GetEntityIfExists_answers_no_value_for_a_missing_entity_and_the_entity_when_present()
    {
        (await Table.GetEntityIfExistsAsync<CounterEntity>("p", "r")).HasValue.Should().BeFalse();
        await Table.AddEntityAsync(Counter("p", "r", 3));

        var found = await Table.GetEntityIfExistsAsync<CounterEntity>("p", "r");

        found.HasValue.Should().BeTrue();
        found.Value!.Count.Should().Be(3);
    }

    [Fact]
    public async Task Every_write_changes_the_ETag_and_a_stale_ETag_fails_with_412()
    {
        var added = await Table.AddEntityAsync(Counter("p", "r", 1));
        var first = (await Table.GetEntityAsync<CounterEntity>("p", "r")).Value;
        first.ETag.Should().Be(added.Headers.ETag!.Value);

        var updated = await Table.UpdateEntityAsync(Counter("p", "r", 2), first.ETag);
        var afterUpdate = updated.Headers.ETag!.Value;
        afterUpdate.Should().NotBe(first.ETag);
        var upserted = await Table.UpsertEntityAsync(Counter("p", "r", 3));
        upserted.Headers.ETag!.Value.Should().NotBe(afterUpdate);

        var act = () => Table.UpdateEntityAsync(Counter("p", "r", 4), first.ETag);

        var failure = (await act.Should().ThrowAsync<RequestFailedException>()).Which;
        failure.Status.Should().Be(412);
        failure.ErrorCode.Should().Be(TableErrorCode.UpdateConditionNotSatisfied);
        (await Table.GetEntityAsync<CounterEntity>("p", "r")).Value.Count.Should().Be(3);
    }

    [Fact]
    public async Task Updating_a_missing_entity_fails_with_404()
    {
        var act = () => Table.UpdateEntityAsync(Counter("p", "nobody"), ETag.All);

        (await act.Should().ThrowAsync<RequestFailedException>()).Which.Status.Should().Be(404);
    }

    [Fact]
    public async Task Update_with_ETag_All_overwrites_whatever_is_stored()
    {
        await Table.AddEntityAsync(Counter("p", "r", 1));

        await Table.UpdateEntityAsync(Counter("p", "r", 9), ETag.All, TableUpdateMode.Replace);

        (await Table.GetEntityAsync<CounterEntity>("p", "r")).Value.Count.Should().Be(9);
    }

    [Fact]
    public async Task Merge_keeps_properties_the_update_does_not_carry_and_replace_drops_them()
    {
        await Table.AddEntityAsync(new TableEntity("p", "r") { ["Count"] = 1, ["Note"] = "kept?" });
        var etag = (await Table.GetEntityAsync<TableEntity>("p", "r")).Value.ETag;

        var merged = await Table.UpdateEntityAsync(new TableEntity("p", "r") { ["Count"] = 2 }, etag, TableUpdateMode.Merge);
        var afterMerge = (await Table.GetEntityAsync<TableEntity>("p", "r")).Value;
        afterMerge.GetInt32("Count").Should().Be(2);
        afterMerge.GetString("Note").Should().Be("kept?");

        await Table.UpdateEntityAsync(new TableEntity("p", "r") { ["Count"] = 3 }, merged.Headers.ETag!.Value, TableUpdateMode.Replace);
        var afterReplace = (await Table.GetEntityAsync<TableEntity>("p", "r")).Value;
        afterReplace.GetInt32("Count").Should().Be(3);
        afterReplace.ContainsKey("Note").Should().BeFalse();

        await Table.UpsertEntityAsync(new TableEntity("p", "r") { ["Note"] = "back" }, TableUpdateMode.Merge);
        var afterUpsert = (await Table.GetEntityAsync<TableEntity>("p", "r")).Value;
        afterUpsert.GetInt32("Count").Should().Be(3);
        afterUpsert.GetString("Note").Should().Be("back");
    }

    [Fact]
    public async Task Upsert_creates_a_missing_entity()
    {
        await Table.UpsertEntityAsync(Counter("p", "new", 5), TableUpdateMode.Replace);

        (await Table.GetEntityAsync<CounterEntity>("p", "new")).Value.Count.Should().Be(5);
    }

    [Fact]
    public async Task Delete_with_a_stale_ETag_fails_with_412_and_keeps_the_entity()
    {
        var added = await Table.AddEntityAsync(Counter("p", "r"));
        await Table.UpsertEntityAsync(Counter("p", "r", 1));

        var act = () => Table.DeleteEntityAsync("p", "r", added.Headers.ETag!.Value);

        (await act.Should().ThrowAsync<RequestFailedException>()).Which.Status.Should().Be(412);
        (await Table.GetEntityIfExistsAsync<CounterEntity>("p", "r")).HasValue.Should().BeTrue();
    }

    [Fact]
    public async Task Delete_with_the_current_ETag_removes_the_entity_and_an_unconditional_delete_of_nothing_is_not_an_error()
    {
        await Table.AddEntityAsync(Counter("p", "r"));
        var current = (await Table.GetEntityAsync<CounterEntity>("p", "r")).Value.ETag;

        await Table.DeleteEntityAsync("p", "r", current);

        (await Table.GetEntityIfExistsAsync<CounterEntity>("p", "r")).HasValue.Should().BeFalse();
        (await Table.DeleteEntityAsync("p", "r")).Status.Should().Be(404);
    }

    [Fact]
    public async Task Of_many_concurrent_updates_with_the_same_ETag_exactly_one_succeeds()
    {
        await Table.AddEntityAsync(Counter("p", "r"));
        var etag = (await Table.GetEntityAsync<CounterEntity>("p", "r")).Value.ETag;

        var attempts = Enumerable.Range(1, 12).Select(i => Task.Run(async () =>
        {
            try
            {
                await Table.UpdateEntityAsync(Counter("p", "r", i), etag, TableUpdateMode.Replace);
                return (Winner: i, Status: 204);
            }
            catch (RequestFailedException e)
            {
                return (Winner: 0, e.Status);
            }
        }));
        var results = await Task.WhenAll(attempts);

        results.Count(r => r.Status == 204).Should().Be(1);
        results.Where(r => r.Status != 204).Should().OnlyContain(r => r.Status == 412);
        (await Table.GetEntityAsync<CounterEntity>("p", "r")).Value.Count.Should().Be(results.Single(r => r.Status == 204).Winner);
    }

    [Fact]
    public async Task A_transaction_of_100_actions_applies_all_of_them()
    {
        await Table.AddEntityAsync(Counter("p", "existing", 1));
        var existing = (await Table.GetEntityAsync<CounterEntity>("p", "existing")).Value.ETag;
        var actions = Enumerable.Range(0, 99)
            .Select(i => new TableTransactionAction(TableTransactionActionType.Add, Counter("p", $"r{i:D3}", i)))
            .Append(new TableTransactionAction(TableTransactionActionType.UpdateReplace, Counter("p", "existing", 2), existing))
            .ToList();

        var response = await Table.SubmitTransactionAsync(actions);

        response.Value.Should().HaveCount(100);
        response.Value.Should().OnlyContain(r => r.Status == 204);
        var all = await Table.QueryAsync<CounterEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {"p"}")).ToListAsync();
        all.Should().HaveCount(100);
        all.Single(e => e.RowKey == "existing").Count.Should().Be(2);
    }

    [Fact]
    public async Task A_transaction_that_fails_at_action_k_leaves_nothing_behind_and_names_k()
    {
        await Table.AddEntityAsync(Counter("p", "r037", -1));
        var actions = Enumerable.Range(0, 60)
            .Select(i => new TableTransactionAction(TableTransactionActionType.Add, Counter("p", $"r{i:D3}", i)))
            .ToList();

        var act = () => Table.SubmitTransactionAsync(actions);

        var failure = (await act.Should().ThrowAsync<TableTransactionFailedException>()).Which;
        failure.FailedTransactionActionIndex.Should().Be(37);
        failure.Message.Should().StartWith("The transaction failed at action 37: ");
        failure.Status.Should().Be(409);
        failure.ErrorCode.Should().Be(TableErrorCode.EntityAlreadyExists);
        var all = await Table.QueryAsync<CounterEntity>().ToListAsync();
        all.Should().ContainSingle().Which.Count.Should().Be(-1);
    }

    [Fact]
    public async Task A_transaction_with_a_stale_ETag_fails_with_412_at_that_action()
    {
        await Table.AddEntityAsync(Counter("p", "a"));
        var stale = (await Table.GetEntityAsync<CounterEntity>("p", "a")).Value.ETag;
        await Table.UpsertEntityAsync(Counter("p", "a", 1));

        var act = () => Table.SubmitTransactionAsync(
        [
            new(TableTransactionActionType.Add, Counter("p", "b")),
            new(TableTransactionActionType.UpsertMerge, Counter("p", "c")),
            new(TableTransactionActionType.UpdateMerge, Counter("p", "a", 2), stale),
        ]);

        var failure = (await act.Should().ThrowAsync<TableTransactionFailedException>()).Which;
        failure.Status.Should().Be(412);
        failure.FailedTransactionActionIndex.Should().Be(2);
        (await Table.QueryAsync<CounterEntity>().ToListAsync()).Select(e => (e.RowKey, e.Count)).Should().Equal(("a", 1));
    }

    [Fact]
    public async Task A_transaction_can_delete_and_upsert_together()
    {
        await Table.AddEntityAsync(Counter("p", "gone"));

        await Table.SubmitTransactionAsync(
        [
            new(TableTransactionActionType.Delete, Counter("p", "gone")),
            new(TableTransactionActionType.UpsertReplace, Counter("p", "new", 4)),
        ]);

        (await Table.QueryAsync<CounterEntity>().ToListAsync()).Select(e => e.RowKey).Should().Equal("new");
    }

    [Fact]
    public async Task Paging_returns_all_2500_entities_in_key_order_with_continuations()
    {
        for (var batch = 0; batch < 25; batch++)
        {
            await Table.SubmitTransactionAsync(Enumerable.Range(0, 100).Select(i =>
                new TableTransactionAction(TableTransactionActionType.Add, Counter($"p{batch % 3}", $"r{(batch * 100) + i:D5}", (batch * 100) + i))));
        }

        var pages = new List<int>();
        var seen = new List<CounterEntity>();
        await foreach (var page in Table.QueryAsync<CounterEntity>(maxPerPage: 300).AsPages())
        {
            pages.Add(page.Values.Count);
            seen.AddRange(page.Values);
        }
        var all = await Table.QueryAsync<CounterEntity>().ToListAsync();

        seen.Should().HaveCount(2500);
        pages.Should().OnlyContain(count => count <= 300);
        pages.Count.Should().BeGreaterThanOrEqualTo(9);
        seen.Select(e => (e.PartitionKey, e.RowKey)).Should().BeInAscendingOrder(Comparer<(string, string)>.Create((a, b) =>
            string.CompareOrdinal(a.Item1, b.Item1) is var byPartition and not 0 ? byPartition : string.CompareOrdinal(a.Item2, b.Item2)));
        seen.Select(e => e.Count).Distinct().Should().HaveCount(2500);
        all.Should().HaveCount(2500);
    }

    [Fact]
    public async Task CreateQueryFilter_escapes_quotes_so_a_value_cannot_change_the_filter()
    {
        await Table.AddEntityAsync(Counter("p", "1", note: "O'Brien's"));
        await Table.AddEntityAsync(Counter("p", "2", note: "x' or Note ne 'y"));
        await Table.AddEntityAsync(Counter("p", "3", note: "plain"));

        var quoted = await Table.QueryAsync<CounterEntity>(TableClient.CreateQueryFilter($"Note eq {"O'Brien's"}")).ToListAsync();
        var injected = await Table.QueryAsync<CounterEntity>(TableClient.CreateQueryFilter($"Note eq {"x' or Note ne 'y"}")).ToListAsync();

        quoted.Select(e => e.RowKey).Should().Equal("1");
        injected.Select(e => e.RowKey).Should().Equal("2");
    }

    [Fact]
    public async Task Filters_compare_typed_values_and_combine_with_and_or_not()
    {
        var id = Guid.NewGuid();
        var noon = new DateTimeOffset(2026, 1, 1, 12, 0, 0, TimeSpan.Zero);
        for (var i = 0; i < 6; i++)
        {
            await Table.AddEntityAsync(new EveryTypeEntity
            {
                PartitionKey = "p", RowKey = $"r{i}", Small = i, Large = i * 10_000_000_000L, Flag = i % 2 == 0, Real = i / 2.0,
                When = noon.AddHours(i), Id = i == 4 ? id : Guid.NewGuid(), Text = $"t{i}", Colour = i < 3 ? Colour.Red : Colour.Green,
            });
        }

        async Task<string[]> RowsAsync(FormattableString filter) =>
            (await Table.QueryAsync<EveryTypeEntity>(TableClient.CreateQueryFilter(filter)).ToListAsync()).Select(e => e.RowKey).ToArray();

        (await RowsAsync($"Small gt {2}")).Should().Equal("r3", "r4", "r5");
        (await RowsAsync($"Large ge {30_000_000_000L}")).Should().Equal("r3", "r4", "r5");
        (await RowsAsync($"Flag eq {true} and Small lt {4}")).Should().Equal("r0", "r2");
        (await RowsAsync($"When le {noon.AddHours(1)}")).Should().Equal("r0", "r1");
        (await RowsAsync($"Id eq {id}")).Should().Equal("r4");
        (await RowsAsync($"Real eq {2.5}")).Should().Equal("r5");
        (await RowsAsync($"Small eq {0} or Text eq {"t5"}")).Should().Equal("r0", "r5");
        (await RowsAsync($"not (Small lt {4})")).Should().Equal("r4", "r5");
        (await RowsAsync($"Colour eq {Colour.Green} and (RowKey ge {"r4"})")).Should().Equal("r4", "r5");
        (await RowsAsync($"PartitionKey eq {"p"} and RowKey eq {"r1"}")).Should().Equal("r1");
    }

    [Fact]
    public async Task Select_returns_only_the_chosen_properties()
    {
        await Table.AddEntityAsync(Counter("p", "r", 4, "secret"));

        var got = (await Table.GetEntityAsync<CounterEntity>("p", "r", select: ["Count"])).Value;
        var queried = await Table.QueryAsync<TableEntity>(select: ["Count"]).ToListAsync();

        got.Count.Should().Be(4);
        got.Note.Should().BeNull();
        queried.Should().ContainSingle().Which.ContainsKey("Note").Should().BeFalse();
        queried[0].GetInt32("Count").Should().Be(4);
    }

    [Fact]
    public async Task Keys_with_characters_a_table_refuses_are_rejected_before_sending()
    {
        foreach (var key in new[] { "a/b", "a\\b", "a#b", "a?b", "a\tb", "a\u0001b" })
        {
            var act = () => Table.AddEntityAsync(Counter(key, "r"));
            (await act.Should().ThrowAsync<ArgumentException>()).WithMessage("*PartitionKey*");
            var get = () => Table.GetEntityAsync<CounterEntity>("p", key);
            await get.Should().ThrowAsync<ArgumentException>();
        }
    }

    [Fact]
    public async Task Oversized_entities_are_rejected_before_sending()
    {
        var tooManyProperties = new TableEntity("p", "r");
        for (var i = 0; i < 253; i++)
            tooManyProperties[$"P{i}"] = i;
        var tooLongString = new TableEntity("p", "r") { ["Text"] = new string('x', (32 * 1024) + 1) };
        var tooLarge = new TableEntity("p", "r");
        for (var i = 0; i < 20; i++)
            tooLarge[$"P{i}"] = new string('y', 30_000);

        await FluentActions.Awaiting(() => Table.AddEntityAsync(tooManyProperties)).Should().ThrowAsync<ArgumentException>().WithMessage("*252*");
        await FluentActions.Awaiting(() => Table.UpsertEntityAsync(tooLongString)).Should().ThrowAsync<ArgumentException>().WithMessage("*64 KiB*");
        await FluentActions.Awaiting(() => Table.AddEntityAsync(tooLarge)).Should().ThrowAsync<ArgumentException>().WithMessage("*1 MiB*");
        (await Table.QueryAsync<TableEntity>().ToListAsync()).Should().BeEmpty();
    }

    [Fact]
    public async Task The_largest_allowed_string_is_stored()
    {
        var text = new string('z', 32 * 1024);
        await Table.AddEntityAsync(Counter("p", "r", note: text));

        (await Table.GetEntityAsync<CounterEntity>("p", "r")).Value.Note.Should().Be(text);
    }

    [Fact]
    public async Task Transactions_over_100_actions_or_across_partitions_are_rejected_before_sending()
    {
        var tooMany = Enumerable.Range(0, 101).Select(i => new TableTransactionAction(TableTransactionActionType.Add, Counter("p", $"r{i}")));
        var twoPartitions = new[]
        {
            new TableTransactionAction(TableTransactionActionType.Add, Counter("p1", "r")),
            new TableTransactionAction(TableTransactionActionType.Add, Counter("p2", "r")),
        };

        await FluentActions.Awaiting(() => Table.SubmitTransactionAsync(tooMany)).Should().ThrowAsync<ArgumentException>().WithMessage("*100*");
        await FluentActions.Awaiting(() => Table.SubmitTransactionAsync(twoPartitions)).Should().ThrowAsync<ArgumentException>().WithMessage("*one partition*");
        (await Table.QueryAsync<TableEntity>().ToListAsync()).Should().BeEmpty();
    }

    [Fact]
    public async Task Tables_are_created_once_listed_and_deleted()
    {
        var name = "x" + Guid.NewGuid().ToString("N")[..12];

        (await Service.CreateTableIfNotExistsAsync(name)).Value.Name.Should().Be(name);
        (await Service.CreateTableIfNotExistsAsync(name)).GetRawResponse().Status.Should().Be(409);
        var listed = await Service.QueryAsync(TableClient.CreateQueryFilter($"TableName eq {name}")).ToListAsync();
        listed.Select(t => t.Name).Should().Equal(name);

        await Service.DeleteTableAsync(name);

        var deleted = Service.GetTableClient(name);
        (await FluentActions.Awaiting(() => deleted.AddEntityAsync(Counter("p", "r"))).Should().ThrowAsync<RequestFailedException>()).Which.Status.Should().Be(404);
        (await FluentActions.Awaiting(() => deleted.GetEntityIfExistsAsync<CounterEntity>("p", "r")).Should().ThrowAsync<RequestFailedException>()).Which.Status.Should().Be(404);
        (await FluentActions.Awaiting(async () => await deleted.QueryAsync<CounterEntity>().ToListAsync()).Should().ThrowAsync<RequestFailedException>()).Which.Status.Should().Be(404);
        (await Service.QueryAsync(TableClient.CreateQueryFilter($"TableName eq {name}")).ToListAsync()).Should().BeEmpty();
    }

    [Fact]
    public async Task An_unsupported_filter_is_refused_with_400()
    {
        await Table.AddEntityAsync(Counter("p", "r"));

        var act = async () => await Table.QueryAsync<CounterEntity>("Count eq").ToListAsync();

        (await act.Should().ThrowAsync<RequestFailedException>()).Which.Status.Should().Be(400);
    }
}
