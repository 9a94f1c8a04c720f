using System.Net;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using PolicyBot.Bot;
using PolicyBot.BotFramework.Schema;
using PolicyBot.Storage.Tables;
using PolicyBot.Tests.Infrastructure;
using PolicyBot.Workflow;

namespace PolicyBot.Tests.Features.PolicyQuestions;

/// <summary>
/// The real app in development mode with the demo school, its embedded store in a temporary file, replies and
/// proactive cards going to a stand-in Connector. The outbox's background loop is left out so that each test
/// decides when the outbox is delivered (<see cref="DispatchAsync"/>, the dispatcher's own public pass).
/// </summary>
public class AskInTeamsFixture : IAsyncLifetime
{
    readonly DirectoryInfo _data = Directory.CreateTempSubdirectory("policybot-ask-");

    public BotApp App { get; private set; } = null!;
    public LocalConnector Connector { get; private set; } = null!;

    /// <summary>The folder of school files the app reads: the repository's demo school unless a fixture says otherwise.</summary>
    protected virtual string SchoolsPath(DirectoryInfo data) => Path.Combine(RepoPaths.Root, "schools");

    public async Task InitializeAsync()
    {
        Connector = await LocalConnector.StartAsync();
        App = new BotApp(new Dictionary<string, string?>
        {
            ["Storage:EmbeddedPath"] = Path.Combine(_data.FullName, "policybot.db"),
            ["Schools:Path"] = SchoolsPath(_data),
            ["Workflow:DefaultServiceUrl"] = Connector.ServiceUrl,
        }, services => BackgroundLoops.RemoveRegisteredBy(services, nameof(WorkflowServiceExtensions)));
        _ = App.BaseAddress;
    }

    public async Task DisposeAsync()
    {
        await App.DisposeAsync();
        await Connector.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        _data.Delete(recursive: true);
    }

    public TableClient Table(string name) => App.Services.GetRequiredService<TableServiceClient>().GetTableClient(name);

    public IConversationReferenceStore Conversations => App.Services.GetRequiredService<IConversationReferenceStore>();

    public Task<int> DispatchAsync() => App.Services.GetRequiredService<OutboxDispatcher>().DispatchOnceAsync();

    /// <summary>Posts an activity; returns the HTTP status and the body as JSON (or default when empty).</summary>
    public async Task<(HttpStatusCode Status, JsonElement Body)> PostAsync(Activity activity)
    {
        using var response = await App.PostActivityAsync(activity);
        var text = await response.Content.ReadAsStringAsync();
        return (response.StatusCode, text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone());
    }
}
