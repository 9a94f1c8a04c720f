using System.Security.Claims;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using PolicyBot.BotFramework.Schema;

namespace PolicyBot.BotFramework.Authentication;

/// <summary>
/// Checks the <c>Authorization</c> header of a request from the Bot Connector, as the Bot Framework
/// authentication protocol describes: Bot Framework tokens (issuer https://api.botframework.com, keys endorsed
/// for the channel, <c>serviceurl</c> claim equal to the activity's) and Entra tokens from the bot's own tenant
/// (v1 and v2 issuers). RS256 only, audience = the app id, 5 minutes of clock skew.
/// </summary>
public sealed partial class BotAuthenticator : IDisposable
{
    public static readonly TimeSpan ClockSkew = TimeSpan.FromMinutes(5);
    public const string ServiceUrlClaim = "serviceurl";

    readonly BotOptions _options;
    readonly OpenIdKeyCache _botFrameworkKeys;
    readonly OpenIdKeyCache? _entraKeys;
    readonly JsonWebTokenHandler _handler = new() { MapInboundClaims = false };
    readonly ILogger _logger;

    public BotAuthenticator(IOptions<BotOptions> options, IHttpClientFactory httpClientFactory, TimeProvider time, ILogger<BotAuthenticator> logger)
        : this(options.Value, httpClientFactory.CreateClient(HttpClientName), time, logger)
    {
    }

    public BotAuthenticator(BotOptions options, HttpClient http, TimeProvider time, ILogger logger, TimeSpan? minimumKeyRefreshInterval = null)
    {
        _options = options;
        _logger = logger;
        _botFrameworkKeys = new OpenIdKeyCache(http, new Uri(options.OpenIdMetadataUrl), time, logger, minimumKeyRefreshInterval);
        if (!string.IsNullOrWhiteSpace(options.TenantId))
            _entraKeys = new OpenIdKeyCache(http, new Uri(options.ResolvedEntraOpenIdMetadataUrl), time, logger, minimumKeyRefreshInterval);
    }

    public const string HttpClientName = "PolicyBot.BotFramework.OpenId";

    public OpenIdKeyCache BotFrameworkKeys => _botFrameworkKeys;
    public OpenIdKeyCache? EntraKeys => _entraKeys;

    public void Dispose()
    {
        _botFrameworkKeys.Dispose();
        _entraKeys?.Dispose();
    }

    /// <summary>Checks the header against the activity it came with. Never throws for a bad token.</summary>
    public async Task<AuthenticationResult> AuthenticateAsync(string? authorizationHeader, Activity activity, CancellationToken cancellationToken = default)
    {
        var result = await CheckAsync(authorizationHeader, activity, cancellationToken).ConfigureAwait(false);
        if (!result.Succeeded)
            LogRefused(_logger, result.StatusCode, result.Reason!);
        return result;
    }

    async Task<AuthenticationResult> CheckAsync(string? authorizationHeader, Activity activity, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(authorizationHeader))
            return AuthenticationResult.Unauthorized("No Authorization header.");
        var parts = authorizationHeader.Split(' ', 2, StringSplitOptions.TrimEntries);
        if (parts.Length != 2 || !parts[0].Equals("Bearer", StringComparison.OrdinalIgnoreCase) || parts[1].Length == 0)
            return AuthenticationResult.Unauthorized("The Authorization header is not a Bearer token.");

        JsonWebToken token;
        try
        {
            token = new JsonWebToken(parts[1]);
        }
        catch (ArgumentException)
        {
            return AuthenticationResult.Unauthorized("The bearer token is not a well-formed JWT.");
        }

        if (token.Alg != SecurityAlgorithms.RsaSha256)
            return AuthenticationResult.Unauthorized("The token is not signed with RS256.");

        var isBotFramework = token.Issuer == BotOptions.BotFrameworkIssuer;
        var entraIssuers = EntraIssuers();
        var isEntra = !isBotFramework && entraIssuers.Contains(token.Issuer, StringComparer.Ordinal);
        if (!isBotFramework && !isEntra)
            return AuthenticationResult.Unauthorized("The token's issuer is not trusted.");

