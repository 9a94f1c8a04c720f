using Microsoft.Extensions.Logging;

namespace PolicyBot.Graph;

/// <summary>
/// Stands in for Graph when it is not configured (local development): records that nothing was sent and says so in its
/// result. It never throws and never reports a notification as delivered.
/// </summary>
public sealed class NotConfiguredTeamsNotifier(ILogger<NotConfiguredTeamsNotifier> logger) : ITeamsNotifier
{
    public const string Reason = "not sent: Graph not configured";

    public Task<NotificationResult> SendActivityNotificationAsync(string userAadObjectId, ActivityNotification notification, CancellationToken cancellationToken = default) =>
        NotSent(notification);

    public Task<NotificationResult> SendMailAsync(string userAadObjectId, ActivityNotification notification, CancellationToken cancellationToken = default) =>
        NotSent(notification);

    Task<NotificationResult> NotSent(ActivityNotification notification)
    {
        GraphLog.NotSentGraphNotConfigured(logger, notification.ActivityType, notification.Reference.Value);
        return Task.FromResult(NotificationResult.NotConfigured(Reason));
    }
}
