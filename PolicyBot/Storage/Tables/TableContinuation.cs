namespace PolicyBot.Storage.Tables;

/// <summary>The page continuation token: the service's next partition and row keys, joined by a space.</summary>
static class TableContinuation
{
    public static string? Format(string? nextPartitionKey, string? nextRowKey) =>
        string.IsNullOrEmpty(nextPartitionKey) ? null
        : string.IsNullOrEmpty(nextRowKey) ? nextPartitionKey
        : nextPartitionKey + " " + nextRowKey;

    public static bool TryParse(string? token, out string nextPartitionKey, out string? nextRowKey)
    {
        nextPartitionKey = "";
        nextRowKey = null;
        if (string.IsNullOrEmpty(token))
            return false;
        var space = token.IndexOf(' ', StringComparison.Ordinal);
        nextPartitionKey = space < 0 ? token : token[..space];
        nextRowKey = space < 0 ? null : token[(space + 1)..];
        return true;
    }
}
