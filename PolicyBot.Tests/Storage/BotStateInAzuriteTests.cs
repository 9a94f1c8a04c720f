using System.Diagnostics;
using System.Net;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using PolicyBot.Bot;
using PolicyBot.BotFramework;
using PolicyBot.Tests.Infrastructure;

namespace PolicyBot.Tests.Storage;

/// <summary>
/// The real app run with <c>Storage:ConnectionString</c> (what the environment variable
/// <c>Storage__ConnectionString</c> sets) pointing at Azurite: the bot's state lands in Azurite tables, where
/// another client — Microsoft's own JavaScript SDK, <c>@azure/data-tables</c> — reads it, and it outlives the app.
/// </summary>
public sealed class BotStateInAzuriteTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>, IAsyncLifetime
{
    // CommonJS so that `node -e` resolves @azure/data-tables from the repository's node_modules (the working directory).
    const string ReadTablesScript = """
        const { TableClient, TableServiceClient } = require('@azure/data-tables');
        (async () => {
          const connection = process.env.POLICYBOT_STORAGE;
          const options = { allowInsecureConnection: true };
          const tables = [];
          for await (const table of TableServiceClient.fromConnectionString(connection, options).listTables()) tables.push(table.name);
          const rowsOf = async (name) => {
            const rows = [];
            for await (const row of TableClient.fromConnectionString(connection, name, options).listEntities()) rows.push(row);
            return rows;
          };
          const result = { tables, conversationReferences: await rowsOf('ConversationReferences'), activityLog: await rowsOf('ActivityLog') };
          process.stdout.write(JSON.stringify(result));
        })().catch((error) => { console.error(error && error.message); process.exit(1); });
        """;

    LocalConnector _connector = null!;

    Dictionary<string, string?> Settings => new() { ["Storage:ConnectionString"] = azurite.ConnectionString };

    public async Task InitializeAsync() => _connector = await LocalConnector.StartAsync();

    public async Task DisposeAsync() => await _connector.DisposeAsync();

    [Fact]
    public async Task Installing_the_bot_writes_its_conversation_reference_into_Azurite_where_the_official_sdk_reads_it()
    {
        var conversationId = "a:1azurite-" + Guid.NewGuid().ToString("N");
        var installed = TestActivities.InstallationUpdate(_connector.ServiceUrl, "add", conversationId);
        await using (var app = new BotApp(Settings))
        {
            using var response = await app.PostActivityAsync(installed);
            response.StatusCode.Should().Be(HttpStatusCode.OK);
        }
        (await _connector.WaitForRequestsAsync(1)).Should().ContainSingle("the welcome card went to the Connector stand-in");

        using var read = await ReadWithOfficialSdkAsync();
        var root = read.RootElement;

        root.GetProperty("tables").EnumerateArray().Select(t => t.GetString())
            .Should().Contain([TableConversationReferenceStore.TableName, TableActivityDeduplicator.TableName]);

        var rows = root.GetProperty("conversationReferences").EnumerateArray().ToList();
        var conversation = rows.Should().ContainSingle(r => Text(r, "partitionKey") == "conversation" && Text(r, "rowKey") == conversationId).Subject;
        Text(conversation, "ConversationId").Should().Be(conversationId);
        Text(conversation, "ServiceUrl").Should().Be(_connector.ServiceUrl);
        Text(conversation, "TenantId").Should().Be(TestActivities.TenantId);
        Text(conversation, "ConversationType").Should().Be("personal");
        using (var reference = JsonDocument.Parse(Text(conversation, "Reference")!))
        {
            reference.RootElement.GetProperty("conversation").GetProperty("id").GetString().Should().Be(conversationId);
            reference.RootElement.GetProperty("serviceUrl").GetString().Should().Be(_connector.ServiceUrl);
            reference.RootElement.GetProperty("bot").GetProperty("id").GetString().Should().Be(TestActivities.BotId);
        }

        var user = rows.Should().ContainSingle(r => Text(r, "partitionKey") == "user" && Text(r, "rowKey") == TestActivities.UserAadObjectId).Subject;
        Text(user, "ConversationId").Should().Be(conversationId);
        var tenant = rows.Should().ContainSingle(r => Text(r, "partitionKey") == "tenant" && Text(r, "rowKey") == TestActivities.TenantId).Subject;
        Text(tenant, "ServiceUrl").Should().Be(_connector.ServiceUrl);

        root.GetProperty("activityLog").EnumerateArray().Select(r => Text(r, "rowKey"))
            .Should().Contain($"msteams|{conversationId}|{installed.Id}", "the activity was logged for redelivery checks");
    }

