using Azure;

namespace PolicyBot.Storage.Tables;

/// <summary>
/// A transaction was refused as a whole because one of its actions failed; nothing was written.
/// <see cref="FailedTransactionActionIndex"/> says which action (0-based) caused it.
/// </summary>
public class TableTransactionFailedException : RequestFailedException
{
    public TableTransactionFailedException(int status, string message, string? errorCode, int? failedTransactionActionIndex, Exception? innerException = null)
        : base(status, message, errorCode, innerException)
    {
        FailedTransactionActionIndex = failedTransactionActionIndex;
    }

    /// <summary>The index of the failing action within the submitted list, when the service said which.</summary>
    public int? FailedTransactionActionIndex { get; }
}
