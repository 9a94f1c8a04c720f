using System.Net;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using PolicyBot.Bot;
using PolicyBot.BotFramework.Schema;
using PolicyBot.Features.IncidentReports;
using PolicyBot.Schools;
using PolicyBot.Storage.Tables;
using PolicyBot.Tests.Infrastructure;
using PolicyBot.Workflow;

namespace PolicyBot.Tests.Features.IncidentReports;

/// <summary>
/// The real app in development mode with the demo school (DSL ...0004, deputy DSL ...0002), its embedded store in a
/// temporary file, every log line recorded, and replies and proactive cards going to a stand-in Connector. The bot
/// is installed for the reporter and the DSL team (their 1:1 chats are known). The outbox is delivered when a test
/// says so (<see cref="DispatchAsync"/>), and so is the reminder pass (<see cref="RemindAsync"/>, on <see cref="Clock"/>).
/// </summary>
public sealed class IncidentsInTeamsFixture : IAsyncLifetime
{
    public const string SchoolId = "oakfield-primary";
    public const string Dsl = "10000000-0000-4000-8000-000000000004";
    public const string DeputyDsl = "10000000-0000-4000-8000-000000000002";
    public const string Headteacher = "10000000-0000-4000-8000-000000000001";
    public const string ComputingCoordinator = "10000000-0000-4000-8000-000000000003";
    public const string Governor = "10000000-0000-4000-8000-000000000005";
    public const string InboxChannel = "19:oakfield-dsl-inbox@thread.tacv2";

    readonly DirectoryInfo _data = Directory.CreateTempSubdirectory("policybot-incidents-");

    public BotApp App { get; private set; } = null!;
    public LocalConnector Connector { get; private set; } = null!;
    public RecordingLoggerProvider Logs { get; } = new();
    public ManualTimeProvider Clock { get; } = new();

    public static string ChatOf(string aadObjectId) => "a:1dsl-chat-" + aadObjectId[^1];

    public static IReadOnlyList<string> DslTeamChats => [ChatOf(Dsl), ChatOf(DeputyDsl)];

    public async Task InitializeAsync()
    {
        Connector = await LocalConnector.StartAsync();
        // The DSL inbox is a private channel with only the DSL team in it.
        Connector.SetMembers(InboxChannel, Dsl, DeputyDsl);
        App = Start(Path.Combine(RepoPaths.Root, "schools"));
        await InstalledAsync(TestActivities.UserAadObjectId, TestActivities.PersonalConversationId);
        foreach (var id in new[] { Dsl, DeputyDsl })
            await InstalledAsync(id, ChatOf(id));
    }

    /// <summary>The app's store, where a test can make another write land between a handler's read and its write.</summary>
    public InterleavingTableServiceClient Tables { get; private set; } = null!;

    BotApp Start(string schoolsPath)
    {
        var database = Path.Combine(_data.FullName, "policybot.db");
        var tables = new InterleavingTableServiceClient(database);
        Tables = tables;
        var app = new BotApp(new Dictionary<string, string?>
        {
            ["Storage:EmbeddedPath"] = database,
            ["Schools:Path"] = schoolsPath,
            ["Workflow:DefaultServiceUrl"] = Connector.ServiceUrl,
        }, services =>
        {
            BackgroundLoops.RemoveRegisteredBy(services, nameof(WorkflowServiceExtensions), nameof(IncidentReportsExtensions));
            services.AddSingleton<ILoggerProvider>(Logs);
            services.AddSingleton<TimeProvider>(Clock);
            services.AddSingleton<TableServiceClient>(tables);
        });
        _ = app.BaseAddress;
        return app;
    }

    /// <summary>
    /// Restarts the app on the same store with the demo school's file changed by <paramref name="edit"/>, as an IT admin
    /// would edit the file and restart; disposing the result restarts it on the original file.
    /// </summary>
    public async Task<IAsyncDisposable> RestartWithSchoolFileAsync(Func<string, string> edit)
    {
        var folder = Directory.CreateTempSubdirectory("policybot-schools-");
        CopyFolder(Path.Combine(RepoPaths.Root, "schools"), folder.FullName);
        var file = Path.Combine(folder.FullName, SchoolId + ".yaml");
        var edited = edit(await File.ReadAllTextAsync(file));
        await File.WriteAllTextAsync(file, edited);
        await App.DisposeAsync();
        App = Start(folder.FullName);
        return new Restore(this, folder);
    }

    sealed class Restore(IncidentsInTeamsFixture fixture, DirectoryInfo folder) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            await fixture.App.DisposeAsync();
            fixture.App = fixture.Start(Path.Combine(RepoPaths.Root, "schools"));
            folder.Delete(recursive: true);
        }
    }

    static void CopyFolder(string from, string to)
    {
        foreach (var directory in Directory.EnumerateDirectories(from, "*", SearchOption.AllDirectories))
            Directory.CreateDirectory(Path.Combine(to, Path.GetRelativePath(from, directory)));
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
            File.Copy(file, Path.Combine(to, Path.GetRelativePath(from, file)));
    }

    public async Task DisposeAsync()
    {
        await App.DisposeAsync();
        await Connector.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        _data.Delete(recursive: true);
    }

    public TableClient Incidents => App.Services.GetRequiredService<TableServiceClient>().GetTableClient(IncidentEntity.TableName);

    public IncidentReportsHandler Handler => App.Services.GetRequiredService<IncidentReportsHandler>();

    public School School => App.Services.GetRequiredService<SchoolDirectory>().Find(SchoolId)!;

    public Task<int> RemindAsync() => App.Services.GetRequiredService<IncidentAcknowledgementReminder>().PassAsync();

    public Task<int> DispatchAsync() => App.Services.GetRequiredService<OutboxDispatcher>().DispatchOnceAsync();

    /// <summary>Posts an activity; returns the HTTP status and the body as JSON (or default when empty).</summary>
    public async Task<(HttpStatusCode Status, JsonElement Body)> PostAsync(Activity activity)
    {
        using var response = await App.PostActivityAsync(activity);
        var text = await response.Content.ReadAsStringAsync();
        return (response.StatusCode, text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone());
    }

    Task<bool> InstalledAsync(string aadObjectId, string conversationId) =>
        App.Services.GetRequiredService<IConversationReferenceStore>().SaveAsync(new ConversationReference
        {
            ChannelId = "msteams",
            ServiceUrl = Connector.ServiceUrl,
            User = new ChannelAccount { Id = "29:" + aadObjectId, AadObjectId = aadObjectId },
            Conversation = new ConversationAccount { Id = conversationId, ConversationType = "personal" },
        }, aadObjectId);

    /// <summary>Runs the copy check until a pass has nothing to do (it goes a batch of reports a pass); returns how many reports it checked.</summary>
    public async Task<int> CheckCopiesAsync(IncidentCopySweep? sweep = null)
    {
        sweep ??= App.Services.GetRequiredService<IncidentCopySweep>();
        var total = 0;
        for (var pass = 0; pass < 1000; pass++)
        {
            var done = await sweep.PassAsync();
            if (done == 0)
                return total;
            total += done;
        }
        throw new InvalidOperationException("The copy check never finished.");
    }
}
