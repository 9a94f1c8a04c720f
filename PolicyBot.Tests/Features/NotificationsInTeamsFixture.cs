using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using PolicyBot.Bot;
using PolicyBot.BotFramework.Schema;
using PolicyBot.Features.IncidentReports;
using PolicyBot.Features.SiteApproval;
using PolicyBot.Graph;
using PolicyBot.Hosting;
using PolicyBot.Storage.Tables;
using PolicyBot.Tests.Graph;
using PolicyBot.Tests.Infrastructure;
using PolicyBot.Workflow;

namespace PolicyBot.Tests.Features;

/// <summary>
/// The real app configured as a deployment is, so that the workflows send activity-feed notifications: a bot app id
/// (every activity carries a token signed by the local OpenID server), the bot's own credential against a local Entra
/// token endpoint, and Graph signed in with a client secret against the Graph stand-in. Microsoft Graph is reached
/// through a TCP relay so a test can take it away (<see cref="GraphLine"/>). The demo school (its tenant in every
/// activity), the embedded store in a temporary file, every log line recorded, a clock the test moves, and the outbox
/// and reminder loops left out: a test delivers the outbox when it says so (<see cref="DispatchAsync"/>).
/// </summary>
public sealed class NotificationsInTeamsFixture : IAsyncLifetime
{
    public const string AppId = "7d1c0b2a-3e4f-4a5b-8c6d-0e1f2a3b4c5d";
    public const string SchoolTenantId = "00000000-0000-4000-8000-000000000001";
    public const string Headteacher = "10000000-0000-4000-8000-000000000001";
    public const string DeputyHead = "10000000-0000-4000-8000-000000000002";
    public const string ComputingCoordinator = "10000000-0000-4000-8000-000000000003";
    public const string Dsl = "10000000-0000-4000-8000-000000000004";
    public const string DeputyDsl = DeputyHead;
    public const string Staff = TestActivities.UserAadObjectId;
    public const string NotificationPath = "/teamwork/sendActivityNotification";

    readonly DirectoryInfo _data = Directory.CreateTempSubdirectory("policybot-notify-");

    public GraphStandIn Graph { get; } = new();

    /// <summary>The relay between the app and Graph: <see cref="LoopbackTcpProxy.Cut"/> takes Graph away.</summary>
    public LoopbackTcpProxy GraphLine { get; private set; } = null!;

    public LocalOpenIdServer OpenId { get; private set; } = null!;
    public LocalEntraTokenEndpoint Entra { get; private set; } = null!;
    public LocalConnector Connector { get; private set; } = null!;
    public BotApp App { get; private set; } = null!;
    public Infrastructure.RecordingLoggerProvider Logs { get; } = new();
    public ManualTimeProvider Clock { get; } = new();

    /// <summary>Each person's 1:1 chat with the bot; the bot is installed for all of them.</summary>
    public static string ChatOf(string aadObjectId) => aadObjectId == Staff ? TestActivities.PersonalConversationId : "a:1notify-chat-" + aadObjectId[^1];

    public async Task InitializeAsync()
    {
        await Graph.InitializeAsync();
        GraphLine = new LoopbackTcpProxy(Graph.BaseAddress.Port);
        OpenId = await LocalOpenIdServer.StartAsync(TestActivities.TenantId);
        Entra = await LocalEntraTokenEndpoint.StartAsync();
        Connector = await LocalConnector.StartAsync();
        // The DSL inbox is a channel with only the DSL team in it.
        Connector.SetMembers(TeamsWorkflows.InboxChannel, Dsl, DeputyDsl);
        foreach (var (id, name) in new[] { (Dsl, "Dana DSL"), (DeputyDsl, "Dee Deputy"), (Headteacher, "Hana Head"), (ComputingCoordinator, "Casey Computing") })
            Graph.AddUser(new GraphStandIn.StandInUser(id, name, null));

        var settings = GraphTestHost.StandInSettings(Graph, mailSender: null);
        // Graph itself through the relay (the stand-in's certificate names 127.0.0.1, so any port will do); tokens straight.
        settings["Graph:BaseUrl"] = new Uri($"https://127.0.0.1:{GraphLine.Port}/v1.0").ToString();
        settings["Bot:AppId"] = AppId;
        settings["Bot:TenantId"] = TestActivities.TenantId;
        settings["Bot:OpenIdMetadataUrl"] = OpenId.BotFrameworkMetadataUrl;
        settings["Bot:EntraOpenIdMetadataUrl"] = OpenId.EntraMetadataUrl;
        settings["Bot:ClientSecret"] = "local-test-secret";
        settings["Bot:AuthorityHost"] = Entra.AuthorityHost;
        settings["Bot:AllowedServiceUrlHosts:0"] = "127.0.0.1";
        settings["Storage:EmbeddedPath"] = Path.Combine(_data.FullName, "policybot.db");
        settings["Schools:Path"] = Path.Combine(RepoPaths.Root, "schools");
        settings["Workflow:DefaultServiceUrl"] = Connector.ServiceUrl;
        var credentialTransport = Entra.Transport;
        App = new BotApp(settings, services =>
        {
            BackgroundLoops.RemoveRegisteredBy(services, nameof(WorkflowServiceExtensions), nameof(IncidentReportsExtensions), nameof(SiteApprovalExtensions));
            services.AddKeyedSingleton(BotFrameworkServiceExtensions.CredentialTransportKey, credentialTransport);
            services.AddSingleton(new GraphHttpTransport(Graph.CreateTrustingHandler));
            services.AddSingleton<ILoggerProvider>(Logs);
            services.AddSingleton<TimeProvider>(Clock);
        });
        _ = App.BaseAddress;
        foreach (var id in new[] { Staff, Headteacher, DeputyHead, ComputingCoordinator, Dsl })
            await InstalledAsync(id);
    }

