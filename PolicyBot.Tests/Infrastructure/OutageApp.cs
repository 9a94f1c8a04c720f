using Microsoft.Extensions.DependencyInjection;

namespace PolicyBot.Tests.Infrastructure;

/// <summary>
/// The real app on Azurite, reached through a relay the test can cut (<see cref="Proxy"/>): a storage outage in the
/// middle of a turn, with a local Bot Connector recording what the bot sent. The outbox is left to the test (its
/// background pass waits an hour).
/// </summary>
public sealed class OutageApp : IAsyncDisposable
{
    OutageApp(LoopbackTcpProxy proxy, LocalConnector connector, BotApp app) => (Proxy, Connector, App) = (proxy, connector, app);

    public LoopbackTcpProxy Proxy { get; }
    public LocalConnector Connector { get; }
    public BotApp App { get; }

    public static async Task<OutageApp> StartAsync(AzuriteFixture azurite, Action<IServiceCollection>? services = null)
    {
        var proxy = new LoopbackTcpProxy(azurite.Port);
        var connector = await LocalConnector.StartAsync();
        var app = new BotApp(new Dictionary<string, string?>
        {
            ["Storage:ConnectionString"] = azurite.ConnectionString.Replace($":{azurite.Port}/", $":{proxy.Port}/", StringComparison.Ordinal),
            ["Schools:Path"] = Path.Combine(RepoPaths.Root, "schools"),
            ["Workflow:DefaultServiceUrl"] = connector.ServiceUrl,
            ["Workflow:DispatchInterval"] = "01:00:00",
        }, services);
        _ = app.BaseAddress;
        return new OutageApp(proxy, connector, app);
    }

    public async ValueTask DisposeAsync()
    {
        await App.DisposeAsync();
        await Connector.DisposeAsync();
        await Proxy.DisposeAsync();
    }
}
