namespace PolicyBot.Graph;

public enum DirectoryLookupOutcome
{
    Found,

    /// <summary>No such user, or the user has no manager.</summary>
    NotFound,

    /// <summary>Graph is not configured (local development): nothing was looked up.</summary>
    NotConfigured,

    Failed,
}

/// <summary>The answer to a directory look-up; like <see cref="NotificationResult"/>, expected failures are results, not exceptions.</summary>
public sealed record DirectoryLookupResult(DirectoryLookupOutcome Outcome, DirectoryUser? User = null, string? Reason = null, bool Retryable = false)
{
    public static DirectoryLookupResult Found(DirectoryUser user) => new(DirectoryLookupOutcome.Found, user);

    public static DirectoryLookupResult NotFound(string reason) => new(DirectoryLookupOutcome.NotFound, Reason: reason);

    public static DirectoryLookupResult NotConfigured(string reason) => new(DirectoryLookupOutcome.NotConfigured, Reason: reason);

    public static DirectoryLookupResult Failed(string reason, bool retryable) => new(DirectoryLookupOutcome.Failed, Reason: reason, Retryable: retryable);
}
