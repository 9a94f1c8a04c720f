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

    /// <summary>PolicyBot's handler and what it needs.</summary>
    public static WebApplicationBuilder AddPolicyBot(this WebApplicationBuilder builder)
    {
        // In memory until the host registers the table-backed store (registered first, it wins over this one).
        builder.Services.TryAddSingleton<IConversationReferenceStore, InMemoryConversationReferenceStore>();
        builder.Services.AddSingleton<IBot, PolicyBotHandler>();
        return builder;
    }
}
