using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using PolicyBot.Cards;
using PolicyBot.Cards.Incidents;
using PolicyBot.Storage.Tables;
using PolicyBot.Tests.Infrastructure;
using PolicyBot.Tests.Storage.Tables;
using PolicyBot.Workflow;
using static PolicyBot.Tests.Features.NotificationsInTeamsFixture;
using static PolicyBot.Tests.Features.PolicyQuestions.AskCards;

namespace PolicyBot.Tests.Features;

/// <summary>
/// Drives the two workflows through the app as people in Teams do (type the command, fill the form, press the buttons
/// on the cards they were sent), for the notification tests.
/// </summary>
public sealed partial class TeamsWorkflows(NotificationsInTeamsFixture fixture)
{
    public const string InboxChannel = "19:oakfield-dsl-inbox@thread.tacv2";
    public const string Requester = Staff;
    public const string RequesterName = "Alex Wilber";

    /// <summary>What the site request is for, as its notifications name it: "platform: purpose".</summary>
    public const string SiteSummary = "Padlet: Year 4 class blog";

    public sealed record Concern(string Id, string Reference, string Marker, JsonElement InboxCard);

    public sealed record SiteRequestSent(string Id, string Reference);

    public static string NewMarker() => "MARKER-" + Guid.NewGuid().ToString("N");

    public static JsonElement ShouldBeCard((HttpStatusCode Status, JsonElement Body) response)
    {
        response.Status.Should().Be(HttpStatusCode.OK, response.Body.ToString());
        response.Body.GetProperty("statusCode").GetInt32().Should().Be(200, response.Body.ToString());
        response.Body.GetProperty("type").GetString().Should().Be("application/vnd.microsoft.card.adaptive");
        return response.Body.GetProperty("value");
    }

    public static JsonObject With(JsonElement data, params (string Id, string? Value)[] inputs)
    {
        var merged = JsonNode.Parse(data.GetRawText())!.AsObject();
        foreach (var (id, value) in inputs)
            merged[id] = value;
        return merged;
    }

    public static string ConversationOf(RecordedRequest request) => Uri.UnescapeDataString(request.RawPath.Split('/')[3]);

    /// <summary>The cards the Connector received (posts and updates) since it was last cleared, by conversation.</summary>
    public IReadOnlyList<(string Conversation, string Method, JsonElement Card)> CardsSent() =>
        fixture.Connector.Requests.Where(r => r.Method is "POST" or "PUT" && r.RawPath.Contains("/activities", StringComparison.Ordinal))
            .Select(r => (ConversationOf(r), r.Method, CardOf(r.Json))).ToList();

    async Task<JsonElement> CommandAsync(string text)
    {
        fixture.Connector.Clear();
        (await fixture.PostAsync(fixture.Message(Requester, RequesterName, text))).Status.Should().Be(HttpStatusCode.OK);
        var reply = (await fixture.Connector.WaitForRequestsAsync(1)).Should().ContainSingle().Subject;
        fixture.Connector.Clear();
        return CardOf(reply.Json);
    }

