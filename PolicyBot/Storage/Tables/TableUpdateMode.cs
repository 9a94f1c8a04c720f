namespace PolicyBot.Storage.Tables;

/// <summary>How an update treats properties the sent entity does not carry.</summary>
public enum TableUpdateMode
{
    /// <summary>Keep stored properties that the sent entity does not mention.</summary>
    Merge,

    /// <summary>Replace the stored entity with the sent one.</summary>
    Replace,
}
