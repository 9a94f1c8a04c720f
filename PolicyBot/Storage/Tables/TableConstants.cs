namespace PolicyBot.Storage.Tables;

/// <summary>Names and limits from the Table service REST documentation.</summary>
static class TableConstants
{
    public const string PartitionKey = "PartitionKey";
    public const string RowKey = "RowKey";
    public const string Timestamp = "Timestamp";
    public const string ODataEtag = "odata.etag";
    public const string ODataType = "@odata.type";

    public const int MaxCustomProperties = 252;
    public const int MaxEntityBytes = 1024 * 1024;
    public const int MaxStringChars = 32 * 1024;  // 64 KiB as UTF-16
    public const int MaxBinaryBytes = 64 * 1024;
    public const int MaxKeyChars = 1024;           // 1 KiB as documented
    public const int MaxBatchActions = 100;
    public const int MaxBatchBytes = 4 * 1024 * 1024;
    public const int MaxPageSize = 1000;

    public const string ApiVersion = "2019-02-02";
    public const string AcceptMinimalMetadata = "application/json;odata=minimalmetadata";
    public const string AcceptNoMetadata = "application/json;odata=nometadata";
}
