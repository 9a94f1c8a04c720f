using PolicyBot.Storage.Tables;
using PolicyBot.Storage.Tables.Embedded;
using PolicyBot.Tests.Infrastructure;
using PolicyBot.Tests.Storage.Tables.Embedded;
using PolicyBot.Workflow;
using static PolicyBot.Tests.Workflow.WorkflowTestRows;

namespace PolicyBot.Tests.Workflow;

/// <summary>One workflow change, one atomic write: the same behaviour from the embedded store and from Azurite.</summary>
public abstract class WorkflowTransactionTests : IAsyncLifetime
{
    protected abstract TableServiceClient Service { get; }

    TableClient Table { get; set; } = null!;

    public async Task InitializeAsync()
    {
        Table = Service.GetTableClient(NewTableName());
        await Table.CreateIfNotExistsAsync();
    }

    public Task DisposeAsync() => Table.DeleteAsync();

    static WorkflowTransaction Change(string partition, string marker) =>
        new WorkflowTransaction(partition, DateTimeOffset.UtcNow)
            .Audit("user-1", "Alex", marker)
            .Send(new OutboxMessage.CardToUser(TenantId, "user-2", Card(marker)));

    [Fact]
    public async Task Creating_a_workflow_writes_its_state_audit_and_outbox_rows_together()
    {
        var transaction = new WorkflowTransaction("request-1", DateTimeOffset.UtcNow)
            .Create(new StepState { Step = "submitted", Count = 1 })
            .Audit("user-1", "Alex", "submitted")
            .Send([new OutboxMessage.CardToUser(TenantId, "user-2", Card("to approver")), new OutboxMessage.UpdateCardCopies(Card("copies"))]);

        await transaction.SubmitAsync(Table);

        transaction.MessageCount.Should().Be(2);
        var rows = await RowsAsync(Table, "request-1");
        rows.Select(r => r.RowKey).Should().Contain(WorkflowRows.State);
        rows.Count(r => r.RowKey.StartsWith(WorkflowRows.AuditPrefix, StringComparison.Ordinal)).Should().Be(1);
        var outbox = await OutboxAsync(Table, "request-1");
        outbox.Select(o => o.Kind).Should().Equal(OutboxKind.CardToUser, OutboxKind.UpdateCardCopies);
        outbox[0].UserAadObjectId.Should().Be("user-2");
        outbox[0].CardJson.Should().Contain("to approver");
        (await Table.GetEntityAsync<StepState>("request-1", WorkflowRows.State)).Value.Step.Should().Be("submitted");
        (await Table.GetEntityAsync<AuditEntity>("request-1", rows.Single(r => r.RowKey.StartsWith(WorkflowRows.AuditPrefix, StringComparison.Ordinal)).RowKey))
            .Value.Action.Should().Be("submitted");
    }

    [Fact]
    public async Task Replacing_with_the_etag_it_was_read_with_writes_the_change()
    {
        await Change("request-2", "created").Create(new StepState { Step = "submitted" }).SubmitAsync(Table);
        var read = (await Table.GetEntityAsync<StepState>("request-2", WorkflowRows.State)).Value;

        await Change("request-2", "approved").Replace(new StepState { Step = "approved", Count = 2 }, read.ETag).SubmitAsync(Table);

        (await Table.GetEntityAsync<StepState>("request-2", WorkflowRows.State)).Value.Step.Should().Be("approved");
        (await OutboxAsync(Table, "request-2")).Should().HaveCount(2);
    }

    [Fact]
    public async Task A_stale_etag_is_a_conflict_and_nothing_of_the_change_is_written()
    {
        await new WorkflowTransaction("request-3", DateTimeOffset.UtcNow).Create(new StepState { Step = "submitted" }).SubmitAsync(Table);
        var read = (await Table.GetEntityAsync<StepState>("request-3", WorkflowRows.State)).Value;
        await new WorkflowTransaction("request-3", DateTimeOffset.UtcNow).Replace(new StepState { Step = "approved by Sam" }, read.ETag).SubmitAsync(Table);

        var act = () => Change("request-3", "approved by Alex").Replace(new StepState { Step = "approved by Alex" }, read.ETag).SubmitAsync(Table);

        await act.Should().ThrowAsync<WorkflowConflictException>();
        (await Table.GetEntityAsync<StepState>("request-3", WorkflowRows.State)).Value.Step.Should().Be("approved by Sam");
        var rows = await RowsAsync(Table, "request-3");
        rows.Should().ContainSingle("no audit row and no outbox row of the refused change").Which.RowKey.Should().Be(WorkflowRows.State);
    }

