using System.Net;
using Microsoft.Extensions.Options;
using PolicyBot.Tests.Infrastructure;

namespace PolicyBot.Tests.Hosting;

/// <summary>Start-up configuration: a configuration that could not authenticate stops the app with a clear message.</summary>
public sealed class BotFrameworkServiceExtensionsTests
{
    [Theory]
    [InlineData("Bot:TenantId", null, "Bot:TenantId is required")]
    [InlineData("Bot:ClientSecret", null, "no outbound credential")]
    [InlineData("Bot:OpenIdMetadataUrl", "not a url", "Bot:OpenIdMetadataUrl must be an absolute")]
    [InlineData("Bot:CertificatePath", "/nonexistent/bot.pfx", "Set only one of")]
    public async Task An_incomplete_production_configuration_stops_the_app_naming_the_key(string key, string? value, string expected)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Bot:AppId"] = "2c6b1a0e-5f1d-4b8e-9a43-policybot0001",
            ["Bot:TenantId"] = TestActivities.TenantId,
            ["Bot:ClientSecret"] = "secret",
        };
        settings[key] = value;
        await using var app = new BotApp(settings);

        var start = () => app.BaseAddress;

        start.Should().Throw<OptionsValidationException>().Which.Message.Should().Contain(expected);
    }

    [Fact]
    public async Task A_credential_without_an_app_id_stops_the_app()
    {
        await using var app = new BotApp(new Dictionary<string, string?> { ["Bot:ClientSecret"] = "secret" });

        var start = () => app.BaseAddress;

        start.Should().Throw<OptionsValidationException>().Which.Message.Should().Contain("Bot:AppId");
    }

    [Fact]
    public async Task The_health_endpoint_answers()
    {
        await using var app = new BotApp();
        using var http = app.CreateHttpClient();

        var response = await http.GetAsync("healthz");

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        (await response.Content.ReadAsStringAsync()).Should().Contain("ok");
    }
}
