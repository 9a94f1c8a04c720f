using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using PolicyBot.BotFramework.Schema;
using PolicyBot.Cards;
using PolicyBot.Features.SiteApproval;
using PolicyBot.Storage.Tables;
using PolicyBot.Tests.Infrastructure;
using PolicyBot.Tests.Storage.Tables;
using PolicyBot.Workflow;
using static PolicyBot.Tests.Features.PolicyQuestions.AskCards;

namespace PolicyBot.Tests.Features.SiteApproval;

/// <summary>
/// A step that waits longer than the school's reminder hours (48 for the demo school) reminds its approvers, once per
/// wait. The app's clock is moved by hand; the background loops are left out so the test runs each pass itself.
/// </summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Reliability", "CA1001", Justification = "xunit disposes the test through IAsyncLifetime.DisposeAsync")]
public sealed class SiteApprovalReminderTests : IAsyncLifetime
{
    const string Computing = "10000000-0000-4000-8000-000000000003";
    const string Deputy = "10000000-0000-4000-8000-000000000002";

    readonly ManualTimeProvider _clock = new();
    readonly DirectoryInfo _data = Directory.CreateTempSubdirectory("policybot-reminders-");
    InterleavingTableServiceClient _tables = null!;
    LocalConnector _connector = null!;
    BotApp _app = null!;

    public async Task InitializeAsync()
    {
        _connector = await LocalConnector.StartAsync();
        var database = Path.Combine(_data.FullName, "policybot.db");
        _tables = new InterleavingTableServiceClient(database);
        _app = new BotApp(new Dictionary<string, string?>
        {
            ["Storage:EmbeddedPath"] = database,
            ["Schools:Path"] = Path.Combine(RepoPaths.Root, "schools"),
            ["Workflow:DefaultServiceUrl"] = _connector.ServiceUrl,
        }, services =>
        {
            services.AddSingleton<TimeProvider>(_clock);
            services.AddSingleton<TableServiceClient>(_tables);
            foreach (var loop in services.Where(d => d.ServiceType == typeof(IHostedService) && d.ImplementationFactory is not null).ToList())
                services.Remove(loop);
        });
        _ = _app.BaseAddress;
    }

    public async Task DisposeAsync()
    {
        await _app.DisposeAsync();
        await _connector.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        _data.Delete(recursive: true);
    }

    SiteApprovalReminders Reminders => _app.Services.GetRequiredService<SiteApprovalReminders>();

    Task<int> DispatchAsync() => _app.Services.GetRequiredService<OutboxDispatcher>().DispatchOnceAsync();

    async Task<JsonElement> InvokeAsync(string verb, JsonNode data, string? aadObjectId = null)
    {
        var activity = TestActivities.CardAction(_connector.ServiceUrl, verb, data, "form-" + Guid.NewGuid().ToString("N"));
        if (aadObjectId is not null)
            activity.From = new ChannelAccount { Id = "29:" + aadObjectId, Name = "Casey Computing", AadObjectId = aadObjectId };
        using var response = await _app.PostActivityAsync(activity);
        response.StatusCode.Should().Be(HttpStatusCode.OK);
        var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();
        body.GetProperty("statusCode").GetInt32().Should().Be(200, body.ToString());
        return body.GetProperty("value");
    }

    async Task<string> SubmittedAsync()
    {
        var card = await InvokeAsync(Verbs.SiteSubmit, new JsonObject
        {
            ["school"] = "oakfield-primary",
            ["purpose"] = "Eco club news for parents",
            ["audience"] = "Parents and carers",
            ["platform"] = "Instagram",
            ["moderators"] = "Sam Green and Jo Brown",
            ["privacySettings"] = "Public",
        });
        await DispatchAsync();
        _connector.Clear();
        return ActionData(card, Verbs.SiteWithdraw)!.Value.GetProperty("id").GetString()!;
    }

