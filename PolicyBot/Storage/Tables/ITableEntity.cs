using Azure;

namespace PolicyBot.Storage.Tables;

/// <summary>The four system properties every table entity has (as in Azure.Data.Tables).</summary>
public interface ITableEntity
{
    string PartitionKey { get; set; }

    string RowKey { get; set; }

    /// <summary>Set by the service on every write; ignored when sending.</summary>
    DateTimeOffset? Timestamp { get; set; }

    /// <summary>Opaque version of the stored entity; pass it back as <c>ifMatch</c> for a conditional write.</summary>
    ETag ETag { get; set; }
}
