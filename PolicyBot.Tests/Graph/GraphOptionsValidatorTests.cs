using Microsoft.Extensions.Options;
using PolicyBot.Graph;

namespace PolicyBot.Tests.Graph;

public sealed class GraphOptionsValidatorTests
{
    const string Tenant = "6f1d2c3b-4a5e-4f60-8a7b-9c0d1e2f3a4b";
    const string Identity = "3c4d5e6f-7081-4920-a3b4-c5d6e7f80912";

    static async Task<string> StartUpErrorAsync(Dictionary<string, string?> settings)
    {
        await using var host = GraphTestHost.Build(settings);
        var failure = await FluentActions.Awaiting(() => host.Host.StartAsync()).Should().ThrowAsync<OptionsValidationException>();
        return failure.Which.Message;
    }

    [Fact]
    public async Task Start_up_stops_naming_Graph_TenantId_when_only_the_managed_identity_is_set()
    {
        var message = await StartUpErrorAsync(new() { ["Graph:ManagedIdentityClientId"] = Identity });

        message.Should().Contain("Graph:TenantId is missing");
    }

    [Fact]
    public async Task Start_up_stops_naming_Graph_ManagedIdentityClientId_when_only_the_tenant_is_set()
    {
        var message = await StartUpErrorAsync(new() { ["Graph:TenantId"] = Tenant });

        message.Should().Contain("Graph:ManagedIdentityClientId is missing");
    }

    [Fact]
    public async Task Start_up_stops_naming_Graph_ClientSecret_when_a_client_id_has_no_secret()
    {
        var message = await StartUpErrorAsync(new() { ["Graph:TenantId"] = Tenant, ["Graph:ClientId"] = Identity });

        message.Should().Contain("Graph:ClientSecret is missing");
    }

    [Fact]
    public async Task Start_up_stops_when_both_a_managed_identity_and_a_client_secret_are_set()
    {
        var message = await StartUpErrorAsync(new()
        {
            ["Graph:TenantId"] = Tenant, ["Graph:ManagedIdentityClientId"] = Identity,
            ["Graph:ClientId"] = Identity, ["Graph:ClientSecret"] = "secret",
        });

        message.Should().Contain("Graph:ManagedIdentityClientId and Graph:ClientId/Graph:ClientSecret are both set");
    }

    [Theory]
    [InlineData("Graph:TenantId", "oak-primary", "Graph:TenantId must be the tenant's id")]
    [InlineData("Graph:MailSender", "policybot", "Graph:MailSender must be the sending mailbox's address")]
    [InlineData("Graph:BaseUrl", "http://graph.example.org/v1.0", "Graph:BaseUrl must be an absolute https URL")]
    [InlineData("Graph:AuthorityHost", "http://127.0.0.1:5000/", "Graph:AuthorityHost must be an absolute https URL")]
    [InlineData("Graph:MaxRetries", "11", "Graph:MaxRetries must be between 0 and 10")]
    [InlineData("Graph:RetryDelay", "00:00:01.500", "Graph:RetryDelay must be whole seconds")]
    public async Task A_bad_value_stops_start_up_with_a_message_naming_its_key(string key, string value, string expected)
    {
        var settings = new Dictionary<string, string?> { ["Graph:TenantId"] = Tenant, ["Graph:ManagedIdentityClientId"] = Identity, [key] = value };

        var message = await StartUpErrorAsync(settings);

        message.Should().Contain(expected);
    }

    [Fact]
    public async Task The_deployed_settings_start_and_register_the_Graph_notifier()
    {
        // What infra/main.bicep sets on the web app: tenant, managed identity, and the mail sender.
        await using var host = await GraphTestHost.StartAsync(new Dictionary<string, string?>
        {
            ["Graph:TenantId"] = Tenant, ["Graph:ManagedIdentityClientId"] = Identity, ["Graph:MailSender"] = "policybot@oaktrust.org.uk",
        });

        host.Notifier.Should().BeOfType<GraphNotifier>();
        host.Directory.Should().BeOfType<GraphUserDirectory>();
    }

    [Fact]
    public async Task The_deployed_settings_with_an_empty_mail_sender_are_valid()
    {
        await using var host = await GraphTestHost.StartAsync(new Dictionary<string, string?>
        {
            ["Graph:TenantId"] = Tenant, ["Graph:ManagedIdentityClientId"] = Identity, ["Graph:MailSender"] = "",
        });

        host.Notifier.Should().BeOfType<GraphNotifier>();
    }

    [Fact]
    public async Task An_empty_Graph_section_is_valid_and_means_not_configured()
    {
        await using var host = await GraphTestHost.StartAsync(new Dictionary<string, string?> { ["Graph:MailSender"] = "" });

        host.Notifier.Should().BeOfType<NotConfiguredTeamsNotifier>();
    }
}
