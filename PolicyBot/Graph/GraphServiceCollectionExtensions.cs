using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Microsoft.Graph;

namespace PolicyBot.Graph;

public static class GraphServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="ITeamsNotifier"/> and <see cref="IUserDirectory"/>. With a Graph identity configured they call
    /// Microsoft Graph, and the <c>Graph</c> section is validated at start-up; without one (local development) they
    /// record "not sent: Graph not configured" and return <see cref="NotificationOutcome.NotConfigured"/>.
    /// </summary>
    public static TBuilder AddGraphNotifications<TBuilder>(this TBuilder builder) where TBuilder : IHostApplicationBuilder
    {
        var services = builder.Services;
        services.AddOptions<GraphOptions>().BindConfiguration(GraphOptions.SectionName).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<GraphOptions>, GraphOptionsValidator>());

        if (!GraphOptions.IsConfiguredIn(builder.Configuration))
        {
            services.TryAddSingleton<ITeamsNotifier, NotConfiguredTeamsNotifier>();
            services.TryAddSingleton<IUserDirectory, NotConfiguredUserDirectory>();
            return builder;
        }

        services.TryAddSingleton<GraphHttpTransport>();
        services.TryAddSingleton(sp =>
        {
            var options = sp.GetRequiredService<IOptions<GraphOptions>>().Value;
            var transport = sp.GetRequiredService<GraphHttpTransport>();
            return GraphConnection.CreateClient(options, GraphConnection.CreateCredential(options, transport), transport);
        });
        services.TryAddSingleton<IUserDirectory, GraphUserDirectory>();
        services.TryAddSingleton<ITeamsNotifier, GraphNotifier>();
        return builder;
    }
}