    [Fact]
    public async Task The_conversation_reference_survives_a_restart_of_the_app()
    {
        var conversationId = "a:1restart-" + Guid.NewGuid().ToString("N");
        await using (var first = new BotApp(Settings))
        {
            using var response = await first.PostActivityAsync(TestActivities.InstallationUpdate(_connector.ServiceUrl, "add", conversationId));
            response.StatusCode.Should().Be(HttpStatusCode.OK);
        }
        (await _connector.WaitForRequestsAsync(1)).Should().ContainSingle();
        _connector.Clear();

        await using var second = new BotApp(Settings);
        var store = second.Services.GetRequiredService<IConversationReferenceStore>();

        var reference = await store.GetAsync(conversationId);
        reference.Should().NotBeNull();
        reference!.ServiceUrl.Should().Be(_connector.ServiceUrl);
        (await store.GetForUserAsync(TestActivities.UserAadObjectId))!.Conversation!.Id.Should().Be(conversationId);
        (await store.GetServiceUrlForTenantAsync(TestActivities.TenantId)).Should().Be(_connector.ServiceUrl);

        // Teams' conversationUpdate for the same install, arriving after the restart: already known, no second welcome.
        using var again = await second.PostActivityAsync(TestActivities.BotAdded(_connector.ServiceUrl, conversationId));
        again.StatusCode.Should().Be(HttpStatusCode.OK);
        _connector.Requests.Should().BeEmpty();
    }

    [Fact]
    public async Task A_message_redelivered_after_a_restart_is_not_answered_twice()
    {
        var message = TestActivities.Message(_connector.ServiceUrl, "help", conversationId: "a:1redelivery-" + Guid.NewGuid().ToString("N"));
        await using (var first = new BotApp(Settings))
        {
            using var response = await first.PostActivityAsync(message);
            response.StatusCode.Should().Be(HttpStatusCode.OK);
        }
        (await _connector.WaitForRequestsAsync(1)).Should().ContainSingle("the first delivery is answered");
        _connector.Clear();

        await using var second = new BotApp(Settings);
        using var redelivered = await second.PostActivityAsync(message);

        redelivered.StatusCode.Should().Be(HttpStatusCode.OK);
        _connector.Requests.Should().BeEmpty("the activity log in Azurite outlived the first app");
        second.Services.GetRequiredService<IActivityDeduplicator>().Should().BeOfType<TableActivityDeduplicator>();
        second.Services.GetRequiredService<IConversationReferenceStore>().Should().BeOfType<TableConversationReferenceStore>();
    }

    static string? Text(JsonElement row, string property) =>
        row.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    async Task<JsonDocument> ReadWithOfficialSdkAsync()
    {
        var start = new ProcessStartInfo("node")
        {
            WorkingDirectory = RepoPaths.Root,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add("-e");
        start.ArgumentList.Add(ReadTablesScript);
        start.Environment["POLICYBOT_STORAGE"] = azurite.ConnectionString;

        using var process = Process.Start(start) ?? throw new InvalidOperationException("node did not start");
        try
        {
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEndAsync();
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
            await process.WaitForExitAsync(timeout.Token);
            process.ExitCode.Should().Be(0, $"the @azure/data-tables script failed: {await stderr}");
            return JsonDocument.Parse(await stdout);
        }
        finally
        {
            if (!process.HasExited)
                process.Kill(entireProcessTree: true);
        }
    }
}
