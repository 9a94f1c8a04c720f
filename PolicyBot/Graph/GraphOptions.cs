using Microsoft.Extensions.Configuration;

namespace PolicyBot.Graph;

/// <summary>
/// Settings from the <c>Graph</c> section (app settings <c>Graph__TenantId</c> and so on). In Azure PolicyBot signs in as
/// its user-assigned managed identity; on a developer's machine an app registration's client id and secret will do.
/// With none of the identity settings present, Graph is "not configured": notifications are recorded, not sent.
/// </summary>
public sealed class GraphOptions
{
    public const string SectionName = "Graph";

    /// <summary>Graph's scope for application permissions; the token is asked for this even when <see cref="BaseUrl"/> is local.</summary>
    public const string Scope = "https://graph.microsoft.com/.default";

    public string? TenantId { get; set; }

    /// <summary>The user-assigned managed identity's client id (production).</summary>
    public string? ManagedIdentityClientId { get; set; }

    /// <summary>An app registration's client id, with <see cref="ClientSecret"/>: for local use instead of a managed identity.</summary>
    public string? ClientId { get; set; }

    public string? ClientSecret { get; set; }

    /// <summary>The mailbox that sends the e-mail fallback. Empty: no e-mail is sent.</summary>
    public string? MailSender { get; set; }

    public Uri BaseUrl { get; set; } = new("https://graph.microsoft.com/v1.0");

    /// <summary>Where tokens come from (<c>{AuthorityHost}{TenantId}/oauth2/v2.0/token</c>); tests point it at a local endpoint.</summary>
    public Uri AuthorityHost { get; set; } = new("https://login.microsoftonline.com/");

    /// <summary>Retries of a throttled or unavailable request (429, 500, 502, 503, 504) within one call; at most 10.</summary>
    public int MaxRetries { get; set; } = 3;

    /// <summary>Base of the exponential back-off when Graph sends no <c>Retry-After</c>, in whole seconds (0 to 180).</summary>
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>
    /// The longest one call waits in total across retries. A longer <c>Retry-After</c> ends the call with a retryable
    /// failure instead, and the outbox tries again later: a dispatcher is not held up by one throttled recipient.
    /// </summary>
    public TimeSpan MaxRetryWait { get; set; } = TimeSpan.FromSeconds(30);

    public bool UsesManagedIdentity => !string.IsNullOrWhiteSpace(ManagedIdentityClientId);

    public bool MailFallbackEnabled => !string.IsNullOrWhiteSpace(MailSender);

    /// <summary>Whether the section names an identity at all; without one PolicyBot runs with Graph switched off.</summary>
    public bool IsConfigured =>
        !string.IsNullOrWhiteSpace(TenantId) || !string.IsNullOrWhiteSpace(ManagedIdentityClientId)
        || !string.IsNullOrWhiteSpace(ClientId) || !string.IsNullOrWhiteSpace(ClientSecret);

    internal static bool IsConfiguredIn(IConfiguration configuration)
    {
        var section = configuration.GetSection(SectionName);
        return !string.IsNullOrWhiteSpace(section[nameof(TenantId)]) || !string.IsNullOrWhiteSpace(section[nameof(ManagedIdentityClientId)])
            || !string.IsNullOrWhiteSpace(section[nameof(ClientId)]) || !string.IsNullOrWhiteSpace(section[nameof(ClientSecret)]);
    }
}
