using Azure.Core.Pipeline;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using PolicyBot.Bot;
using PolicyBot.BotFramework;
using PolicyBot.BotFramework.Authentication;
using PolicyBot.BotFramework.Connector;

namespace PolicyBot.Hosting;

public static class BotFrameworkServiceExtensions
{
    /// <summary>Keyed service name of an optional <see cref="HttpPipelineTransport"/> for the bot's credential (tests).</summary>
    public const string CredentialTransportKey = "Bot";

    /// <summary>
    /// The Bot Framework protocol layer: <c>Bot</c> options (validated at start-up), inbound authentication,
    /// the Connector client with the bot's credential, redelivery de-duplication and the adapter.
    /// </summary>
    public static WebApplicationBuilder AddBotFramework(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<BotOptions>().BindConfiguration(BotOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<IValidateOptions<BotOptions>, BotOptionsValidator>();
        services.TryAddSingleton(TimeProvider.System);

        services.AddHttpClient(BotAuthenticator.HttpClientName, c => c.Timeout = TimeSpan.FromSeconds(30));
        services.AddHttpClient(ConnectorClient.HttpClientName, c => c.Timeout = TimeSpan.FromSeconds(60));

        services.AddSingleton<BotAuthenticator>();
        services.AddSingleton(sp => new ConnectorClient(
            sp.GetRequiredService<IHttpClientFactory>(),
            sp.GetRequiredService<IOptions<BotOptions>>(),
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<ILogger<ConnectorClient>>(),
            ConnectorCredentialFactory.Create(
                sp.GetRequiredService<IOptions<BotOptions>>().Value,
                sp.GetKeyedService<HttpPipelineTransport>(CredentialTransportKey))));
        services.TryAddSingleton<IActivityDeduplicator, InMemoryActivityDeduplicator>();
        services.AddSingleton<CloudAdapter>();
        return builder;
    }

    /// <summary>
    /// PolicyBot's handler and what it needs: the table-backed conversation reference store and redelivery log
    /// (tables declared here, created at start-up; needs <c>AddTableStorage</c>).
    /// </summary>
    public static WebApplicationBuilder AddPolicyBot(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        // Conversation references and the activity log must survive restarts and be shared by every instance:
        // they live in Table Storage (the embedded store unless Storage is configured; see AddTableStorage).
        services.AddTable(TableConversationReferenceStore.TableName);
        services.AddTable(TableActivityDeduplicator.TableName);
        services.TryAddSingleton<IConversationReferenceStore, TableConversationReferenceStore>();
        // Replaces AddBotFramework's in-memory default, whichever was called first.
        services.Replace(ServiceDescriptor.Singleton<IActivityDeduplicator, TableActivityDeduplicator>());
        services.AddHostedService<ActivityLogCleanupService>();
        services.AddSingleton<IBot, PolicyBotHandler>();
        return builder;
    }
}
