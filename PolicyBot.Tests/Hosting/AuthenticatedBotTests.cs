using System.Net;
using Microsoft.Extensions.DependencyInjection;
using PolicyBot.Bot;
using PolicyBot.Hosting;
using PolicyBot.Tests.Infrastructure;
using static PolicyBot.Tests.Infrastructure.LocalOpenIdServer;

namespace PolicyBot.Tests.Hosting;

/// <summary>
/// The real app configured as a deployment is (<c>Bot__AppId</c>, <c>Bot__TenantId</c>, metadata URL, client
/// secret), with Microsoft's services stood up locally: OpenID metadata/JWKS, the Entra token endpoint, the Connector.
/// </summary>
public sealed class AuthenticatedBotTests : IClassFixture<AuthenticatedBotTests.Fixture>
{
    const string AppId = "2c6b1a0e-5f1d-4b8e-9a43-policybot0001";

    public sealed class Fixture : IAsyncLifetime
    {
        public LocalOpenIdServer OpenId { get; private set; } = null!;
        public LocalEntraTokenEndpoint Entra { get; private set; } = null!;
        public LocalConnector Connector { get; private set; } = null!;
        public BotApp App { get; private set; } = null!;
        public RecordingLoggerProvider Logs { get; } = new();

        public async Task InitializeAsync()
        {
            OpenId = await LocalOpenIdServer.StartAsync(TestActivities.TenantId);
            Entra = await LocalEntraTokenEndpoint.StartAsync();
            Connector = await LocalConnector.StartAsync();
            var transport = Entra.Transport;
            App = new BotApp(
                new Dictionary<string, string?>
                {
                    ["Bot:AppId"] = AppId,
                    ["Bot:TenantId"] = TestActivities.TenantId,
                    ["Bot:OpenIdMetadataUrl"] = OpenId.BotFrameworkMetadataUrl,
                    ["Bot:EntraOpenIdMetadataUrl"] = OpenId.EntraMetadataUrl,
                    ["Bot:ClientSecret"] = "local-test-secret",
                    ["Bot:AuthorityHost"] = Entra.AuthorityHost,
                    // The local Connector stand-in.
                    ["Bot:AllowedServiceUrlHosts:0"] = "127.0.0.1",
                },
                services =>
                {
                    services.AddKeyedSingleton(BotFrameworkServiceExtensions.CredentialTransportKey, transport);
                    services.AddSingleton<Microsoft.Extensions.Logging.ILoggerProvider>(Logs);
                });
            _ = App.BaseAddress;
        }

        public async Task DisposeAsync()
        {
            await App.DisposeAsync();
            await Connector.DisposeAsync();
            await Entra.DisposeAsync();
            await OpenId.DisposeAsync();
        }
    }

    readonly Fixture _fixture;

    public AuthenticatedBotTests(Fixture fixture)
    {
        _fixture = fixture;
        fixture.Connector.Clear();
    }

    LocalConnector Connector => _fixture.Connector;
    TokenSpec GoodToken => new() { Audience = AppId, ServiceUrl = Connector.ServiceUrl };
    IConversationReferenceStore Store => _fixture.App.Services.GetRequiredService<IConversationReferenceStore>();

    [Fact]
    public async Task A_correctly_signed_bot_framework_token_is_accepted_and_the_reply_carries_the_bot_token()
    {
        var activity = TestActivities.Message(Connector.ServiceUrl, "help");

        using var response = await _fixture.App.PostActivityAsync(activity, _fixture.OpenId.Mint(GoodToken));

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        var reply = (await Connector.WaitForRequestsAsync(1)).Should().ContainSingle().Subject;
        reply.Header("Authorization").Should().StartWith("Bearer local-entra-token-");
        _fixture.Entra.TokenRequests.Should().Contain(r => r["client_id"] == AppId && r["tenant"] == TestActivities.TenantId);
    }

    [Fact]
    public async Task An_entra_token_from_the_bot_tenant_is_accepted()
    {
        var token = _fixture.OpenId.Mint(new TokenSpec { Issuer = $"https://login.microsoftonline.com/{TestActivities.TenantId}/v2.0", Audience = AppId, Key = _fixture.OpenId.EntraKey });

        using var response = await _fixture.App.PostActivityAsync(TestActivities.Message(Connector.ServiceUrl, "help"), token);

        response.StatusCode.Should().Be(HttpStatusCode.OK);
    }

