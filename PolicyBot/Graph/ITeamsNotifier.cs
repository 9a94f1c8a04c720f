namespace PolicyBot.Graph;

/// <summary>
/// Tells a person about something waiting for them, by reference: a Teams activity-feed notification, or a short e-mail
/// when the app is not installed for them. Never throws for an expected failure; see <see cref="NotificationResult"/>.
/// </summary>
public interface ITeamsNotifier
{
    /// <summary>
    /// <c>POST /users/{id}/teamwork/sendActivityNotification</c>. When Graph answers that the app is not installed for the
    /// recipient and <c>Graph:MailSender</c> is set, falls back to <see cref="SendMailAsync"/>.
    /// </summary>
    Task<NotificationResult> SendActivityNotificationAsync(string userAadObjectId, ActivityNotification notification, CancellationToken cancellationToken = default);

    /// <summary>
    /// <c>POST /users/{MailSender}/sendMail</c> to the recipient's mailbox: the notification's summary, its reference and
    /// its link, nothing more.
    /// </summary>
    Task<NotificationResult> SendMailAsync(string userAadObjectId, ActivityNotification notification, CancellationToken cancellationToken = default);
}
