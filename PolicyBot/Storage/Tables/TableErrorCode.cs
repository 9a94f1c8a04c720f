namespace PolicyBot.Storage.Tables;

/// <summary>The error codes the Table service returns that callers act on (subset).</summary>
public static class TableErrorCode
{
    public const string ResourceNotFound = "ResourceNotFound";
    public const string TableNotFound = "TableNotFound";
    public const string EntityAlreadyExists = "EntityAlreadyExists";
    public const string TableAlreadyExists = "TableAlreadyExists";
    public const string UpdateConditionNotSatisfied = "UpdateConditionNotSatisfied";
    public const string InvalidInput = "InvalidInput";
    public const string OutOfRangeInput = "OutOfRangeInput";
    public const string PropertyValueTooLarge = "PropertyValueTooLarge";
    public const string EntityTooLarge = "EntityTooLarge";
    public const string RequestBodyTooLarge = "RequestBodyTooLarge";
    public const string TooManyProperties = "TooManyProperties";
    public const string InvalidDuplicateRow = "InvalidDuplicateRow";
    public const string CommandsInBatchActOnDifferentPartitions = "CommandsInBatchActOnDifferentPartitions";
}
