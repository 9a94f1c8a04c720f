using PolicyBot.Cards;
using PolicyBot.Graph;
using static PolicyBot.Tests.Features.NotificationsInTeamsFixture;

namespace PolicyBot.Tests.Features.SiteApproval;

/// <summary>
/// The activity-feed notifications a site request causes, as Microsoft Graph (the local stand-in) receives them from the
/// real app with the demo school's chain (Computing Coordinator → Deputy Head → Headteacher): each approver when their
/// turn comes, the requester when it is decided, each with an activity type the Teams app manifest declares.
/// </summary>
public sealed class SiteApprovalNotificationTests : IClassFixture<NotificationsInTeamsFixture>
{
    readonly NotificationsInTeamsFixture _fixture;
    readonly TeamsWorkflows _teams;

    public SiteApprovalNotificationTests(NotificationsInTeamsFixture fixture)
    {
        _fixture = fixture;
        _teams = new TeamsWorkflows(fixture);
        fixture.Connector.Clear();
    }

    static void ShouldBeDeclaredAndAbout(SentNotification sent, string reference)
    {
        DeclaredActivityTypes().Should().Contain(sent.ActivityType, "Teams refuses an activity type the manifest does not declare");
        sent.TopicSource.Should().Be("text");
        sent.Topic.Should().Be(reference);
        sent.WebUrl.Should().Be(TeamsDeepLink.ChatWithBot(AppId).ToString(), "a click opens the chat with the bot, where the card is");
    }

    /// <summary>Delivers the outbox; returns the notifications about the request that Graph received in that delivery.</summary>
    async Task<List<SentNotification>> DeliveredAsync(string reference)
    {
        var before = _fixture.NotificationsAbout(reference).Count;
        _fixture.Connector.Clear();
        await _fixture.DispatchAsync();
        return _fixture.NotificationsAbout(reference).Skip(before).ToList();
    }

    static SentNotification ApprovalRequestedOf(List<SentNotification> sent, string approver, string reference)
    {
        var notification = sent.Should().ContainSingle("only the approvers of the step whose turn has come").Subject;
        notification.Recipient.Should().Be(approver);
        notification.ActivityType.Should().Be(ActivityTypes.ApprovalRequested);
        notification.Parameters.Should().Equal(new Dictionary<string, string> { ["requester"] = TeamsWorkflows.RequesterName, ["siteName"] = TeamsWorkflows.SiteSummary });
        notification.Preview.Should().Be($"{TeamsWorkflows.RequesterName} asked you to approve {TeamsWorkflows.SiteSummary}");
        ShouldBeDeclaredAndAbout(notification, reference);
        return notification;
    }

    [Fact]
    public async Task Each_approver_is_notified_when_their_turn_comes_and_the_requester_when_it_is_approved()
    {
        var request = await _teams.SubmitSiteRequestAsync();

        ApprovalRequestedOf(await DeliveredAsync(request.Reference), ComputingCoordinator, request.Reference);
        await _teams.DecideSiteAsync(_teams.CardPostedTo(ComputingCoordinator), Verbs.SiteApprove, ComputingCoordinator, "Casey Computing");
        ApprovalRequestedOf(await DeliveredAsync(request.Reference), DeputyHead, request.Reference);
        await _teams.DecideSiteAsync(_teams.CardPostedTo(DeputyHead), Verbs.SiteApprove, DeputyHead, "Dee Deputy");
        ApprovalRequestedOf(await DeliveredAsync(request.Reference), Headteacher, request.Reference);
        await _teams.DecideSiteAsync(_teams.CardPostedTo(Headteacher), Verbs.SiteApprove, Headteacher, "Hana Head");

        var decided = (await DeliveredAsync(request.Reference)).Should().ContainSingle().Subject;
        decided.Recipient.Should().Be(TeamsWorkflows.Requester);
        decided.ActivityType.Should().Be(ActivityTypes.ApprovalDecided);
        decided.Parameters.Should().Equal(new Dictionary<string, string> { ["siteName"] = TeamsWorkflows.SiteSummary, ["decision"] = "approved" });
        decided.Preview.Should().Be($"Your request for {TeamsWorkflows.SiteSummary} was approved");
        ShouldBeDeclaredAndAbout(decided, request.Reference);
    }

    [Fact]
    public async Task A_rejection_notifies_the_requester_and_nobody_further_down_the_chain()
    {
        var request = await _teams.SubmitSiteRequestAsync();
        ApprovalRequestedOf(await DeliveredAsync(request.Reference), ComputingCoordinator, request.Reference);

        await _teams.DecideSiteAsync(_teams.CardPostedTo(ComputingCoordinator), Verbs.SiteReject, ComputingCoordinator, "Casey Computing");

        var decided = (await DeliveredAsync(request.Reference)).Should().ContainSingle("the Deputy Head and the Headteacher have nothing to do").Subject;
        decided.Recipient.Should().Be(TeamsWorkflows.Requester);
        decided.ActivityType.Should().Be(ActivityTypes.ApprovalDecided);
        decided.Parameters["decision"].Should().Be("rejected");
        ShouldBeDeclaredAndAbout(decided, request.Reference);
        _fixture.NotificationsAbout(request.Reference).Select(n => n.Recipient).Should().NotContain([DeputyHead, Headteacher]);
    }
}