    public static TheoryData<string, int> ForgedTokens => new()
    {
        { "no-header", 401 },
        { "not-bearer", 401 },
        { "wrong-issuer", 401 },
        { "wrong-audience", 401 },
        { "expired", 401 },
        { "forged-signature", 401 },
        { "alg-none", 401 },
        { "unknown-kid", 401 },
        { "serviceurl-mismatch", 403 },
        { "not-endorsed", 403 },
    };

    [Theory]
    [MemberData(nameof(ForgedTokens))]
    public async Task A_forged_request_is_refused_and_nothing_is_processed(string defect, int expectedStatus)
    {
        var activity = TestActivities.BotAdded(Connector.ServiceUrl, conversationId: $"a:forged-{defect}");
        var openId = _fixture.OpenId;
        using var forger = System.Security.Cryptography.RSA.Create(2048);
        string? header = defect switch
        {
            "no-header" => null,
            "not-bearer" => "Basic " + Convert.ToBase64String("user:pass"u8.ToArray()),
            "wrong-issuer" => Bearer(openId.Mint(GoodToken with { Issuer = "https://login.example.com" })),
            "wrong-audience" => Bearer(openId.Mint(GoodToken with { Audience = "another-bot" })),
            "expired" => Bearer(openId.Mint(GoodToken with { NotBefore = DateTime.UtcNow.AddHours(-3), Expires = DateTime.UtcNow.AddHours(-1) })),
            "forged-signature" => Bearer(openId.Mint(GoodToken with { SignWith = new Microsoft.IdentityModel.Tokens.RsaSecurityKey(forger) })),
            "alg-none" => Bearer(openId.MintUnsigned(AppId, Connector.ServiceUrl)),
            "unknown-kid" => Bearer(openId.Mint(GoodToken with { Key = openId.BotFrameworkKey with { Kid = "never-published" } })),
            "serviceurl-mismatch" => Bearer(openId.Mint(GoodToken with { ServiceUrl = "https://attacker.example.com/" })),
            "not-endorsed" => Bearer(openId.Mint(GoodToken with { Key = openId.WebChatOnlyKey })),
            _ => throw new ArgumentOutOfRangeException(nameof(defect)),
        };

        using var response = await PostWithHeaderAsync(activity, header);

        ((int)response.StatusCode).Should().Be(expectedStatus);
        Connector.Requests.Should().BeEmpty("a refused request sends nothing");
        (await Store.GetAsync(activity.Conversation!.Id!)).Should().BeNull("a refused request saves nothing");
    }

    [Fact]
    public async Task A_refused_request_leaves_a_log_line_without_the_token()
    {
        var token = _fixture.OpenId.Mint(GoodToken with { Audience = "another-bot" });

        using var response = await _fixture.App.PostActivityAsync(TestActivities.Message(Connector.ServiceUrl, "help"), token);

        response.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        var lines = _fixture.Logs.Lines;
        lines.Should().Contain(l => l.Level == Microsoft.Extensions.Logging.LogLevel.Warning && l.Message.Contains("refused (401)") && l.Message.Contains("audience"));
        lines.Should().NotContain(l => l.Message.Contains(token) || l.Message.Contains(token.Split('.')[2]));
    }

    [Fact]
    public async Task An_unauthenticated_request_from_loopback_is_refused_when_an_app_id_is_configured()
    {
        using var response = await PostWithHeaderAsync(TestActivities.Message(Connector.ServiceUrl, "help"), null);

        response.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
    }

    static string Bearer(string token) => "Bearer " + token;

    async Task<HttpResponseMessage> PostWithHeaderAsync(PolicyBot.BotFramework.Schema.Activity activity, string? header)
    {
        using var http = _fixture.App.CreateHttpClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, "api/messages")
        {
            Content = new StringContent(activity.ToJson(), System.Text.Encoding.UTF8, "application/json"),
        };
        if (header is not null)
            request.Headers.TryAddWithoutValidation("Authorization", header);
        return await http.SendAsync(request);
    }
}
