using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using PolicyBot.Cards;
using PolicyBot.Cards.Incidents;
using PolicyBot.Features.IncidentReports;
using PolicyBot.Graph;
using PolicyBot.Tests.Infrastructure;
using static PolicyBot.Tests.Features.NotificationsInTeamsFixture;
using static PolicyBot.Tests.Features.PolicyQuestions.AskCards;

namespace PolicyBot.Tests.Features.IncidentReports;

/// <summary>
/// The activity-feed notifications a concern causes, as Microsoft Graph (the local stand-in) receives them from the real
/// app: who is notified, with which declared activity type, and that a notification carries the reference and a
/// status, never the report's details; nor do the logs.
/// </summary>
public sealed partial class IncidentNotificationTests : IClassFixture<NotificationsInTeamsFixture>
{
    const string Reporter = Staff;
    const string InboxChannel = "19:oakfield-dsl-inbox@thread.tacv2";

    readonly NotificationsInTeamsFixture _fixture;

    public IncidentNotificationTests(NotificationsInTeamsFixture fixture)
    {
        _fixture = fixture;
        fixture.Connector.Clear();
    }

    sealed record Reported(string Reference, string Marker, JsonElement InboxCard);

    static string NewMarker() => "MARKER-" + Guid.NewGuid().ToString("N");

    static string ConversationOf(RecordedRequest request) => Uri.UnescapeDataString(request.RawPath.Split('/')[3]);

    static JsonElement ShouldBeCard((HttpStatusCode Status, JsonElement Body) response)
    {
        response.Status.Should().Be(HttpStatusCode.OK, response.Body.ToString());
        response.Body.GetProperty("statusCode").GetInt32().Should().Be(200, response.Body.ToString());
        response.Body.GetProperty("type").GetString().Should().Be("application/vnd.microsoft.card.adaptive");
        return response.Body.GetProperty("value");
    }

    static JsonObject With(JsonElement data, params (string Id, string? Value)[] inputs)
    {
        var merged = JsonNode.Parse(data.GetRawText())!.AsObject();
        foreach (var (id, value) in inputs)
            merged[id] = value;
        return merged;
    }

    /// <summary>Reports a concern with the marker in what happened, where and who was involved; delivers the outbox.</summary>
    async Task<Reported> ReportAsync()
    {
        var marker = NewMarker();
        (await _fixture.PostAsync(_fixture.Message(Reporter, "Alex Wilber", "report a concern"))).Status.Should().Be(HttpStatusCode.OK);
        var formMessage = (await _fixture.Connector.WaitForRequestsAsync(1)).Should().ContainSingle().Subject;
        var form = CardOf(formMessage.Json);
        _fixture.Connector.Clear();

        var receipt = ShouldBeCard(await _fixture.PostAsync(_fixture.Invoke(Reporter, "Alex Wilber", Verbs.IncidentSubmit, With(ActionData(form, Verbs.IncidentSubmit)!.Value,
            (InputIds.IncidentCategory, nameof(IncidentCategory.InappropriateContactFromPupil)),
            (InputIds.IncidentWhat, $"A pupil sent messages late at night. {marker}-what"),
            (InputIds.IncidentWhen, DateTime.UtcNow.AddDays(-1).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)),
            (InputIds.IncidentWhere, $"Instagram {marker}-where"),
            (InputIds.IncidentPeople, $"A Year 9 pupil {marker}-who"),
            (InputIds.IncidentUrgent, "false")))));
        var reference = ReferencePattern().Match(Texts(receipt)).Value;
        reference.Should().NotBeEmpty(Texts(receipt));