    public async Task DisposeAsync()
    {
        await App.DisposeAsync();
        await Connector.DisposeAsync();
        await Entra.DisposeAsync();
        await OpenId.DisposeAsync();
        await GraphLine.DisposeAsync();
        await Graph.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        _data.Delete(recursive: true);
    }

    public TableClient Table(string name) => App.Services.GetRequiredService<TableServiceClient>().GetTableClient(name);

    public TableClient Incidents => Table(IncidentEntity.TableName);

    public TableClient SiteRequests => Table(SiteRequestEntity.TableName);

    public Task<int> DispatchAsync() => App.Services.GetRequiredService<OutboxDispatcher>().DispatchOnceAsync();

    /// <summary>A message typed by <paramref name="aadObjectId"/> in their 1:1 chat with the bot, in the school's tenant.</summary>
    public Activity Message(string aadObjectId, string name, string text) =>
        InOwnChat(TestActivities.Message(Connector.ServiceUrl, text), aadObjectId, name);

    /// <summary>A button (<c>Action.Execute</c>) pressed by <paramref name="aadObjectId"/> on a card in their 1:1 chat.</summary>
    public Activity Invoke(string aadObjectId, string name, string verb, object data, string? replyToId = null) =>
        InOwnChat(TestActivities.CardAction(Connector.ServiceUrl, verb, data, replyToId ?? TestActivities.NewId()), aadObjectId, name);

    /// <summary>Posts an activity as the Connector does, with a token it signed; returns the status and the body (default when empty).</summary>
    public async Task<(HttpStatusCode Status, JsonElement Body)> PostAsync(Activity activity)
    {
        var token = OpenId.Mint(new LocalOpenIdServer.TokenSpec { Audience = AppId, ServiceUrl = activity.ServiceUrl });
        using var response = await App.PostActivityAsync(activity, token);
        var text = await response.Content.ReadAsStringAsync();
        return (response.StatusCode, text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone());
    }

    /// <summary>Every activity notification Graph received (accepted or not), in arrival order.</summary>
    public IReadOnlyList<SentNotification> Notifications() =>
        Graph.RequestsTo(NotificationPath).Where(r => r.Method == "POST").Select(SentNotification.From).ToList();

    public IReadOnlyList<SentNotification> NotificationsAbout(string reference) =>
        Notifications().Where(n => n.Topic == reference).ToList();

    /// <summary>Everything the app sent to Graph, path and body, and every line it logged: where a marker must never be.</summary>
    public string EverythingSentToGraphAndLogged() =>
        string.Join("\n", Graph.Requests.Select(r => r.Path + r.Query + "\n" + r.Body))
        + "\n" + string.Join("\n", Logs.Lines.Select(l => l.Message));

    /// <summary>The activity types the Teams app manifest declares: Teams refuses any other.</summary>
    public static IReadOnlySet<string> DeclaredActivityTypes()
    {
        var manifest = JsonNode.Parse(File.ReadAllText(Path.Combine(RepoPaths.Root, "manifest", "manifest.template.json")))!;
        return manifest["activities"]!["activityTypes"]!.AsArray().Select(t => t!["type"]!.GetValue<string>()).ToHashSet(StringComparer.Ordinal);
    }

    Activity InOwnChat(Activity activity, string aadObjectId, string name)
    {
        activity.From = new ChannelAccount { Id = "29:" + aadObjectId, Name = name, AadObjectId = aadObjectId };
        activity.Conversation!.Id = ChatOf(aadObjectId);
        activity.Conversation.TenantId = SchoolTenantId;
        activity.ChannelData!.Tenant = new TenantInfo { Id = SchoolTenantId };
        return activity;
    }

    Task<bool> InstalledAsync(string aadObjectId) =>
        App.Services.GetRequiredService<IConversationReferenceStore>().SaveAsync(new ConversationReference
        {
            ChannelId = "msteams",
            ServiceUrl = Connector.ServiceUrl,
            User = new ChannelAccount { Id = "29:" + aadObjectId, AadObjectId = aadObjectId },
            Conversation = new ConversationAccount { Id = ChatOf(aadObjectId), ConversationType = "personal", TenantId = SchoolTenantId },
        }, aadObjectId);
}
