using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using PolicyBot.Graph;
using PolicyBot.Tests.Infrastructure;

namespace PolicyBot.Tests.Graph;

/// <summary>
/// A host wired the way Program.cs wires Graph (<c>builder.AddGraphNotifications()</c>) from the given settings, with
/// every log line recorded. Pointed at a <see cref="GraphStandIn"/> it signs in with the client secret against the
/// stand-in's token endpoint, over https that trusts only the stand-in's certificate.
/// </summary>
public sealed class GraphTestHost : IAsyncDisposable
{
    GraphTestHost(IHost host, RecordingLoggerProvider logs)
    {
        Host = host;
        Logs = logs;
    }

    public IHost Host { get; }

    public RecordingLoggerProvider Logs { get; }

    public ITeamsNotifier Notifier => Host.Services.GetRequiredService<ITeamsNotifier>();

    public IUserDirectory Directory => Host.Services.GetRequiredService<IUserDirectory>();

    /// <summary>Settings that sign in with the stand-in's client id and secret and call its Graph.</summary>
    public static Dictionary<string, string?> StandInSettings(GraphStandIn standIn, string? mailSender = "policybot@oak.sch.uk") => new()
    {
        ["Graph:TenantId"] = GraphStandIn.TenantId,
        ["Graph:ClientId"] = GraphStandIn.ClientId,
        ["Graph:ClientSecret"] = GraphStandIn.ClientSecret,
        ["Graph:MailSender"] = mailSender,
        ["Graph:BaseUrl"] = standIn.GraphBaseUrl.ToString(),
        ["Graph:AuthorityHost"] = standIn.BaseAddress.ToString(),
        ["Graph:MaxRetries"] = "2",
        ["Graph:RetryDelay"] = "00:00:00",
        ["Graph:MaxRetryWait"] = "00:00:10",
    };

    /// <summary>Builds the host; <see cref="IHost.StartAsync"/> runs the options validation, as at start-up.</summary>
    public static GraphTestHost Build(IDictionary<string, string?> settings, GraphStandIn? standIn = null)
    {
        var builder = Microsoft.Extensions.Hosting.Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Configuration.AddInMemoryCollection(settings);
        var logs = new RecordingLoggerProvider();
        builder.Logging.AddProvider(logs).SetMinimumLevel(LogLevel.Trace);
        if (standIn is not null)
            builder.Services.AddSingleton(new GraphHttpTransport(standIn.CreateTrustingHandler));
        builder.AddGraphNotifications();
        return new GraphTestHost(builder.Build(), logs);
    }

    public static async Task<GraphTestHost> StartAsync(IDictionary<string, string?> settings, GraphStandIn? standIn = null)
    {
        var host = Build(settings, standIn);
        await host.Host.StartAsync();
        return host;
    }

    public async ValueTask DisposeAsync()
    {
        await Host.StopAsync();
        Host.Dispose();
    }
}
