namespace PolicyBot.Storage.Tables;

/// <summary>A table, as listed by <see cref="TableServiceClient.QueryAsync(string?, int?, CancellationToken)"/>.</summary>
public sealed record TableItem(string Name);
