using PolicyBot.Cards;
using PolicyBot.Cards.Incidents;
using PolicyBot.Graph;
using static PolicyBot.Tests.Features.NotificationsInTeamsFixture;

namespace PolicyBot.Tests.Features.IncidentReports;

/// <summary>
/// The activity-feed notifications a concern causes, as Microsoft Graph (the local stand-in) receives them from the real
/// app: who is notified, with which declared activity type, and that a notification carries the reference and a
/// status, never the report's details; nor do the logs.
/// </summary>
public sealed class IncidentNotificationTests : IClassFixture<NotificationsInTeamsFixture>
{
    const string Reporter = Staff;

    readonly NotificationsInTeamsFixture _fixture;
    readonly TeamsWorkflows _teams;

    public IncidentNotificationTests(NotificationsInTeamsFixture fixture)
    {
        _fixture = fixture;
        _teams = new TeamsWorkflows(fixture);
        fixture.Connector.Clear();
    }

    static void ShouldCarryTheReferenceOnly(SentNotification sent, string reference)
    {
        DeclaredActivityTypes().Should().Contain(sent.ActivityType, "Teams refuses an activity type the manifest does not declare");
        sent.TopicSource.Should().Be("text");
        sent.Topic.Should().Be(reference);
        sent.WebUrl.Should().Be(TeamsDeepLink.ChatWithBot(AppId).ToString(), "a click opens the chat with the bot, where the card is");
        sent.Parameters["reference"].Should().Be(reference);
        sent.Preview.Should().Be(ActivityNotification.Restore(sent.ActivityType, reference, new Uri(sent.WebUrl), null, sent.Parameters).Summary,
            "a safeguarding notification previews its filled template and nothing else");
    }

    [Fact]
    public async Task A_reported_concern_notifies_each_DSL_with_its_reference_and_nothing_of_the_report()
    {
        var report = await _teams.ReportAsync();

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
        var report = await _teams.ReportAsync();
        var card = await _teams.DecideAsync(report.InboxCard, Verbs.IncidentAcknowledge, Dsl, "Dana DSL");

        card = await _teams.DecideAsync(card, Verbs.IncidentAssign, Dsl, "Dana DSL", (InputIds.AssignTo, Dsl));
        _fixture.NotificationsAbout(report.Reference).Should().NotContain(n => n.ActivityType == ActivityTypes.IncidentAssigned,
            "whoever assigns a report to themselves knows already");

        await _teams.DecideAsync(card, Verbs.IncidentAssign, Dsl, "Dana DSL", (InputIds.AssignTo, DeputyDsl));
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
        var report = await _teams.ReportAsync();
        var card = await _teams.DecideAsync(report.InboxCard, Verbs.IncidentAcknowledge, Dsl, "Dana DSL");

        await _teams.DecideAsync(card, Verbs.IncidentEscalate, Dsl, "Dana DSL",
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
        var report = await _teams.ReportAsync();

        var card = await _teams.DecideAsync(report.InboxCard, Verbs.IncidentAcknowledge, Dsl, "Dana DSL");
        card = await _teams.DecideAsync(card, Verbs.IncidentAssign, Dsl, "Dana DSL", (InputIds.AssignTo, DeputyDsl));
        await _teams.DecideAsync(card, Verbs.IncidentClose, DeputyDsl, "Dee Deputy", (InputIds.CloseOutcome, $"Parents spoken to. {report.Marker}-outcome"));

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
