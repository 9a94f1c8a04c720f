using PolicyBot.Storage.Tables;
using PolicyBot.Storage.Tables.Embedded;
using PolicyBot.Tests.Infrastructure;
using PolicyBot.Tests.Storage.Tables.Embedded;
using PolicyBot.Workflow;
using static PolicyBot.Tests.Workflow.WorkflowTestRows;

namespace PolicyBot.Tests.Workflow;

/// <summary>References are numbered per school, prefix and year, and never handed out twice, however many ask at once.</summary>
public abstract class ReferenceCounterTests : IAsyncLifetime
{
    protected abstract TableServiceClient Service { get; }

    TableClient Table { get; set; } = null!;

    public async Task InitializeAsync()
    {
        Table = Service.GetTableClient(NewTableName());
        await Table.CreateIfNotExistsAsync();
    }

    public Task DisposeAsync() => Table.DeleteAsync();

    [Fact]
    public async Task References_count_up_from_one_per_school_prefix_and_year()
    {
        (await ReferenceCounter.NextAsync(Table, "oakfield", "SITE", 2026)).Should().Be("SITE-2026-0001");
        (await ReferenceCounter.NextAsync(Table, "oakfield", "SITE", 2026)).Should().Be("SITE-2026-0002");
        (await ReferenceCounter.NextAsync(Table, "oakfield", "INC", 2026)).Should().Be("INC-2026-0001");
        (await ReferenceCounter.NextAsync(Table, "bradfield", "SITE", 2026)).Should().Be("SITE-2026-0001");
        (await ReferenceCounter.NextAsync(Table, "oakfield", "SITE", 2027)).Should().Be("SITE-2027-0001");
    }

    [Fact]
    public async Task Many_callers_at_once_never_get_the_same_reference()
    {
        var taken = await Task.WhenAll(Enumerable.Range(0, 12).Select(_ => Task.Run(() => ReferenceCounter.NextAsync(Table, "crosby", "INC", 2026))));

        taken.Should().OnlyHaveUniqueItems();
        taken.Should().BeEquivalentTo(Enumerable.Range(1, 12).Select(n => $"INC-2026-{n:D4}"));
    }
}

public sealed class EmbeddedReferenceCounterTests(TemporaryDatabase database) : ReferenceCounterTests, IClassFixture<TemporaryDatabase>
{
    readonly TableServiceClient _service = new EmbeddedTableServiceClient(database.Path);

    protected override TableServiceClient Service => _service;
}

public sealed class AzuriteReferenceCounterTests(AzuriteFixture azurite) : ReferenceCounterTests, IClassFixture<AzuriteFixture>
{
    readonly TableServiceClient _service = new(azurite.ConnectionString);

    protected override TableServiceClient Service => _service;
}
