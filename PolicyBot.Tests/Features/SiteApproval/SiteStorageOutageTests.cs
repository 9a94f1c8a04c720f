using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using PolicyBot.BotFramework.Schema;
using PolicyBot.Cards;
using PolicyBot.Cards.SiteApproval;
using PolicyBot.Features.SiteApproval;
using PolicyBot.Storage.Tables;
using PolicyBot.Tests.Infrastructure;
using PolicyBot.Workflow;
using static PolicyBot.Tests.Features.PolicyQuestions.AskCards;

namespace PolicyBot.Tests.Features.SiteApproval;

/// <summary>The app on Azurite through a relay the test can cut: a storage outage loses nothing and decides nothing.</summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Reliability", "CA1001", Justification = "xunit disposes the test through IAsyncLifetime.DisposeAsync")]
public sealed class SiteStorageOutageTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>, IAsyncLifetime
{
    const string Computing = "10000000-0000-4000-8000-000000000003";

    OutageApp _outage = null!;

    LoopbackTcpProxy Proxy => _outage.Proxy;
    LocalConnector Connector => _outage.Connector;
    BotApp App => _outage.App;

    public async Task InitializeAsync() => _outage = await OutageApp.StartAsync(azurite);

    public Task DisposeAsync() => _outage.DisposeAsync().AsTask();

    async Task<JsonElement> InvokeAsync(string verb, JsonNode data, string? aadObjectId = null)
    {
        var activity = TestActivities.CardAction(Connector.ServiceUrl, verb, data, "form-" + Guid.NewGuid().ToString("N"));
        if (aadObjectId is not null)
            activity.From = new ChannelAccount { Id = "29:" + aadObjectId, Name = "Casey", AadObjectId = aadObjectId };
        using var response = await App.PostActivityAsync(activity);
        response.StatusCode.Should().Be(HttpStatusCode.OK);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();
    }

    static JsonObject Form() => new()
    {
        ["school"] = "oakfield-primary",
        ["purpose"] = "Eco club news for parents",
        ["audience"] = "Parents and carers",
        ["platform"] = "Instagram",
        ["moderators"] = "Sam Green and Jo Brown",
        ["privacySettings"] = "Public",
    };

    [Fact]
    public async Task A_submit_during_an_outage_gives_the_form_back_with_every_value_and_says_nothing_was_lost()
    {
        Proxy.Cut();

        var body = await InvokeAsync(Verbs.SiteSubmit, Form());

        body.GetProperty("statusCode").GetInt32().Should().Be(200, body.ToString());
        var card = body.GetProperty("value");
        Texts(card).Should().Contain("couldn't save your request").And.Contain("Nothing was lost");
        card.GetRawText().Should().Contain("Eco club news for parents").And.Contain("Sam Green and Jo Brown").And.Contain("\"value\":\"Instagram\"");
        ActionData(card, Verbs.SiteSubmit).Should().NotBeNull("the form, ready to send again");
    }

    [Fact]
    public async Task An_approval_during_an_outage_is_refused_with_503_and_nothing_is_decided()
    {
        var submitted = await InvokeAsync(Verbs.SiteSubmit, Form());
        var approve = ActionData(submitted.GetProperty("value"), Verbs.SiteWithdraw)!.Value;
        var id = approve.GetProperty("id").GetString()!;
        Proxy.Cut();

        var body = await InvokeAsync(Verbs.SiteApprove, JsonNode.Parse(approve.GetRawText())!, Computing);

        body.GetProperty("statusCode").GetInt32().Should().Be(503, body.ToString());
        body.GetProperty("value").GetProperty("message").GetString().Should().Contain("Nothing was changed");
        Proxy.Restore();
        var table = new TableServiceClient(azurite.ConnectionString).GetTableClient(SiteRequestEntity.TableName);
        var stored = (await table.GetEntityAsync<SiteRequestEntity>(id, WorkflowRows.State)).Value;
        stored.Revision.Should().Be(1);
        stored.State.Should().Be(SiteRequestState.Pending);
    }
}
