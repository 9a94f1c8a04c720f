using Azure;
using PolicyBot.Storage.Tables;

namespace PolicyBot.Tests.Storage.Tables;

public enum Colour
{
    Red,
    Green,
}

/// <summary>One property of every type a table can hold, nullable variants included.</summary>
public sealed class EveryTypeEntity : ITableEntity
{
    public string PartitionKey { get; set; } = "";
    public string RowKey { get; set; } = "";
    public DateTimeOffset? Timestamp { get; set; }
    public ETag ETag { get; set; }

    public string? Text { get; set; }
    public int Small { get; set; }
    public long Large { get; set; }
    public bool Flag { get; set; }
    public double Real { get; set; }
    public DateTimeOffset When { get; set; }
    public Guid Id { get; set; }
    public byte[]? Bytes { get; set; }
    public Colour Colour { get; set; }
    public int? MaybeSmall { get; set; }
    public long? MaybeLarge { get; set; }
    public DateTimeOffset? MaybeWhen { get; set; }
    public Guid? MaybeId { get; set; }
    public Colour? MaybeColour { get; set; }
}

public sealed class CounterEntity : ITableEntity
{
    public string PartitionKey { get; set; } = "";
    public string RowKey { get; set; } = "";
    public DateTimeOffset? Timestamp { get; set; }
    public ETag ETag { get; set; }

    public int Count { get; set; }
    public string? Note { get; set; }
}
