using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.IdentityModel.Tokens;
using PolicyBot.BotFramework;
using PolicyBot.BotFramework.Authentication;
using PolicyBot.BotFramework.Schema;
using PolicyBot.Tests.Infrastructure;
using static PolicyBot.Tests.Infrastructure.LocalOpenIdServer;

namespace PolicyBot.Tests.BotFramework.Authentication;

/// <summary>
/// Inbound token checks against a local OpenID metadata/JWKS server with locally minted RSA keys.
/// </summary>
public sealed class BotAuthenticatorTests : IClassFixture<BotAuthenticatorTests.OpenIdFixture>, IDisposable
{
    const string AppId = "9f1d3c1e-7a57-4c55-9c1b-bot0app00001";
    const string Tenant = TestActivities.TenantId;
    const string ServiceUrl = "https://smba.trafficmanager.net/uk/";

    public sealed class OpenIdFixture : IAsyncLifetime
    {
        public LocalOpenIdServer Server { get; private set; } = null!;
        public async Task InitializeAsync() => Server = await LocalOpenIdServer.StartAsync(Tenant);
        public async Task DisposeAsync() => await Server.DisposeAsync();
    }

    readonly LocalOpenIdServer _server;
    readonly ManualTimeProvider _clock = new();
    readonly HttpClient _http = new();
    readonly BotAuthenticator _authenticator;

    public BotAuthenticatorTests(OpenIdFixture fixture)
    {
        _server = fixture.Server;
        _authenticator = new BotAuthenticator(Options(), _http, _clock, NullLogger.Instance);
    }

    BotOptions Options() => new()
    {
        AppId = AppId,
        TenantId = Tenant,
        OpenIdMetadataUrl = _server.BotFrameworkMetadataUrl,
        EntraOpenIdMetadataUrl = _server.EntraMetadataUrl,
    };

    public void Dispose()
    {
        _authenticator.Dispose();
        _http.Dispose();
    }

    static Activity Incoming(string channelId = "msteams", string serviceUrl = ServiceUrl)
    {
        var activity = TestActivities.Message(serviceUrl, "help");
        activity.ChannelId = channelId;
        return activity;
    }

    TokenSpec Good => new() { Audience = AppId, ServiceUrl = ServiceUrl };

    Task<AuthenticationResult> Check(string token, Activity? activity = null) =>
        _authenticator.AuthenticateAsync("Bearer " + token, activity ?? Incoming());

    [Fact]
    public async Task A_correctly_signed_bot_framework_token_is_accepted()
    {
        var result = await Check(_server.Mint(Good));

        result.Succeeded.Should().BeTrue(result.Reason);
        result.Identity!.FindFirst("serviceurl")!.Value.Should().Be(ServiceUrl);
    }

    [Fact]
    public async Task A_token_from_another_issuer_is_refused()
    {
        var result = await Check(_server.Mint(Good with { Issuer = "https://evil.example.com" }));

        result.StatusCode.Should().Be(401);
        result.Reason.Should().Contain("issuer");
    }

    [Fact]
    public async Task A_token_for_another_audience_is_refused()
    {
        var result = await Check(_server.Mint(Good with { Audience = "some-other-bot" }));

        result.StatusCode.Should().Be(401);
        result.Reason.Should().Contain("audience");
    }

    [Fact]
    public async Task An_expired_token_is_refused()
    {
        var result = await Check(_server.Mint(Good with { NotBefore = DateTime.UtcNow.AddHours(-2), Expires = DateTime.UtcNow.AddMinutes(-6) }));

        result.StatusCode.Should().Be(401);
        result.Reason.Should().Contain("expired");
    }

    [Fact]
    public async Task A_token_expired_within_the_five_minute_skew_is_accepted()
    {
        var result = await Check(_server.Mint(Good with { NotBefore = DateTime.UtcNow.AddHours(-2), Expires = DateTime.UtcNow.AddMinutes(-4) }));

        result.Succeeded.Should().BeTrue(result.Reason);
    }

    [Fact]
    public async Task A_token_not_yet_valid_beyond_the_skew_is_refused()
    {
        var result = await Check(_server.Mint(Good with { NotBefore = DateTime.UtcNow.AddMinutes(10), Expires = DateTime.UtcNow.AddHours(1) }));

        result.StatusCode.Should().Be(401);
        result.Reason.Should().Contain("not yet valid");
    }

    [Fact]
    public async Task A_token_with_a_forged_signature_is_refused()
    {
        using var forger = System.Security.Cryptography.RSA.Create(2048);

        var result = await Check(_server.Mint(Good with { SignWith = new RsaSecurityKey(forger) }));

        result.StatusCode.Should().Be(401);
        result.Reason.Should().Contain("signature");
    }

    [Fact]
    public async Task An_unsigned_alg_none_token_is_refused()
    {
        var result = await Check(_server.MintUnsigned(AppId, ServiceUrl));

        result.StatusCode.Should().Be(401);
        result.Reason.Should().Contain("RS256");
    }

    [Fact]
    public async Task A_token_signed_with_another_algorithm_is_refused()
    {
        var result = await Check(_server.Mint(Good with { Algorithm = SecurityAlgorithms.RsaSsaPssSha256 }));

        result.StatusCode.Should().Be(401);
        result.Reason.Should().Contain("RS256");
    }

    [Fact]
    public async Task A_valid_token_for_an_activity_whose_service_url_is_not_a_connector_host_is_forbidden()
    {
        const string elsewhere = "https://attacker.example.com/";

        var result = await _authenticator.AuthenticateAsync($"Bearer {_server.Mint(Good with { ServiceUrl = elsewhere })}", Incoming(serviceUrl: elsewhere));

        result.Succeeded.Should().BeFalse();
        result.StatusCode.Should().Be(403);
    }

