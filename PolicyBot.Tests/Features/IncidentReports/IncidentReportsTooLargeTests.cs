using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using PolicyBot.Cards;
using PolicyBot.Cards.Incidents;
using PolicyBot.Features.IncidentReports;
using PolicyBot.Storage.Tables;
using PolicyBot.Tests.Infrastructure;
using PolicyBot.Workflow;
using static PolicyBot.Tests.Features.PolicyQuestions.AskCards;

namespace PolicyBot.Tests.Features.IncidentReports;

/// <summary>
/// A report whose rows would not fit in Table Storage, forced by a school whose safeguarding team is so large that
/// the inbox card (which lists everyone a report can be assigned to) outgrows a table string: the reporter gets the
/// form back with everything they wrote and a message saying it is too long, never "try again" for ever.
/// </summary>
public sealed class IncidentReportsTooLargeTests : IAsyncLifetime
{
    const int DeputyDsls = 600;

    readonly DirectoryInfo _data = Directory.CreateTempSubdirectory("policybot-too-large-");
    LocalConnector Connector { get; set; } = null!;
    BotApp App { get; set; } = null!;
    RecordingLoggerProvider Logs { get; } = new();

    public async Task InitializeAsync()
    {
        // The demo school with hundreds of deputy DSLs: each is a line of the inbox card's assign list.
        var schools = _data.CreateSubdirectory("schools");
        var policies = schools.CreateSubdirectory("policies");
        File.Copy(Path.Combine(RepoPaths.Root, "schools", "policies", "oakfield-primary.md"), Path.Combine(policies.FullName, "oakfield-primary.md"));
        var deputies = string.Join(", ", Enumerable.Range(1, DeputyDsls).Select(i => $"30000000-0000-4000-8000-{i:D12}"));
        var yaml = Regex.Replace(await File.ReadAllTextAsync(Path.Combine(RepoPaths.Root, "schools", "oakfield-primary.yaml")),
            @"(?m)^  deputyDsl: \[.*\]$", $"  deputyDsl: [ {deputies} ]");
        yaml.Should().Contain(deputies);
        await File.WriteAllTextAsync(Path.Combine(schools.FullName, "oakfield-primary.yaml"), yaml);

        Connector = await LocalConnector.StartAsync();
        App = new BotApp(new Dictionary<string, string?>
        {
            ["Storage:EmbeddedPath"] = Path.Combine(_data.FullName, "policybot.db"),
            ["Schools:Path"] = schools.FullName,
            ["Workflow:DefaultServiceUrl"] = Connector.ServiceUrl,
        }, services => services.AddSingleton<Microsoft.Extensions.Logging.ILoggerProvider>(Logs));
        _ = App.BaseAddress;
    }

    public async Task DisposeAsync()
    {
        await App.DisposeAsync();
        await Connector.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        _data.Delete(recursive: true);
    }

    [Fact]
    public async Task A_report_too_large_to_store_comes_back_as_the_form_with_the_draft_and_a_message_and_nothing_is_sent()
    {
        var what = LongText.NonLatin(Incident.MaxWhatHappenedLength, "MARKER-" + Guid.NewGuid().ToString("N"));
        var people = LongText.NonLatin(Incident.MaxPeopleInvolvedLength);
        var data = new JsonObject
        {
            ["school"] = IncidentsInTeamsFixture.SchoolId,
            [InputIds.IncidentCategory] = nameof(IncidentCategory.ChildSafetyConcern),
            [InputIds.IncidentWhat] = what,
            [InputIds.IncidentPeople] = people,
            [InputIds.IncidentUrgent] = "true",
        };

        using var response = await App.PostActivityAsync(TestActivities.CardAction(Connector.ServiceUrl, Verbs.IncidentSubmit, data));

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        body.GetProperty("statusCode").GetInt32().Should().Be(200, body.ToString());
        var form = body.GetProperty("value");
        Texts(form).Should().Contain("too long for PolicyBot to store").And.NotContain("again in a minute");
        ActionData(form, Verbs.IncidentSubmit).Should().NotBeNull("the form comes back to be sent again");
        Strings(form).Should().Contain(what).And.Contain(people);

        var incidents = App.Services.GetRequiredService<TableServiceClient>().GetTableClient(IncidentEntity.TableName);
        (await incidents.QueryAsync<IncidentEntity>(TableClient.CreateQueryFilter($"RowKey eq {WorkflowRows.State}")).ToListAsync())
            .Should().BeEmpty("nothing of the report was stored");
        (await App.Services.GetRequiredService<OutboxDispatcher>().DispatchOnceAsync()).Should().Be(0);
        Connector.Requests.Should().BeEmpty("nothing was sent to anyone");
    }