    /// <summary>Reports a concern with the marker in what happened, where, and who was involved. The outbox is not delivered.</summary>
    public async Task<(string Reference, string Marker)> ReportWithoutDeliveryAsync()
    {
        var marker = NewMarker();
        var form = await CommandAsync("report a concern");
        var receipt = ShouldBeCard(await fixture.PostAsync(fixture.Invoke(Requester, RequesterName, Verbs.IncidentSubmit, With(ActionData(form, Verbs.IncidentSubmit)!.Value,
            (InputIds.IncidentCategory, nameof(IncidentCategory.InappropriateContactFromPupil)),
            (InputIds.IncidentWhat, $"A pupil sent messages late at night. {marker}-what"),
            (InputIds.IncidentWhen, DateTime.UtcNow.AddDays(-1).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)),
            (InputIds.IncidentWhere, $"Instagram {marker}-where"),
            (InputIds.IncidentPeople, $"A Year 9 pupil {marker}-who"),
            (InputIds.IncidentUrgent, "false")))));
        var reference = IncidentReference().Match(Texts(receipt)).Value;
        reference.Should().NotBeEmpty(Texts(receipt));
        return (reference, marker);
    }

    /// <summary>Reports a concern and delivers the outbox; returns it with the card the DSL inbox received.</summary>
    public async Task<Concern> ReportAsync()
    {
        var (reference, marker) = await ReportWithoutDeliveryAsync();
        await fixture.DispatchAsync();
        var inbox = CardsSent().Where(c => c.Conversation == InboxChannel).Select(c => c.Card).Single();
        fixture.Connector.Clear();
        return new Concern(ActionData(inbox, Verbs.IncidentAcknowledge)!.Value.GetProperty("id").GetString()!, reference, marker, inbox);
    }

    /// <summary>A DSL's press on the current inbox card (no delivery); returns the card as it now stands.</summary>
    public async Task<JsonElement> DecideWithoutDeliveryAsync(JsonElement card, string verb, string by, string name, params (string, string?)[] inputs) =>
        ShouldBeCard(await fixture.PostAsync(fixture.Invoke(by, name, verb, With(ActionData(card, verb)!.Value, inputs))));

    /// <summary>A DSL's press on the current inbox card, then the outbox delivered.</summary>
    public async Task<JsonElement> DecideAsync(JsonElement card, string verb, string by, string name, params (string, string?)[] inputs)
    {
        var updated = await DecideWithoutDeliveryAsync(card, verb, by, name, inputs);
        await fixture.DispatchAsync();
        return updated;
    }

    /// <summary>Sends a site request from its form, as the requester (no delivery).</summary>
    public async Task<SiteRequestSent> SubmitSiteRequestAsync()
    {
        var form = await CommandAsync("new site request");
        var answers = new (string, string?)[]
        {
            ("purpose", "Year 4 class blog"),
            ("audience", "Parents and carers"),
            ("platform", "Padlet"),
            ("moderators", "Ravi Patel and Amy Lewis"),
            ("privacySettings", "Private: invited members only"),
            ("closureDate", DateTime.UtcNow.AddYears(1).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)),
        };
        var card = ShouldBeCard(await fixture.PostAsync(fixture.Invoke(Requester, RequesterName, Verbs.SiteSubmit,
            With(ActionData(form, Verbs.SiteSubmit)!.Value, answers), replyToId: "form-" + Guid.NewGuid().ToString("N"))));
        var id = ActionData(card, Verbs.SiteWithdraw)!.Value.GetProperty("id").GetString()!;
        var reference = SiteReference().Match(Texts(card)).Value;
        reference.Should().NotBeEmpty(Texts(card));
        return new SiteRequestSent(id, reference);
    }

    /// <summary>The site request card most recently posted to this person's chat.</summary>
    public JsonElement CardPostedTo(string aadObjectId) =>
        CardsSent().Last(c => c.Method == "POST" && c.Conversation == ChatOf(aadObjectId)).Card;

    /// <summary>Approves (or rejects, with a reason) on the card the approver was sent; no delivery.</summary>
    public async Task<JsonElement> DecideSiteAsync(JsonElement card, string verb, string by, string name)
    {
        var inputs = verb == Verbs.SiteReject ? new (string, string?)[] { (InputIds.RejectionReason, "Padlet walls are public by default.") } : [];
        return ShouldBeCard(await fixture.PostAsync(fixture.Invoke(by, name, verb, With(ActionData(card, verb)!.Value, inputs))));
    }

    /// <summary>The workflow's outbox rows still waiting (or given up).</summary>
    public async Task<List<OutboxEntity>> OutboxAsync(TableClient table, string workflowId) =>
        await table.QueryAsync<OutboxEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {workflowId}") + " and " + WorkflowRows.StartingWith(WorkflowRows.OutboxPrefix)).ToListAsync();

    [GeneratedRegex(@"INC-\d{4}-\d{4}")]
    private static partial Regex IncidentReference();

    [GeneratedRegex(@"SITE-\d{4}-\d{4}")]
    private static partial Regex SiteReference();
}
