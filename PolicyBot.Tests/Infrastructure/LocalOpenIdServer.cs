using System.Collections.Concurrent;
using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace PolicyBot.Tests.Infrastructure;

/// <summary>
/// Stands in for login.botframework.com and the Entra tenant's metadata: OpenID metadata documents and JSON Web
/// Key Sets with locally minted RSA keys (Bot Framework keys carry <c>endorsements</c>), and mints tokens signed
/// with them. Keys can be created unpublished and published later, to test refresh on an unknown kid.
/// </summary>
public sealed class LocalOpenIdServer : IAsyncDisposable
{
    public const string BotFrameworkMetadataPath = "v1/.well-known/openidconfiguration";
    public const string BotFrameworkIssuer = "https://api.botframework.com";

    readonly LocalHttpServer _server;
    readonly string _tenantId;
    readonly ConcurrentDictionary<string, MintedKey> _keys = new();
    int _botFrameworkMetadataRequests;

    LocalOpenIdServer(LocalHttpServer server, string tenantId)
    {
        _server = server;
        _tenantId = tenantId;
    }

    public sealed record MintedKey(string Kid, RsaSecurityKey Key, IReadOnlyList<string> Endorsements, bool IsEntra)
    {
        public bool Published { get; set; }
    }

    public string BotFrameworkMetadataUrl => new Uri(_server.BaseAddress, BotFrameworkMetadataPath).ToString();
    public string EntraMetadataUrl => new Uri(_server.BaseAddress, $"{_tenantId}/v2.0/.well-known/openid-configuration").ToString();
    public int BotFrameworkMetadataRequests => _botFrameworkMetadataRequests;

    /// <summary>The Bot Framework key every test signs with unless it says otherwise (endorsed for msteams).</summary>
    public MintedKey BotFrameworkKey { get; private set; } = null!;
    public MintedKey EntraKey { get; private set; } = null!;
    /// <summary>A published Bot Framework key endorsed only for webchat, not msteams.</summary>
    public MintedKey WebChatOnlyKey { get; private set; } = null!;

    public static async Task<LocalOpenIdServer> StartAsync(string tenantId)
    {
        LocalOpenIdServer? self = null;
        var server = await LocalHttpServer.StartAsync(app =>
        {
            app.MapGet("/" + BotFrameworkMetadataPath, (HttpContext c) =>
            {
                Interlocked.Increment(ref self!._botFrameworkMetadataRequests);
                return Results.Json(new { issuer = BotFrameworkIssuer, jwks_uri = new Uri(self._server.BaseAddress, "v1/keys").ToString(), id_token_signing_alg_values_supported = new[] { "RS256" } });
            });
            app.MapGet("/v1/keys", () => Results.Text(self!.Jwks(isEntra: false), "application/json"));
            app.MapGet("/{tenant}/v2.0/.well-known/openid-configuration", (string tenant) => Results.Json(new
            {
                issuer = $"https://login.microsoftonline.com/{tenant}/v2.0",
                jwks_uri = new Uri(self!._server.BaseAddress, $"{tenant}/discovery/v2.0/keys").ToString(),
            }));
            app.MapGet("/{tenant}/discovery/v2.0/keys", () => Results.Text(self!.Jwks(isEntra: true), "application/json"));
        });
        self = new LocalOpenIdServer(server, tenantId);
        self.BotFrameworkKey = self.CreateKey(["msteams", "emulator"], publish: true);
        self.EntraKey = self.CreateKey([], publish: true, isEntra: true);
        self.WebChatOnlyKey = self.CreateKey(["webchat"], publish: true);
        return self;
    }

    public MintedKey CreateKey(IReadOnlyList<string> endorsements, bool publish, bool isEntra = false)
    {
        var kid = "key-" + Guid.NewGuid().ToString("N")[..12];
        var key = new MintedKey(kid, new RsaSecurityKey(RSA.Create(2048)) { KeyId = kid }, endorsements, isEntra) { Published = publish };
        _keys[kid] = key;
        return key;
    }

    string Jwks(bool isEntra)
    {
        var keys = _keys.Values.Where(k => k.Published && k.IsEntra == isEntra).Select(k =>
        {
            var p = k.Key.Rsa.ExportParameters(false);
            return new Dictionary<string, object>
            {
                ["kty"] = "RSA",
                ["use"] = "sig",
                ["kid"] = k.Kid,
                ["n"] = Base64UrlEncoder.Encode(p.Modulus),
                ["e"] = Base64UrlEncoder.Encode(p.Exponent),
                ["endorsements"] = k.Endorsements,
            };
        });
        return JsonSerializer.Serialize(new { keys });
    }

    /// <summary>What goes into a minted token; each test changes the one field it is about.</summary>
    public sealed record TokenSpec
    {
        public string Issuer { get; init; } = BotFrameworkIssuer;
        public required string Audience { get; init; }
        public string? ServiceUrl { get; init; }
        public DateTime? NotBefore { get; init; }
        public DateTime? Expires { get; init; }
        public MintedKey? Key { get; init; }
        /// <summary>Sign with this key but name <see cref="Key"/>'s kid (a forged signature).</summary>
        public RsaSecurityKey? SignWith { get; init; }
        public string Algorithm { get; init; } = SecurityAlgorithms.RsaSha256;
    }

    public string Mint(TokenSpec spec)
    {
        var key = spec.Key ?? BotFrameworkKey;
        var now = DateTime.UtcNow;
        var claims = new Dictionary<string, object>();
        if (spec.ServiceUrl is not null)
            claims["serviceurl"] = spec.ServiceUrl;
        // The header names key.Kid, whatever key material signs (a forged kid or a forged signature).
        var signingKey = new RsaSecurityKey((spec.SignWith ?? key.Key).Rsa) { KeyId = key.Kid };
        var descriptor = new SecurityTokenDescriptor
        {
            Issuer = spec.Issuer,
            Audience = spec.Audience,
            Claims = claims,
            IssuedAt = spec.NotBefore ?? now.AddMinutes(-1),
            NotBefore = spec.NotBefore ?? now.AddMinutes(-1),
            Expires = spec.Expires ?? now.AddHours(1),
            SigningCredentials = new SigningCredentials(signingKey, spec.Algorithm),
        };
        return new JsonWebTokenHandler { SetDefaultTimesOnTokenCreation = false }.CreateToken(descriptor);
    }

    /// <summary>An unsigned token (<c>alg: none</c>) naming a published kid.</summary>
    public string MintUnsigned(string audience, string? serviceUrl)
    {
        var header = Base64UrlEncoder.Encode(Encoding.UTF8.GetBytes(JsonSerializer.Serialize(new { alg = "none", typ = "JWT", kid = BotFrameworkKey.Kid })));
        var exp = DateTimeOffset.UtcNow.AddHours(1).ToUnixTimeSeconds();
        var payload = Base64UrlEncoder.Encode(Encoding.UTF8.GetBytes(JsonSerializer.Serialize(new { iss = BotFrameworkIssuer, aud = audience, serviceurl = serviceUrl, nbf = exp - 7200, exp })));
        return $"{header}.{payload}.";
    }

    public ValueTask DisposeAsync() => _server.DisposeAsync();
}
