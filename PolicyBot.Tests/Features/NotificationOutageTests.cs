using PolicyBot.Cards;
using PolicyBot.Cards.SiteApproval;
using PolicyBot.Features.SiteApproval;
using PolicyBot.Graph;
using PolicyBot.Workflow;
using static PolicyBot.Tests.Features.NotificationsInTeamsFixture;
using static PolicyBot.Tests.Features.PolicyQuestions.AskCards;

namespace PolicyBot.Tests.Features;

/// <summary>
/// Microsoft Graph failing in the middle of a workflow, through the real app: the workflow's change is kept, its cards
/// still go, and a notification that can succeed later waits in the outbox and is delivered when Graph is back; one that
/// never can is given up and holds nothing up.
/// </summary>
public sealed class NotificationOutageTests : IClassFixture<NotificationsInTeamsFixture>, IDisposable
{
    readonly NotificationsInTeamsFixture _fixture;
    readonly TeamsWorkflows _teams;

    public NotificationOutageTests(NotificationsInTeamsFixture fixture)
    {
        _fixture = fixture;
        _teams = new TeamsWorkflows(fixture);
        fixture.Connector.Clear();
    }

    public void Dispose() => _fixture.GraphLine.Restore();

    /// <summary>Past any back-off the outbox chose for a first or second retry.</summary>
    void LaterOn() => _fixture.Clock.Advance(TimeSpan.FromMinutes(5));

    static OutboxEntity WaitingNotificationTo(IEnumerable<OutboxEntity> outbox, string recipient) =>
        outbox.Should().ContainSingle(r => r.Kind == OutboxKind.Notification && r.UserAadObjectId == recipient).Subject;

    [Fact]
    public async Task While_Graph_is_down_a_site_decision_is_kept_its_cards_go_and_the_notifications_follow_when_Graph_is_back()
    {
        _fixture.GraphLine.Cut();
        var request = await _teams.SubmitSiteRequestAsync();

        await _fixture.DispatchAsync();

        var toComputing = _teams.CardPostedTo(ComputingCoordinator);
        var waiting = WaitingNotificationTo(await _teams.OutboxAsync(_fixture.SiteRequests, request.Id), ComputingCoordinator);
        waiting.Dead.Should().BeFalse("Graph being away is a reason to try again, not to give up");
        waiting.Attempts.Should().Be(1);
        waiting.LastError.Should().NotBeNullOrEmpty();

        var afterComputing = await _teams.DecideSiteAsync(toComputing, Verbs.SiteApprove, ComputingCoordinator, "Casey Computing");
        Texts(afterComputing).Should().Contain("Step 2 of 3");
        _fixture.Connector.Clear();
        await _fixture.DispatchAsync();

        var stored = (await _fixture.SiteRequests.GetEntityAsync<SiteRequestEntity>(request.Id, WorkflowRows.State)).Value.ToRecord();
        stored.State.Should().Be(SiteRequestState.Pending);
        stored.Steps[0].Decisions.Should().ContainSingle(d => d.By == ComputingCoordinator && d.Approved, "the decision is kept whatever Graph does");
        var cards = _teams.CardsSent();
        cards.Should().Contain(c => c.Method == "POST" && c.Conversation == ChatOf(DeputyHead),
            "the next approver's card does not wait for a notification Graph cannot take yet");
        cards.Where(c => c.Method == "PUT").Select(c => c.Conversation).Should().BeEquivalentTo([ChatOf(Staff), ChatOf(ComputingCoordinator)],
            "every copy of the card shows the decision");
        _fixture.NotificationsAbout(request.Reference).Should().BeEmpty("Graph was unreachable");

        _fixture.GraphLine.Restore();
        LaterOn();
        await _fixture.DispatchAsync();

        _fixture.NotificationsAbout(request.Reference).Select(n => (n.Recipient, n.ActivityType)).Should().BeEquivalentTo(
            [(ComputingCoordinator, ActivityTypes.ApprovalRequested), (DeputyHead, ActivityTypes.ApprovalRequested)]);
        (await _teams.OutboxAsync(_fixture.SiteRequests, request.Id)).Should().BeEmpty("everything was delivered");
    }

