namespace PolicyBot.Storage.Tables;

/// <summary>
/// What was to be written is larger than the Table service allows (a string over 64 KiB, an entity over 1 MiB, a
/// batch over 4 MiB). Thrown by both stores before anything is sent or written. Unlike a storage outage, trying again
/// cannot help: the caller has to write less.
/// </summary>
/// <param name="errorCode">The service's code for the same refusal (<see cref="TableErrorCode"/>).</param>
public sealed class TableSizeLimitException(string message, string errorCode) : ArgumentException(message, "entity")
{
    public string ErrorCode { get; } = errorCode;
}