        var keys = isBotFramework ? _botFrameworkKeys : _entraKeys!;
        if (string.IsNullOrEmpty(token.Kid))
            return AuthenticationResult.Unauthorized("The token names no signing key.");
        var key = await keys.GetKeyAsync(token.Kid, cancellationToken).ConfigureAwait(false);
        if (key is null)
            return AuthenticationResult.Unauthorized("The token's signing key is unknown.");

        var parameters = new TokenValidationParameters
        {
            ValidIssuers = isBotFramework ? [BotOptions.BotFrameworkIssuer] : entraIssuers,
            ValidAudiences = [_options.AppId!, $"api://{_options.AppId}"],
            IssuerSigningKey = key.Key,
            TryAllIssuerSigningKeys = false,
            ValidAlgorithms = [SecurityAlgorithms.RsaSha256],
            ClockSkew = ClockSkew,
            RequireSignedTokens = true,
            RequireExpirationTime = true,
            ValidateLifetime = true,
            ValidateIssuerSigningKey = false,
        };
        var validation = await _handler.ValidateTokenAsync(token, parameters).ConfigureAwait(false);
        if (!validation.IsValid)
            return AuthenticationResult.Unauthorized(Describe(validation.Exception));

        var identity = validation.ClaimsIdentity;
        if (isBotFramework)
        {
            // The key must be endorsed for the channel the activity claims to come from.
            if (string.IsNullOrEmpty(activity.ChannelId) || !key.Endorsements.Contains(activity.ChannelId, StringComparer.OrdinalIgnoreCase))
                return AuthenticationResult.Forbidden("The signing key is not endorsed for the activity's channel.");
            if (!ServiceUrlMatches(identity, activity, required: true))
                return AuthenticationResult.Forbidden("The token's serviceurl claim does not match the activity's serviceUrl.");
        }
        else if (!ServiceUrlMatches(identity, activity, required: false))
        {
            return AuthenticationResult.Forbidden("The token's serviceurl claim does not match the activity's serviceUrl.");
        }
        if (!_options.IsAllowedServiceUrl(activity.ServiceUrl))
            return AuthenticationResult.Forbidden("The activity's serviceUrl is not a Bot Connector host this bot trusts (Bot:AllowedServiceUrlHosts).");
        return AuthenticationResult.Success(identity);
    }

    string[] EntraIssuers() => string.IsNullOrWhiteSpace(_options.TenantId)
        ? []
        : [$"https://sts.windows.net/{_options.TenantId}/", $"https://login.microsoftonline.com/{_options.TenantId}/v2.0"];

    static bool ServiceUrlMatches(ClaimsIdentity identity, Activity activity, bool required)
    {
        var claim = identity.FindFirst(ServiceUrlClaim)?.Value;
        if (claim is null)
            return !required;
        return activity.ServiceUrl is not null
            && string.Equals(claim.TrimEnd('/'), activity.ServiceUrl.TrimEnd('/'), StringComparison.OrdinalIgnoreCase);
    }

    // The reason names the failed check, never the token.
    static string Describe(Exception? e) => e switch
    {
        SecurityTokenExpiredException => "The token has expired.",
        SecurityTokenNotYetValidException => "The token is not yet valid.",
        SecurityTokenInvalidAudienceException => "The token's audience is not this bot.",
        SecurityTokenInvalidIssuerException => "The token's issuer is not trusted.",
        SecurityTokenInvalidSignatureException or SecurityTokenSignatureKeyNotFoundException => "The token's signature is not valid.",
        SecurityTokenInvalidAlgorithmException => "The token is not signed with RS256.",
        SecurityTokenNoExpirationException => "The token has no expiry.",
        _ => "The token is not valid.",
    };

    [LoggerMessage(Level = LogLevel.Warning, Message = "Inbound request refused ({StatusCode}): {Reason}")]
    static partial void LogRefused(ILogger logger, int statusCode, string reason);
}