    [Fact]
    public async Task Graph_answering_503_keeps_the_report_and_its_cards_and_each_notification_is_delivered_once_Graph_recovers()
    {
        // The first DSL notification: its try and the Graph client's two retries all answered 503. The pass then asks
        // Graph nothing more, so the other waits untried.
        _fixture.Graph.AnswerNext(NotificationPath, 503, "ServiceUnavailable", times: 3);
        var concern = await _teams.ReportAsync();

        var outbox = await _teams.OutboxAsync(_fixture.Incidents, concern.Id);
        outbox.Should().OnlyContain(r => r.Kind == OutboxKind.Notification && !r.Dead, "the cards went; only the notifications wait");
        outbox.Select(r => r.UserAadObjectId).Should().BeEquivalentTo([Dsl, DeputyDsl]);

        // The DSL acts while those notifications still wait: every copy of the inbox card is updated at once.
        await _teams.DecideAsync(concern.InboxCard, Verbs.IncidentAcknowledge, Dsl, "Dana DSL");
        _teams.CardsSent().Where(c => c.Method == "PUT").Select(c => c.Conversation)
            .Should().BeEquivalentTo([TeamsWorkflows.InboxChannel, ChatOf(Dsl), ChatOf(DeputyDsl)]);
        _fixture.NotificationsAbout(concern.Reference).Should().ContainSingle(n => n.ActivityType == ActivityTypes.IncidentStatusChanged)
            .Which.Recipient.Should().Be(TeamsWorkflows.Requester);

        LaterOn();
        await _fixture.DispatchAsync();

        var reported = _fixture.NotificationsAbout(concern.Reference).Where(n => n.ActivityType == ActivityTypes.IncidentReported).ToList();
        reported.Select(n => n.Recipient).Distinct().Should().BeEquivalentTo([Dsl, DeputyDsl]);
        reported.GroupBy(n => n.Recipient).Select(g => g.Count()).Order().Should().Equal([1, 4],
            "one answered 503 three times and was then accepted, the other waited untried and was accepted: none sent twice once accepted");
        (await _teams.OutboxAsync(_fixture.Incidents, concern.Id)).Should().BeEmpty();
        _fixture.EverythingSentToGraphAndLogged().Should().NotContain(concern.Marker);
    }

    [Fact]
    public async Task A_notification_Graph_refuses_for_good_is_given_up_and_holds_up_neither_the_cards_nor_later_notifications()
    {
        _fixture.Graph.AnswerNext(NotificationPath, 403, "Forbidden", message: "Missing role permissions on the request. API requires one of 'TeamsActivity.Send'.");
        var request = await _teams.SubmitSiteRequestAsync();

        await _fixture.DispatchAsync();

        var toComputing = _teams.CardPostedTo(ComputingCoordinator);
        var givenUp = WaitingNotificationTo(await _teams.OutboxAsync(_fixture.SiteRequests, request.Id), ComputingCoordinator);
        givenUp.Dead.Should().BeTrue("trying again cannot change a refusal");
        givenUp.Attempts.Should().Be(1);
        _fixture.NotificationsAbout(request.Reference).Should().ContainSingle("a refusal is not retried");

        await _teams.DecideSiteAsync(toComputing, Verbs.SiteApprove, ComputingCoordinator, "Casey Computing");
        _fixture.Connector.Clear();
        LaterOn();
        await _fixture.DispatchAsync();

        var cards = _teams.CardsSent();
        cards.Where(c => c.Method == "PUT").Select(c => c.Conversation).Should().Contain(ChatOf(ComputingCoordinator),
            "the Computing Coordinator's card still follows the request");
        cards.Should().Contain(c => c.Method == "POST" && c.Conversation == ChatOf(DeputyHead));
        _fixture.NotificationsAbout(request.Reference).Select(n => n.Recipient).Should().Equal([ComputingCoordinator, DeputyHead],
            "the next approver is notified; the refused notification is not tried again");
        (await _teams.OutboxAsync(_fixture.SiteRequests, request.Id)).Should().ContainSingle().Which.Dead.Should().BeTrue(
            "the given-up row is kept for an administrator, and it is the only one left");
    }

    [Fact]
    public async Task A_refused_notification_to_a_DSL_does_not_hold_up_the_next_one_to_them()
    {
        _fixture.Graph.AnswerNext(NotificationPath, 400, "BadRequest", message: "Invalid request.");
        var concern = await _teams.ReportAsync();
        var refused = (await _teams.OutboxAsync(_fixture.Incidents, concern.Id)).Should().ContainSingle().Subject;
        refused.Dead.Should().BeTrue();
        var refusedDsl = refused.UserAadObjectId!;
        var (other, otherName) = refusedDsl == Dsl ? (DeputyDsl, "Dee Deputy") : (Dsl, "Dana DSL");

        var card = await _teams.DecideAsync(concern.InboxCard, Verbs.IncidentAcknowledge, other, otherName);
        await _teams.DecideAsync(card, Verbs.IncidentAssign, other, otherName, (InputIds.AssignTo, refusedDsl));

        var toRefused = _fixture.NotificationsAbout(concern.Reference).Where(n => n.Recipient == refusedDsl).Select(n => n.ActivityType);
        toRefused.Should().Equal([ActivityTypes.IncidentReported, ActivityTypes.IncidentAssigned],
            "the refused notification is tried once, and the next one to the same person goes");
        (await _teams.OutboxAsync(_fixture.Incidents, concern.Id)).Should().ContainSingle().Which.Should().BeEquivalentTo(refused,
            o => o.Including(r => r.RowKey).Including(r => r.Dead), "only the given-up row is left");
    }
}