        await _fixture.DispatchAsync();
        var inbox = _fixture.Connector.Requests.Where(r => r.Method == "POST" && ConversationOf(r) == InboxChannel).Select(r => CardOf(r.Json)).Single();
        _fixture.Connector.Clear();
        return new Reported(reference, marker, inbox);
    }

    /// <summary>A DSL's click on the current inbox card; the outbox is delivered after it.</summary>
    async Task<JsonElement> DecideAsync(JsonElement card, string verb, string by, string name, params (string, string?)[] inputs)
    {
        var updated = ShouldBeCard(await _fixture.PostAsync(_fixture.Invoke(by, name, verb, With(ActionData(card, verb)!.Value, inputs))));
        await _fixture.DispatchAsync();
        return updated;
    }

    void ShouldCarryTheReferenceOnly(SentNotification sent, string reference)
    {
        DeclaredActivityTypes().Should().Contain(sent.ActivityType, "Teams refuses an activity type the manifest does not declare");
        sent.TopicSource.Should().Be("text");
        sent.Topic.Should().Be(reference);
        sent.WebUrl.Should().Be(TeamsDeepLink.ChatWithBot(AppId).ToString(), "a click opens the chat with the bot, where the card is");
        sent.Parameters["reference"].Should().Be(reference);
        sent.Preview.Should().Be(ActivityNotification.Restore(sent.ActivityType, reference, new Uri(sent.WebUrl), null, sent.Parameters).Summary,
            "a safeguarding notification previews its filled template and nothing else");
    }

    [GeneratedRegex(@"INC-\d{4}-\d{4}")]
    private static partial Regex ReferencePattern();

    [Fact]
    public async Task A_reported_concern_notifies_each_DSL_with_its_reference_and_nothing_of_the_report()
    {
        var report = await ReportAsync();

        var sent = _fixture.NotificationsAbout(report.Reference);
        sent.Select(n => n.Recipient).Should().BeEquivalentTo([Dsl, DeputyDsl], "the DSL and the deputy DSL, each once");
        foreach (var notification in sent)
        {
            notification.ActivityType.Should().Be(ActivityTypes.IncidentReported);
            notification.Parameters.Keys.Should().Equal("reference");
            notification.Preview.Should().Be($"New concern reported: {report.Reference}");
            ShouldCarryTheReferenceOnly(notification, report.Reference);
        }
        _fixture.Notifications().Should().NotContain(n => n.Recipient == Reporter && n.Topic == report.Reference,
            "the reporter has their receipt in the chat; nothing about the report goes to their feed");
        _fixture.EverythingSentToGraphAndLogged().Should().NotContain(report.Marker);
    }

    [Fact]
    public async Task Assigning_a_concern_notifies_the_assignee_but_not_someone_who_takes_it_themselves()
    {
        var report = await ReportAsync();
        var card = await DecideAsync(report.InboxCard, Verbs.IncidentAcknowledge, Dsl, "Dana DSL");

        card = await DecideAsync(card, Verbs.IncidentAssign, Dsl, "Dana DSL", (InputIds.AssignTo, Dsl));
        _fixture.NotificationsAbout(report.Reference).Should().NotContain(n => n.ActivityType == ActivityTypes.IncidentAssigned,
            "whoever assigns a report to themselves knows already");

        await DecideAsync(card, Verbs.IncidentAssign, Dsl, "Dana DSL", (InputIds.AssignTo, DeputyDsl));
        var assigned = _fixture.NotificationsAbout(report.Reference).Where(n => n.ActivityType == ActivityTypes.IncidentAssigned).Should().ContainSingle().Subject;
        assigned.Recipient.Should().Be(DeputyDsl);
        assigned.Preview.Should().Be($"Concern {report.Reference} was assigned to you");
        assigned.Parameters.Keys.Should().Equal("reference");
        ShouldCarryTheReferenceOnly(assigned, report.Reference);
        _fixture.EverythingSentToGraphAndLogged().Should().NotContain(report.Marker);
    }

    [Fact]
    public async Task Escalating_to_the_Headteacher_notifies_them_with_the_reference_only()
    {
        var report = await ReportAsync();
        var card = await DecideAsync(report.InboxCard, Verbs.IncidentAcknowledge, Dsl, "Dana DSL");

        await DecideAsync(card, Verbs.IncidentEscalate, Dsl, "Dana DSL",
            (InputIds.EscalateTo, nameof(EscalationTarget.Headteacher)), (InputIds.EscalateNote, $"Spoke to the pupil's mother. {report.Marker}-note"));

        var escalated = _fixture.NotificationsAbout(report.Reference).Where(n => n.ActivityType == ActivityTypes.IncidentEscalated).Should().ContainSingle().Subject;
        escalated.Recipient.Should().Be(Headteacher);
        escalated.Parameters.Should().Equal(new Dictionary<string, string> { ["reference"] = report.Reference, ["role"] = "Headteacher" });
        escalated.Preview.Should().Be($"Concern {report.Reference} was escalated to Headteacher");
        ShouldCarryTheReferenceOnly(escalated, report.Reference);
        _fixture.EverythingSentToGraphAndLogged().Should().NotContain(report.Marker);
    }

    [Fact]
    public async Task The_reporter_is_notified_of_each_change_of_their_status_with_the_status_only()
    {
        var report = await ReportAsync();

        var card = await DecideAsync(report.InboxCard, Verbs.IncidentAcknowledge, Dsl, "Dana DSL");
        card = await DecideAsync(card, Verbs.IncidentAssign, Dsl, "Dana DSL", (InputIds.AssignTo, DeputyDsl));
        await DecideAsync(card, Verbs.IncidentClose, DeputyDsl, "Dee Deputy", (InputIds.CloseOutcome, $"Parents spoken to. {report.Marker}-outcome"));

        var toReporter = _fixture.NotificationsAbout(report.Reference).Where(n => n.Recipient == Reporter).ToList();
        toReporter.Select(n => n.ActivityType).Should().AllBe(ActivityTypes.IncidentStatusChanged);
        toReporter.Select(n => n.Parameters["status"]).Should().Equal(["being dealt with", "closed"],
            "one notification per status the reporter sees (assigning changes nothing for them)");
        toReporter.Select(n => n.Preview).Should().Equal($"Your concern {report.Reference} is now being dealt with", $"Your concern {report.Reference} is now closed");
        foreach (var notification in toReporter)
        {
            notification.Parameters.Keys.Should().Equal("reference", "status");
            ShouldCarryTheReferenceOnly(notification, report.Reference);
        }
        _fixture.EverythingSentToGraphAndLogged().Should().NotContain(report.Marker);
    }
}
