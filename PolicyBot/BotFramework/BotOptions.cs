using System.ComponentModel.DataAnnotations;

namespace PolicyBot.BotFramework;

/// <summary>
/// Configuration section <c>Bot</c> (environment variables <c>Bot__AppId</c> …). With no <see cref="AppId"/>
/// the bot runs in local development mode: unauthenticated requests are accepted from loopback only.
/// </summary>
public sealed class BotOptions
{
    public const string SectionName = "Bot";
    public const string DefaultOpenIdMetadataUrl = "https://login.botframework.com/v1/.well-known/openidconfiguration";
    public const string BotFrameworkIssuer = "https://api.botframework.com";
    public const string DefaultConnectorScope = "https://api.botframework.com/.default";
    public const string DefaultAuthorityHost = "https://login.microsoftonline.com/";

    /// <summary>The bot's Entra application (client) id; the audience of every inbound token.</summary>
    public string? AppId { get; set; }

    /// <summary>The bot's Entra tenant: issuer of Entra tokens and of the bot's own outbound tokens.</summary>
    public string? TenantId { get; set; }

    public string OpenIdMetadataUrl { get; set; } = DefaultOpenIdMetadataUrl;

    /// <summary>Defaults to the tenant's v2 metadata.</summary>
    public string? EntraOpenIdMetadataUrl { get; set; }

    public string? ClientSecret { get; set; }
    public string? CertificatePath { get; set; }
    public string? CertificatePassword { get; set; }
    public string? ManagedIdentityClientId { get; set; }
    public string AuthorityHost { get; set; } = DefaultAuthorityHost;
    public string ConnectorScope { get; set; } = DefaultConnectorScope;

    /// <summary>Largest request body accepted on /api/messages. Teams activities are a few KB.</summary>
    [Range(1024, 10 * 1024 * 1024)]
    public int MaxRequestBytes { get; set; } = 256 * 1024;

    /// <summary>Retries of a Connector call answered 429/412/502/504 (after the first attempt).</summary>
    [Range(0, 10)]
    public int ConnectorMaxRetries { get; set; } = 4;

    /// <summary>
    /// The hosts an authenticated activity's serviceUrl may name: the bot sends its own Connector token there, so
    /// a token that validates but names another host (another app in the tenant, say) is refused. An entry is a
    /// host name or "*.suffix". Configured entries are added to these defaults.
    /// </summary>
    public IList<string> AllowedServiceUrlHosts { get; set; } =
    [
        "smba.trafficmanager.net",
        "smba.infra.gcc.teams.microsoft.com",
        "smba.infra.gov.teams.microsoft.us",
        "smba.infra.dod.teams.microsoft.us",
        "*.botframework.com",
    ];

    public bool IsDevelopmentMode => string.IsNullOrWhiteSpace(AppId);

    /// <summary>https on an allowed host; plain http only for a loopback host someone listed (local stand-ins).</summary>
    public bool IsAllowedServiceUrl(string? serviceUrl)
    {
        if (!Uri.TryCreate(serviceUrl, UriKind.Absolute, out var uri))
            return false;
        if (uri.Scheme != Uri.UriSchemeHttps && !(uri.Scheme == Uri.UriSchemeHttp && uri.IsLoopback))
            return false;
        var host = uri.IdnHost;
        return AllowedServiceUrlHosts.Any(allowed => allowed.StartsWith("*.", StringComparison.Ordinal)
            ? host.EndsWith(allowed[1..], StringComparison.OrdinalIgnoreCase)
            : string.Equals(host, allowed, StringComparison.OrdinalIgnoreCase));
    }

    public string ResolvedEntraOpenIdMetadataUrl =>
        EntraOpenIdMetadataUrl ?? $"https://login.microsoftonline.com/{TenantId}/v2.0/.well-known/openid-configuration";
}
