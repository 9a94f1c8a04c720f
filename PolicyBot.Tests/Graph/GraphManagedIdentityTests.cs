using PolicyBot.Graph;
using PolicyBot.Tests.Infrastructure;

namespace PolicyBot.Tests.Graph;

/// <summary>
/// Tests that set process environment variables (App Service's IDENTITY_ENDPOINT / IDENTITY_HEADER) run alone, so no
/// other test sees them.
/// </summary>
[CollectionDefinition(nameof(GraphManagedIdentityEnvironment), DisableParallelization = true)]
public sealed class GraphManagedIdentityEnvironment : ICollectionFixture<GraphStandIn>;

[Collection(nameof(GraphManagedIdentityEnvironment))]
public sealed class GraphManagedIdentityTests(GraphStandIn graph)
{
    const string Recipient = "8d2f6a1e-3b4c-4d5e-8f60-718293a4b5c6";

    [Fact]
    public async Task On_App_Service_the_managed_identity_gets_the_Graph_token_from_the_identity_endpoint()
    {
        graph.Reset();
        var before = (Endpoint: Environment.GetEnvironmentVariable("IDENTITY_ENDPOINT"), Header: Environment.GetEnvironmentVariable("IDENTITY_HEADER"));
        Environment.SetEnvironmentVariable("IDENTITY_ENDPOINT", graph.IdentityEndpoint.ToString());
        Environment.SetEnvironmentVariable("IDENTITY_HEADER", GraphStandIn.IdentityHeader);
        try
        {
            // The settings infra/main.bicep gives the web app, with Graph's base URL on the stand-in.
            await using var host = await GraphTestHost.StartAsync(new Dictionary<string, string?>
            {
                ["Graph:TenantId"] = GraphStandIn.TenantId,
                ["Graph:ManagedIdentityClientId"] = GraphStandIn.ManagedIdentityClientId,
                ["Graph:BaseUrl"] = graph.GraphBaseUrl.ToString(),
            }, graph);

            var result = await host.Notifier.SendActivityNotificationAsync(Recipient,
                ActivityNotification.IncidentAssigned(NotificationReference.Parse("INC-2026-0042"), TeamsDeepLink.ChatWithBot(GraphStandIn.ManagedIdentityClientId)));

            result.Should().Be(NotificationResult.Sent);
            var tokenRequest = graph.RequestsTo("/msi/token").Should().ContainSingle().Subject;
            tokenRequest.Method.Should().Be("GET");
            tokenRequest.Headers["X-IDENTITY-HEADER"].Should().Be(GraphStandIn.IdentityHeader);
            Uri.UnescapeDataString(tokenRequest.Query).Should().Contain("resource=https://graph.microsoft.com")
                .And.Contain("client_id=" + GraphStandIn.ManagedIdentityClientId);
            graph.RequestsTo("/oauth2/v2.0/token").Should().BeEmpty();
            graph.RequestsTo("/teamwork/sendActivityNotification").Should().ContainSingle()
                .Which.Headers["Authorization"].Should().Be("Bearer " + graph.IssuedTokens.Should().ContainSingle().Subject);
        }
        finally
        {
            Environment.SetEnvironmentVariable("IDENTITY_ENDPOINT", before.Endpoint);
            Environment.SetEnvironmentVariable("IDENTITY_HEADER", before.Header);
        }
    }
}
