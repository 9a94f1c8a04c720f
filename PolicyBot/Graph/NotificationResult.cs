namespace PolicyBot.Graph;

public enum NotificationOutcome
{
    /// <summary>Graph accepted the activity-feed notification.</summary>
    Sent,

    /// <summary>The app is not installed for the recipient, so a short e-mail with the reference and the link went instead.</summary>
    SentByMail,

    /// <summary>The app is not installed for the recipient and no e-mail could go (no sender configured, or no mailbox).</summary>
    NotInstalled,

    /// <summary>Graph is not configured (local development): nothing was sent.</summary>
    NotConfigured,

    /// <summary>Graph refused or could not be reached; <see cref="NotificationResult.Retryable"/> says whether to try again later.</summary>
    Failed,
}

/// <summary>
/// What became of a notification. Expected failures come back as a result, not an exception, so the outbox dispatcher
/// can decide: delete the row (delivered, or pointless to retry), or keep it and retry (after <see cref="RetryAfter"/>).
/// </summary>
public sealed record NotificationResult(NotificationOutcome Outcome, string? Reason = null, bool Retryable = false, TimeSpan? RetryAfter = null)
{
    public static NotificationResult Sent { get; } = new(NotificationOutcome.Sent);

    public static NotificationResult SentByMail { get; } = new(NotificationOutcome.SentByMail);

    public static NotificationResult NotInstalled(string reason) => new(NotificationOutcome.NotInstalled, reason);

    public static NotificationResult NotConfigured(string reason) => new(NotificationOutcome.NotConfigured, reason);

    public static NotificationResult Failed(string reason, bool retryable, TimeSpan? retryAfter = null) =>
        new(NotificationOutcome.Failed, reason, retryable, retryAfter);

    /// <summary>The recipient was told, in Teams or by e-mail.</summary>
    public bool Delivered => Outcome is NotificationOutcome.Sent or NotificationOutcome.SentByMail;
}