    [Fact]
    public async Task A_short_report_that_cannot_be_stored_is_not_met_with_advice_to_shorten_it_and_the_log_names_the_team_size()
    {
        var data = new JsonObject
        {
            ["school"] = IncidentsInTeamsFixture.SchoolId,
            [InputIds.IncidentCategory] = nameof(IncidentCategory.ChildSafetyConcern),
            [InputIds.IncidentWhat] = LongText.NonLatin(Incident.MaxWhatHappenedLength / 8),
            [InputIds.IncidentUrgent] = "true",
        };

        using var response = await App.PostActivityAsync(TestActivities.CardAction(Connector.ServiceUrl, Verbs.IncidentSubmit, data));

        var form = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("value");
        Texts(form).Should().Contain("speak to the DSL in person today").And.NotContain("shorten");
        Logs.Lines.Should().Contain(l => l.Message.Contains("the DSL team has", StringComparison.Ordinal) && l.Message.Contains("people", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_reminder_whose_card_cannot_be_stored_is_logged_once_not_on_every_pass()
    {
        var twoDaysAgo = DateTimeOffset.UtcNow.AddDays(-2);
        var incident = Incident.Report("inc-too-large-reminder", IncidentsInTeamsFixture.SchoolId, TestActivities.TenantId, "INC-2026-0900",
            new ValidReport(IncidentCategory.StaffConduct, "Short account.", null, null, null, false), new Actor(TestActivities.UserAadObjectId, "Alex Wilber"), twoDaysAgo);
        var incidents = App.Services.GetRequiredService<TableServiceClient>().GetTableClient(IncidentEntity.TableName);
        var row = IncidentEntity.From(incident);
        row.RowKey = WorkflowRows.State;
        await incidents.AddEntityAsync(row);
        var reminder = App.Services.GetRequiredService<IncidentAcknowledgementReminder>();

        (await reminder.PassAsync()).Should().Be(0);
        (await reminder.PassAsync()).Should().Be(0);

        Logs.Lines.Count(l => l.Message.Contains("INC-2026-0900", StringComparison.Ordinal)).Should().Be(1, "said once, not on every pass");
        (await incidents.GetEntityAsync<IncidentEntity>(incident.IncidentId, WorkflowRows.State)).Value.ReminderSentAt.Should().NotBeNull();
    }

    [Fact]
    public async Task A_report_whose_card_cannot_be_stored_has_every_copy_replaced_by_one_without_the_details_at_the_copy_check()
    {
        var incident = Incident.Report("inc-too-large-sweep", IncidentsInTeamsFixture.SchoolId, TestActivities.TenantId, "INC-2026-0901",
            new ValidReport(IncidentCategory.StaffConduct, "Short account " + Guid.NewGuid().ToString("N"), null, null, null, false),
            new Actor(TestActivities.UserAadObjectId, "Alex Wilber"), DateTimeOffset.UtcNow);
        var incidents = App.Services.GetRequiredService<TableServiceClient>().GetTableClient(IncidentEntity.TableName);
        var row = IncidentEntity.From(incident);
        row.RowKey = WorkflowRows.State;
        await incidents.AddEntityAsync(row);
        await incidents.AddEntityAsync(new CardCopyEntity
        {
            PartitionKey = incident.IncidentId, RowKey = WorkflowRows.Copy("a:1chat-deputy", "activity-9"),
            ConversationId = "a:1chat-deputy", ActivityId = "activity-9", ServiceUrl = Connector.ServiceUrl, OwnerAadObjectId = "30000000-0000-4000-8000-000000000001",
        });

        await App.Services.GetRequiredService<IncidentCopySweep>().PassAsync();
        await App.Services.GetRequiredService<OutboxDispatcher>().DispatchOnceAsync();

        var put = Connector.Requests.Should().ContainSingle(r => r.Method == "PUT").Subject;
        put.Body.Should().Contain("INC-2026-0901").And.Contain("no longer shown").And.NotContain(incident.WhatHappened);
        (await incidents.QueryAsync<CardCopyEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {incident.IncidentId}") + " and " + WorkflowRows.StartingWith(WorkflowRows.CopyPrefix)).ToListAsync())
            .Should().BeEmpty();
        Logs.Lines.Should().Contain(l => l.Message.Contains("INC-2026-0901", StringComparison.Ordinal) && l.Message.Contains("too large", StringComparison.Ordinal));
    }

    /// <summary>Every string in the card, decoded: the texts, and the values the inputs are filled with.</summary>
    static List<string> Strings(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.String => [element.GetString()!],
        JsonValueKind.Object => element.EnumerateObject().SelectMany(p => Strings(p.Value)).ToList(),
        JsonValueKind.Array => element.EnumerateArray().SelectMany(Strings).ToList(),
        _ => [],
    };
}