    [Fact]
    public async Task Creating_a_workflow_twice_is_a_conflict_and_the_second_writes_nothing()
    {
        await Change("request-4", "first").Create(new StepState { Step = "first" }).SubmitAsync(Table);

        var act = () => Change("request-4", "second").Create(new StepState { Step = "second" }).SubmitAsync(Table);

        await act.Should().ThrowAsync<WorkflowConflictException>();
        (await Table.GetEntityAsync<StepState>("request-4", WorkflowRows.State)).Value.Step.Should().Be("first");
        (await OutboxAsync(Table, "request-4")).Should().ContainSingle().Which.CardJson.Should().Contain("first");
        (await RowsAsync(Table, "request-4")).Should().HaveCount(3);
    }

    [Fact]
    public void Replacing_without_the_etag_it_was_read_with_is_refused()
    {
        var act = () => new WorkflowTransaction("request-5", DateTimeOffset.UtcNow).Replace(new StepState(), default);

        act.Should().Throw<ArgumentException>().WithMessage("*ETag*");
    }

    [Fact]
    public async Task Outbox_rows_of_one_change_sort_in_the_order_they_were_sent()
    {
        var transaction = new WorkflowTransaction("request-6", DateTimeOffset.UtcNow).Create(new StepState());
        for (var i = 0; i < 12; i++)
            transaction.Send(new OutboxMessage.CardToUser(TenantId, $"user-{i}", Card($"card {i}")));

        await transaction.SubmitAsync(Table);

        (await OutboxAsync(Table, "request-6")).Select(o => o.UserAadObjectId).Should().Equal(Enumerable.Range(0, 12).Select(i => $"user-{i}"));
    }

    [Fact]
    public async Task A_change_with_a_row_larger_than_table_storage_holds_is_too_large_and_nothing_is_written()
    {
        var act = () => Change("request-7", "submitted")
            .Create(new StepState { Step = "submitted" })
            .Send(new OutboxMessage.CardToUser(TenantId, "user-2", Card(new string('x', TableConstants.MaxStringChars))))
            .SubmitAsync(Table);

        (await act.Should().ThrowAsync<WorkflowTooLargeException>()).WithInnerException<TableSizeLimitException>()
            .Which.ErrorCode.Should().Be(TableErrorCode.PropertyValueTooLarge);
        (await RowsAsync(Table, "request-7")).Should().BeEmpty();
    }

    [Fact]
    public async Task A_change_larger_than_one_batch_holds_is_too_large_and_nothing_is_written()
    {
        // Each card fits its row (30,000 characters), but 80 of them at two UTF-8 bytes a character are 4.8 MB.
        var transaction = new WorkflowTransaction("request-8", DateTimeOffset.UtcNow).Create(new StepState { Step = "submitted" });
        for (var i = 0; i < 80; i++)
            transaction.Send(new OutboxMessage.CardToUser(TenantId, $"user-{i}", Card(new string('ą', 30_000))));

        var act = () => transaction.SubmitAsync(Table);

        (await act.Should().ThrowAsync<WorkflowTooLargeException>()).WithInnerException<TableSizeLimitException>()
            .Which.ErrorCode.Should().Be(TableErrorCode.RequestBodyTooLarge);
        (await RowsAsync(Table, "request-8")).Should().BeEmpty();
    }
}

public sealed class EmbeddedWorkflowTransactionTests(TemporaryDatabase database) : WorkflowTransactionTests, IClassFixture<TemporaryDatabase>
{
    readonly TableServiceClient _service = new EmbeddedTableServiceClient(database.Path);

    protected override TableServiceClient Service => _service;
}

public sealed class AzuriteWorkflowTransactionTests(AzuriteFixture azurite) : WorkflowTransactionTests, IClassFixture<AzuriteFixture>
{
    readonly TableServiceClient _service = new(azurite.ConnectionString);

    protected override TableServiceClient Service => _service;
}
