namespace PolicyBot.Tests.Infrastructure;

/// <summary>The real app in local development mode (no app id) and a stand-in Connector its replies go to.</summary>
public sealed class DevelopmentBotFixture : IAsyncLifetime
{
    public BotApp App { get; } = new();
    public LocalConnector Connector { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Connector = await LocalConnector.StartAsync();
        _ = App.BaseAddress;
    }

    public async Task DisposeAsync()
    {
        await App.DisposeAsync();
        await Connector.DisposeAsync();
    }
}
