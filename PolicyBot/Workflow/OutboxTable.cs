namespace PolicyBot.Workflow;

/// <summary>A table whose workflow partitions hold outbox rows; the dispatcher watches every one declared.</summary>
public sealed record OutboxTable(string Name);
