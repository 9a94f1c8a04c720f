namespace PolicyBot.Storage.Tables;

/// <summary>
/// The checks both stores make before writing, so that the HTTP client and the embedded store refuse the
/// same things with the same errors (and the service is never sent what it would refuse).
/// </summary>
static class TableRules
{
    public static Dictionary<string, object?> PropertiesOf(ITableEntity entity)
    {
        ArgumentNullException.ThrowIfNull(entity);
        var properties = EntityTypeMap.ToProperties(entity);
        TableJson.Validate(properties);
        return properties;
    }

    public static void ValidateKeys(string partitionKey, string rowKey)
    {
        ArgumentNullException.ThrowIfNull(partitionKey);
        ArgumentNullException.ThrowIfNull(rowKey);
        TableJson.ValidateKey(TableConstants.PartitionKey, partitionKey);
        TableJson.ValidateKey(TableConstants.RowKey, rowKey);
    }

    public static void ValidateTableName(string tableName)
    {
        ArgumentException.ThrowIfNullOrEmpty(tableName);
        // Service rule: 3-63 alphanumeric characters, not starting with a digit.
        if (tableName.Length is < 3 or > 63 || !char.IsAsciiLetter(tableName[0]) || !tableName.All(char.IsAsciiLetterOrDigit))
            throw new ArgumentException($"Table name '{tableName}' must be 3 to 63 letters and digits, starting with a letter.", nameof(tableName));
    }

    public static void ValidateUpdateIfMatch(Azure.ETag ifMatch)
    {
        if (ifMatch == default)
            throw new ArgumentException("An update needs an ETag to match; pass ETag.All to overwrite whatever is stored.", nameof(ifMatch));
    }

    /// <summary>Validated actions with their property dictionaries; one partition, at most 100, each row once.</summary>
    public static IReadOnlyList<(TableTransactionAction Action, Dictionary<string, object?> Properties)> ValidateTransaction(IEnumerable<TableTransactionAction> actions)
    {
        ArgumentNullException.ThrowIfNull(actions);
        var list = actions.ToList();
        if (list.Count == 0)
            throw new ArgumentException("A transaction needs at least one action.", nameof(actions));
        if (list.Count > TableConstants.MaxBatchActions)
            throw new ArgumentException($"A transaction holds at most {TableConstants.MaxBatchActions} actions; this one has {list.Count}.", nameof(actions));

        var result = new List<(TableTransactionAction, Dictionary<string, object?>)>(list.Count);
        var rowKeys = new HashSet<string>(StringComparer.Ordinal);
        string? partition = null;
        for (var i = 0; i < list.Count; i++)
        {
            var action = list[i] ?? throw new ArgumentException($"Action {i} is null.", nameof(actions));
            var properties = action.ActionType == TableTransactionActionType.Delete
                ? KeysOnly(action.Entity)
                : PropertiesOf(action.Entity);
            var partitionKey = (string)properties[TableConstants.PartitionKey]!;
            partition ??= partitionKey;
            if (!string.Equals(partition, partitionKey, StringComparison.Ordinal))
                throw new ArgumentException($"All actions of a transaction must be in one partition: action {i} is in '{partitionKey}', not '{partition}'.", nameof(actions));
            if (!rowKeys.Add((string)properties[TableConstants.RowKey]!))
                throw new ArgumentException($"Action {i} touches row '{properties[TableConstants.RowKey]}' again; a transaction may touch each entity once.", nameof(actions));
            result.Add((action, properties));
        }
        return result;
    }

    public static void ValidateBatchSize(int bytes)
    {
        if (bytes > TableConstants.MaxBatchBytes)
            throw new TableSizeLimitException($"The transaction is {bytes} bytes; a batch holds at most 4 MiB.", TableErrorCode.RequestBodyTooLarge);
    }

    static Dictionary<string, object?> KeysOnly(ITableEntity entity)
    {
        ArgumentNullException.ThrowIfNull(entity);
        ValidateKeys(entity.PartitionKey, entity.RowKey);
        return new(StringComparer.Ordinal)
        {
            [TableConstants.PartitionKey] = entity.PartitionKey,
            [TableConstants.RowKey] = entity.RowKey,
        };
    }
}