    [Fact]
    public async Task A_token_whose_serviceurl_differs_from_the_activity_is_forbidden()
    {
        var result = await Check(_server.Mint(Good with { ServiceUrl = "https://attacker.example.com/" }));

        result.StatusCode.Should().Be(403);
        result.Reason.Should().Contain("serviceurl");
    }

    [Fact]
    public async Task A_bot_framework_token_without_a_serviceurl_claim_is_forbidden()
    {
        var result = await Check(_server.Mint(Good with { ServiceUrl = null }));

        result.StatusCode.Should().Be(403);
    }

    [Fact]
    public async Task A_key_not_endorsed_for_the_activity_channel_is_forbidden()
    {
        var skypeOnly = _server.CreateKey(["skype"], publish: true);

        var result = await Check(_server.Mint(Good with { Key = skypeOnly }));

        result.StatusCode.Should().Be(403);
        result.Reason.Should().Contain("endorsed");
    }

    [Fact]
    public async Task An_activity_claiming_another_channel_than_the_key_endorses_is_forbidden()
    {
        var result = await Check(_server.Mint(Good), Incoming(channelId: "webchat"));

        result.StatusCode.Should().Be(403);
    }

    [Fact]
    public async Task An_unknown_kid_is_refused_then_accepted_once_the_key_is_published()
    {
        await Check(_server.Mint(Good)); // keys loaded
        var rotated = _server.CreateKey(["msteams"], publish: false);
        var token = _server.Mint(Good with { Key = rotated });

        var before = await Check(token);
        rotated.Published = true;
        _clock.Advance(OpenIdKeyCache.DefaultMinimumRefreshInterval);
        var after = await Check(token);

        before.StatusCode.Should().Be(401);
        before.Reason.Should().Contain("unknown");
        after.Succeeded.Should().BeTrue(after.Reason);
    }

    [Fact]
    public async Task A_flood_of_unknown_kids_fetches_the_metadata_at_most_once_per_interval()
    {
        await Check(_server.Mint(Good));
        var fetchesBefore = _authenticator.BotFrameworkKeys.FetchCount;

        for (var i = 0; i < 25; i++)
        {
            var forged = _server.BotFrameworkKey with { Kid = $"forged-{i}" };
            (await Check(_server.Mint(Good with { Key = forged }))).StatusCode.Should().Be(401);
        }

        (_authenticator.BotFrameworkKeys.FetchCount - fetchesBefore).Should().BeLessThanOrEqualTo(1);
    }

    [Fact]
    public async Task Keys_are_refreshed_when_older_than_the_refresh_interval()
    {
        await Check(_server.Mint(Good));
        var fetches = _authenticator.BotFrameworkKeys.FetchCount;

        _clock.Advance(OpenIdKeyCache.RefreshInterval + TimeSpan.FromMinutes(1));
        (await Check(_server.Mint(Good))).Succeeded.Should().BeTrue();

        _authenticator.BotFrameworkKeys.FetchCount.Should().Be(fetches + 1);
        OpenIdKeyCache.RefreshInterval.Should().BeLessThanOrEqualTo(TimeSpan.FromDays(1));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("Bearer")]
    [InlineData("Bearer ")]
    [InlineData("Basic dXNlcjpwYXNz")]
    [InlineData("Bearer not-a-jwt")]
    [InlineData("Bearer a.b.c")]
    public async Task A_missing_or_malformed_authorization_header_is_refused(string? header)
    {
        var result = await _authenticator.AuthenticateAsync(header, Incoming());

        result.Succeeded.Should().BeFalse();
        result.StatusCode.Should().Be(401);
    }

    [Theory]
    [InlineData("https://sts.windows.net/{0}/")]
    [InlineData("https://login.microsoftonline.com/{0}/v2.0")]
    public async Task An_entra_token_from_the_bot_tenant_is_accepted(string issuerFormat)
    {
        var token = _server.Mint(new TokenSpec { Issuer = string.Format(issuerFormat, Tenant), Audience = AppId, Key = _server.EntraKey });

        var result = await Check(token);

        result.Succeeded.Should().BeTrue(result.Reason);
    }

    [Theory]
    [InlineData("https://sts.windows.net/{0}/")]
    [InlineData("https://login.microsoftonline.com/{0}/v2.0")]
    public async Task An_entra_token_from_another_tenant_is_refused(string issuerFormat)
    {
        var token = _server.Mint(new TokenSpec { Issuer = string.Format(issuerFormat, "99999999-0000-0000-0000-000000000000"), Audience = AppId, Key = _server.EntraKey });

        var result = await Check(token);

        result.StatusCode.Should().Be(401);
    }

    [Fact]
    public async Task An_entra_issuer_on_a_token_signed_with_a_bot_framework_key_is_refused()
    {
        var token = _server.Mint(new TokenSpec { Issuer = $"https://login.microsoftonline.com/{Tenant}/v2.0", Audience = AppId, Key = _server.BotFrameworkKey });

        var result = await Check(token);

        result.StatusCode.Should().Be(401);
    }

    [Fact]
    public async Task An_entra_token_with_a_mismatched_serviceurl_is_forbidden()
    {
        var token = _server.Mint(new TokenSpec { Issuer = $"https://login.microsoftonline.com/{Tenant}/v2.0", Audience = AppId, Key = _server.EntraKey, ServiceUrl = "https://attacker.example.com/" });

        var result = await Check(token);

        result.StatusCode.Should().Be(403);
    }
}
