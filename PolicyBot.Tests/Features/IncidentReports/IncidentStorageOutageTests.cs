using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using PolicyBot.BotFramework.Schema;
using PolicyBot.Cards;
using PolicyBot.Cards.Incidents;
using PolicyBot.Features.IncidentReports;
using PolicyBot.Storage.Tables;
using PolicyBot.Tests.Infrastructure;
using PolicyBot.Workflow;
using static PolicyBot.Tests.Features.PolicyQuestions.AskCards;

namespace PolicyBot.Tests.Features.IncidentReports;

/// <summary>
/// The app on Azurite through a relay the test can cut: a report sent during an outage comes back with nothing lost,
/// and goes through once storage is back; a DSL's decision during an outage changes nothing.
/// </summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Reliability", "CA1001", Justification = "xunit disposes the test through IAsyncLifetime.DisposeAsync")]
public sealed class IncidentStorageOutageTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>, IAsyncLifetime
{
    const string Dsl = IncidentsInTeamsFixture.Dsl;
    OutageApp _outage = null!;

    LoopbackTcpProxy Proxy => _outage.Proxy;
    LocalConnector Connector => _outage.Connector;
    BotApp App => _outage.App;

    public async Task InitializeAsync() => _outage = await OutageApp.StartAsync(azurite);

    public Task DisposeAsync() => _outage.DisposeAsync().AsTask();

    TableClient Incidents => App.Services.GetRequiredService<TableServiceClient>().GetTableClient(IncidentEntity.TableName);

    async Task<JsonElement> InvokeAsync(string verb, JsonObject data, string replyToId, string? aadObjectId = null)
    {
        var activity = TestActivities.CardAction(Connector.ServiceUrl, verb, data, replyToId);
        if (aadObjectId is not null)
            activity.From = new ChannelAccount { Id = "29:" + aadObjectId, Name = "Dana DSL", AadObjectId = aadObjectId };
        using var response = await App.PostActivityAsync(activity);
        response.StatusCode.Should().Be(HttpStatusCode.OK);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();
    }

    static JsonObject Report(string what) => new()
    {
        ["school"] = IncidentsInTeamsFixture.SchoolId,
        [InputIds.IncidentCategory] = nameof(IncidentCategory.OnlineAbuseOfStaff),
        [InputIds.IncidentWhat] = what,
        [InputIds.IncidentWhere] = "Facebook",
    };

    [Fact]
    public async Task A_report_sent_during_an_outage_comes_back_with_nothing_lost_and_goes_through_once_storage_is_back()
    {
        var what = "Outage report " + Guid.NewGuid().ToString("N");
        Proxy.Cut();

        var during = await InvokeAsync(Verbs.IncidentSubmit, Report(what), "outage-form");

        during.GetProperty("type").GetString().Should().Be(AdaptiveCardInvokeResponse.CardType);
        var form = during.GetProperty("value");
        Texts(form).Should().Contain("Nothing was lost");
        form.GetRawText().Should().Contain(what).And.Contain("Facebook");
        ActionData(form, Verbs.IncidentSubmit).Should().NotBeNull();

        Proxy.Restore();
        var after = await InvokeAsync(Verbs.IncidentSubmit, Report(what), "outage-form");

        Texts(after.GetProperty("value")).Should().Contain("Received");
        var stored = await Incidents.QueryAsync<IncidentEntity>($"RowKey eq 'state'").ToListAsync();
        stored.Should().ContainSingle(i => i.WhatHappened == what);
    }

    [Fact]
    public async Task A_decision_during_an_outage_is_refused_with_503_and_changes_nothing()
    {
        var receipt = await InvokeAsync(Verbs.IncidentSubmit, Report("Decision outage " + Guid.NewGuid().ToString("N")), "decision-form");
        Texts(receipt.GetProperty("value")).Should().Contain("Received");
        var incident = (await Incidents.QueryAsync<IncidentEntity>($"RowKey eq 'state'").ToListAsync()).Single(i => i.WhatHappened.StartsWith("Decision outage", StringComparison.Ordinal));
        var acknowledge = new JsonObject { ["id"] = incident.PartitionKey, ["school"] = incident.SchoolId, ["version"] = "1" };
        Proxy.Cut();

        var during = await InvokeAsync(Verbs.IncidentAcknowledge, acknowledge, "inbox-card", Dsl);

        during.GetProperty("statusCode").GetInt32().Should().Be(503);
        during.GetProperty("value").GetProperty("message").GetString().Should().Contain("Nothing was changed");
        Proxy.Restore();
        (await Incidents.GetEntityAsync<IncidentEntity>(incident.PartitionKey, WorkflowRows.State)).Value.State.Should().Be(IncidentState.New);
        var after = await InvokeAsync(Verbs.IncidentAcknowledge, acknowledge, "inbox-card", Dsl);
        Texts(after.GetProperty("value")).Should().Contain("Acknowledged");
    }
}