    /// <summary>Who the waiting reminder cards are for; then they are delivered (and must be deliverable).</summary>
    async Task<List<string>> RemindedPeopleAsync(string id)
    {
        var table = _app.Services.GetRequiredService<TableServiceClient>().GetTableClient(SiteRequestEntity.TableName);
        var rows = await table.QueryAsync<OutboxEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {id}") + " and " + WorkflowRows.StartingWith(WorkflowRows.OutboxPrefix)).ToListAsync();
        (await DispatchAsync()).Should().Be(rows.Count);
        _connector.Requests.Should().Contain(r => r.Method == "POST" && r.RawPath.EndsWith("/activities", StringComparison.Ordinal));
        _connector.Clear();
        return rows.Where(r => r.Kind == OutboxKind.CardToUser).Select(r => r.UserAadObjectId!).ToList();
    }

    [Fact]
    public async Task A_step_waiting_longer_than_the_schools_hours_reminds_its_approvers_once_per_wait()
    {
        var id = await SubmittedAsync();

        _clock.Advance(TimeSpan.FromHours(47));
        (await Reminders.PassAsync()).Should().Be(0, "not 48 hours yet");

        _clock.Advance(TimeSpan.FromHours(2));
        (await Reminders.PassAsync()).Should().Be(1);
        (await Reminders.PassAsync()).Should().Be(0, "reminded already for this wait");
        (await RemindedPeopleAsync(id)).Should().Equal(Computing);

        _clock.Advance(TimeSpan.FromHours(48));
        (await Reminders.PassAsync()).Should().Be(1, "still waiting after another 48 hours");
        (await RemindedPeopleAsync(id)).Should().Equal(Computing);

        var table = _app.Services.GetRequiredService<TableServiceClient>().GetTableClient(SiteRequestEntity.TableName);
        var audit = await table.QueryAsync<AuditEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {id}") + " and " + WorkflowRows.StartingWith(WorkflowRows.AuditPrefix)).ToListAsync();
        audit.Count(a => a.Action == "reminded").Should().Be(2);
        (await table.GetEntityAsync<SiteRequestEntity>(id, WorkflowRows.State)).Value.Revision.Should().Be(1, "a reminder does not make the cards stale");
    }

    [Fact]
    public async Task The_wait_starts_again_when_the_next_step_becomes_pending()
    {
        var id = await SubmittedAsync();
        _clock.Advance(TimeSpan.FromHours(40));
        var approve = JsonSerializer.SerializeToNode(new { id, school = "oakfield-primary", version = "1" })!;
        await InvokeAsync(Verbs.SiteApprove, approve, Computing);
        await DispatchAsync();
        _connector.Clear();

        _clock.Advance(TimeSpan.FromHours(40));
        (await Reminders.PassAsync()).Should().Be(0, "the Deputy has waited 40 hours, not 80");

        _clock.Advance(TimeSpan.FromHours(9));
        (await Reminders.PassAsync()).Should().Be(1);
        (await RemindedPeopleAsync(id)).Should().Equal(Deputy);
    }

    [Fact]
    public async Task A_decision_that_meets_a_reminders_write_is_made_again_and_kept()
    {
        var id = await SubmittedAsync();
        _clock.Advance(TimeSpan.FromHours(49));
        var reminded = 0;
        // The reminder pass writes the request between the approver's read and their conditional write.
        _tables.BeforeNextTransaction = async () => reminded = await Reminders.PassAsync();

        var card = await InvokeAsync(Verbs.SiteApprove, JsonSerializer.SerializeToNode(new { id, school = "oakfield-primary", version = "1" })!, Computing);

        reminded.Should().Be(1, "the reminder's write came first");
        var table = _app.Services.GetRequiredService<TableServiceClient>().GetTableClient(SiteRequestEntity.TableName);
        var state = (await table.GetEntityAsync<SiteRequestEntity>(id, WorkflowRows.State)).Value;
        state.Revision.Should().Be(2, "the approval was made again on the reminded record, not lost");
        var audit = await table.QueryAsync<AuditEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {id}") + " and " + WorkflowRows.StartingWith(WorkflowRows.AuditPrefix)).ToListAsync();
        audit.Select(a => a.Action).Should().Contain(["reminded", "approved"]);
        ActionData(card, Verbs.SiteApprove).Should().BeNull("the Computing Coordinator has decided; the card they get back says so");
    }
}
