using Azure;
using PolicyBot.Cards.AdaptiveCards;
using PolicyBot.Storage.Tables;
using PolicyBot.Tests.Storage.Tables;
using PolicyBot.Workflow;

namespace PolicyBot.Tests.Workflow;

/// <summary>A workflow's state row as a feature would keep it: a step name and a counter.</summary>
public sealed class StepState : ITableEntity
{
    public string PartitionKey { get; set; } = "";
    public string RowKey { get; set; } = "";
    public DateTimeOffset? Timestamp { get; set; }
    public ETag ETag { get; set; }

    public string Step { get; set; } = "";
    public int Count { get; set; }
}

/// <summary>Reading a workflow partition back, row by row kind.</summary>
static class WorkflowTestRows
{
    public const string TenantId = "11111111-2222-3333-4444-555555555555";

    public static string NewTableName() => "wf" + Guid.NewGuid().ToString("N")[..16];

    public static AdaptiveCard Card(string marker) => new() { Body = [new TextBlock(marker)] };

    public static async Task<List<TableEntity>> RowsAsync(TableClient table, string partitionKey) =>
        await table.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {partitionKey}")).ToListAsync();

    public static async Task<List<OutboxEntity>> OutboxAsync(TableClient table, string partitionKey) =>
        await table.QueryAsync<OutboxEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {partitionKey}") + " and " + WorkflowRows.StartingWith(WorkflowRows.OutboxPrefix)).ToListAsync();

    public static async Task<List<CardCopyEntity>> CopiesAsync(TableClient table, string partitionKey) =>
        await table.QueryAsync<CardCopyEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {partitionKey}") + " and " + WorkflowRows.StartingWith(WorkflowRows.CopyPrefix)).ToListAsync();
}
