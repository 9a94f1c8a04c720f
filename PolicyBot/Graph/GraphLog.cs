using Microsoft.Extensions.Logging;

namespace PolicyBot.Graph;

/// <summary>
/// Graph's log lines. They name the activity type and the reference, never the preview, the recipient of a safeguarding
/// notification, Graph's error message or a token.
/// </summary>
internal static partial class GraphLog
{
    [LoggerMessage(EventId = 4100, Level = LogLevel.Information, Message = "Activity notification {ActivityType} {Reference} sent")]
    public static partial void NotificationSent(ILogger logger, string activityType, string reference);

    [LoggerMessage(EventId = 4101, Level = LogLevel.Information, Message = "Activity notification {ActivityType} {Reference}: app not installed for the recipient, sent by e-mail instead")]
    public static partial void NotificationSentByMail(ILogger logger, string activityType, string reference);

    [LoggerMessage(EventId = 4102, Level = LogLevel.Warning, Message = "Activity notification {ActivityType} {Reference} not sent: app not installed for the recipient ({Reason})")]
    public static partial void AppNotInstalled(ILogger logger, string activityType, string reference, string reason);

    [LoggerMessage(EventId = 4103, Level = LogLevel.Warning, Message = "Activity notification {ActivityType} {Reference} failed: {Description} (retryable: {Retryable}, retry after: {RetryAfter})")]
    public static partial void NotificationFailed(ILogger logger, string activityType, string reference, string description, bool retryable, TimeSpan? retryAfter);

    [LoggerMessage(EventId = 4104, Level = LogLevel.Information, Message = "Activity notification {ActivityType} {Reference} not sent: Graph not configured")]
    public static partial void NotSentGraphNotConfigured(ILogger logger, string activityType, string reference);

    [LoggerMessage(EventId = 4105, Level = LogLevel.Warning, Message = "E-mail for {ActivityType} {Reference} failed: {Description} (retryable: {Retryable})")]
    public static partial void MailFailed(ILogger logger, string activityType, string reference, string description, bool retryable);

    [LoggerMessage(EventId = 4106, Level = LogLevel.Information, Message = "E-mail for {ActivityType} {Reference} not sent: {Reason}")]
    public static partial void MailNotSent(ILogger logger, string activityType, string reference, string reason);

    [LoggerMessage(EventId = 4110, Level = LogLevel.Warning, Message = "Directory look-up {Operation} failed: {Description} (retryable: {Retryable})")]
    public static partial void LookupFailed(ILogger logger, string operation, string description, bool retryable);

    [LoggerMessage(EventId = 4111, Level = LogLevel.Information, Message = "Directory look-up {Operation} not done: Graph not configured")]
    public static partial void LookupNotConfigured(ILogger logger, string operation);
}
