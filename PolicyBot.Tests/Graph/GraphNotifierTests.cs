using PolicyBot.Graph;
using PolicyBot.Tests.Infrastructure;

namespace PolicyBot.Tests.Graph;

public sealed class GraphNotifierTests : IClassFixture<GraphStandIn>, IAsyncLifetime
{
    const string Recipient = "8d2f6a1e-3b4c-4d5e-8f60-718293a4b5c6";
    const string Sender = "policybot@oak.sch.uk";
    const string BotAppId = "0b7e5c1d-4a2f-4e8b-9c3d-6f1a2b3c4d5e";
    const string NotificationPath = "/teamwork/sendActivityNotification";

    static readonly Uri ChatLink = TeamsDeepLink.ChatWithBot(BotAppId);

    readonly GraphStandIn _graph;
    GraphTestHost _host = null!;

    public GraphNotifierTests(GraphStandIn graph)
    {
        _graph = graph;
        _graph.Reset();
        _graph.AddUser(new GraphStandIn.StandInUser(Recipient, "Sam Teacher", "sam.teacher@oak.sch.uk"));
    }

    public async Task InitializeAsync() => _host = await GraphTestHost.StartAsync(GraphTestHost.StandInSettings(_graph), _graph);

    public async Task DisposeAsync() => await _host.DisposeAsync();

    static ActivityNotification SiteApprovalWaiting() => ActivityNotification.ApprovalRequested(
        NotificationReference.Parse("SR-2026-0007"), "Sam Teacher", "Purple Mash", ChatLink, preview: "Year 4 coding lessons");

    static ActivityNotification ConcernReported() =>
        ActivityNotification.IncidentReported(NotificationReference.Parse("INC-2026-0042"), ChatLink);

    [Fact]
    public async Task Notification_is_posted_with_the_documented_body_and_a_bearer_token_from_the_token_endpoint()
    {
        var result = await _host.Notifier.SendActivityNotificationAsync(Recipient, SiteApprovalWaiting());

        result.Should().Be(NotificationResult.Sent);
        result.Delivered.Should().BeTrue();

        var tokenRequest = _graph.RequestsTo("/oauth2/v2.0/token").Should().ContainSingle().Subject;
        tokenRequest.Method.Should().Be("POST");
        tokenRequest.Path.Should().Be($"/{GraphStandIn.TenantId}/oauth2/v2.0/token");
        tokenRequest.Form["grant_type"].Should().Be("client_credentials");
        tokenRequest.Form["client_id"].Should().Be(GraphStandIn.ClientId);
        tokenRequest.Form["scope"].Should().Be("https://graph.microsoft.com/.default");

        var sent = _graph.RequestsTo(NotificationPath).Should().ContainSingle().Subject;
        sent.Method.Should().Be("POST");
        sent.Path.Should().Be($"/v1.0/users/{Recipient}/teamwork/sendActivityNotification");
        sent.Headers["Content-Type"].Should().StartWith("application/json");
        sent.Headers["Authorization"].Should().Be("Bearer " + _graph.IssuedTokens.Should().ContainSingle().Subject);

        var body = sent.Json;
        body["topic"]!["source"]!.GetValue<string>().Should().Be("text");
        body["topic"]!["value"]!.GetValue<string>().Should().Be("SR-2026-0007");
        body["topic"]!["webUrl"]!.GetValue<string>().Should().Be($"https://teams.microsoft.com/l/chat/0/0?users=28:{BotAppId}");
        body["activityType"]!.GetValue<string>().Should().Be("approvalRequested");
        body["previewText"]!["content"]!.GetValue<string>().Should().Be("Year 4 coding lessons");
        body["templateParameters"]!.AsArray().Select(p => (p!["name"]!.GetValue<string>(), p["value"]!.GetValue<string>()))
            .Should().Equal(("requester", "Sam Teacher"), ("siteName", "Purple Mash"));
    }

    [Fact]
    public async Task The_token_is_reused_for_later_notifications()
    {
        await _host.Notifier.SendActivityNotificationAsync(Recipient, SiteApprovalWaiting());
        await _host.Notifier.SendActivityNotificationAsync(Recipient, ConcernReported());

        _graph.RequestsTo("/oauth2/v2.0/token").Should().ContainSingle();
        _graph.RequestsTo(NotificationPath).Should().HaveCount(2)
            .And.OnlyContain(r => r.Headers["Authorization"] == "Bearer " + _graph.IssuedTokens.Single());
    }

    [Fact]
    public async Task A_concern_notification_carries_the_reference_and_nothing_else()
    {
        var result = await _host.Notifier.SendActivityNotificationAsync(Recipient, ConcernReported());

        result.Outcome.Should().Be(NotificationOutcome.Sent);
        var body = _graph.RequestsTo(NotificationPath).Single().Json;
        body["activityType"]!.GetValue<string>().Should().Be("incidentReported");
        body["topic"]!["value"]!.GetValue<string>().Should().Be("INC-2026-0042");
        body["previewText"]!["content"]!.GetValue<string>().Should().Be("New concern reported: INC-2026-0042");
        body["templateParameters"]!.AsArray().Select(p => (p!["name"]!.GetValue<string>(), p["value"]!.GetValue<string>()))
            .Should().Equal(("reference", "INC-2026-0042"));
    }

    [Fact]
    public async Task App_not_installed_for_the_recipient_falls_back_to_a_short_email_from_the_configured_mailbox()
    {
        _graph.AppNotInstalledFor(Recipient);
        var notification = ConcernReported();

        var result = await _host.Notifier.SendActivityNotificationAsync(Recipient, notification);

        result.Should().Be(NotificationResult.SentByMail);
        result.Delivered.Should().BeTrue();
        var lookup = _graph.RequestsTo($"/users/{Recipient}").Should().ContainSingle().Subject;
        lookup.Method.Should().Be("GET");
        Uri.UnescapeDataString(lookup.Query).Should().Contain("$select=id,displayName,mail");

        var mail = _graph.RequestsTo("/sendMail").Should().ContainSingle().Subject;
        mail.Path.Should().Be($"/v1.0/users/{Sender}/sendMail");
        mail.Headers["Authorization"].Should().StartWith("Bearer standin.");
        var message = mail.Json["message"]!;
        message["subject"]!.GetValue<string>().Should().Be("PolicyBot: New concern reported: INC-2026-0042");
        message["body"]!["contentType"]!.GetValue<string>().Should().Be("text");
        var text = message["body"]!["content"]!.GetValue<string>();
        text.Should().Be(NotificationMail.Body(notification));
        text.Should().Contain("INC-2026-0042").And.Contain(ChatLink.ToString());
        message["toRecipients"]!.AsArray().Should().ContainSingle()
            .Which!["emailAddress"]!["address"]!.GetValue<string>().Should().Be("sam.teacher@oak.sch.uk");
        mail.Json["saveToSentItems"]!.GetValue<bool>().Should().BeTrue();
    }

    [Fact]
    public async Task App_not_installed_without_a_mail_sender_sends_no_email_and_says_not_installed()
    {
        await using var noMail = await GraphTestHost.StartAsync(GraphTestHost.StandInSettings(_graph, mailSender: ""), _graph);
        _graph.AppNotInstalledFor(Recipient);

        var result = await noMail.Notifier.SendActivityNotificationAsync(Recipient, SiteApprovalWaiting());

        result.Outcome.Should().Be(NotificationOutcome.NotInstalled);
        result.Delivered.Should().BeFalse();
        result.Retryable.Should().BeFalse();
        result.Reason.Should().Contain("Graph:MailSender");
        _graph.RequestsTo("/sendMail").Should().BeEmpty();
        _graph.RequestsTo($"/users/{Recipient}").Should().BeEmpty();
    }

    [Fact]
    public async Task App_not_installed_for_someone_without_a_mailbox_is_not_installed_and_not_retried()
    {
        _graph.AddUser(new GraphStandIn.StandInUser(Recipient, "Sam Teacher", Mail: null));
        _graph.AppNotInstalledFor(Recipient);

        var result = await _host.Notifier.SendActivityNotificationAsync(Recipient, SiteApprovalWaiting());

        result.Outcome.Should().Be(NotificationOutcome.NotInstalled);
        result.Reason.Should().Contain("no mailbox");
        _graph.RequestsTo("/sendMail").Should().BeEmpty();
    }

    [Fact]
    public async Task A_missing_TeamsActivity_grant_is_a_failure_not_a_reason_to_email()
    {
        _graph.AnswerNext(NotificationPath, 403, "Forbidden",
            message: "Missing role permissions on the request. API requires one of 'TeamsActivity.Send, TeamsActivity.Send.User'. Roles on the request ''.");

        var result = await _host.Notifier.SendActivityNotificationAsync(Recipient, SiteApprovalWaiting());

        result.Outcome.Should().Be(NotificationOutcome.Failed);
        result.Retryable.Should().BeFalse();
        result.Reason.Should().Be("Graph answered 403 (Forbidden)");
        _graph.RequestsTo("/sendMail").Should().BeEmpty();
    }

    [Fact]
    public async Task A_throttled_notification_waits_for_Retry_After_and_then_is_sent()
    {
        _graph.AnswerNext(NotificationPath, 429, "TooManyRequests", retryAfter: "1");

        var result = await _host.Notifier.SendActivityNotificationAsync(Recipient, SiteApprovalWaiting());

        result.Should().Be(NotificationResult.Sent);
        var attempts = _graph.RequestsTo(NotificationPath);
        attempts.Should().HaveCount(2);
        attempts[0].Headers.Should().NotContainKey("Retry-Attempt");
        attempts[1].Headers["Retry-Attempt"].Should().Be("1");
        attempts[1].Body.Should().Be(attempts[0].Body);
        // Retry-After: 1 means the second attempt cannot come sooner than a second after the first.
        attempts[1].Since(attempts[0]).Should().BeGreaterThanOrEqualTo(TimeSpan.FromMilliseconds(950));
    }

    [Fact]
    public async Task An_unavailable_Graph_is_retried_and_the_notification_sent()
    {
        _graph.AnswerNext(NotificationPath, 503, "ServiceUnavailable", times: 2);

        var result = await _host.Notifier.SendActivityNotificationAsync(Recipient, SiteApprovalWaiting());

        result.Should().Be(NotificationResult.Sent);
        _graph.RequestsTo(NotificationPath).Select(r => r.Headers.GetValueOrDefault("Retry-Attempt")).Should().Equal(null, "1", "2");
    }

    [Fact]
    public async Task Server_errors_that_persist_end_in_a_retryable_failure_after_the_bounded_retries()
    {
        _graph.AlwaysAnswer(NotificationPath, 500, "generalException");

        var result = await _host.Notifier.SendActivityNotificationAsync(Recipient, ConcernReported());

        result.Outcome.Should().Be(NotificationOutcome.Failed);
        result.Retryable.Should().BeTrue();
        result.Reason.Should().Contain("500");
        // Graph:MaxRetries is 2 in these settings: the first attempt and two retries, then the outbox's turn.
        _graph.RequestsTo(NotificationPath).Should().HaveCount(3);
    }

    [Fact]
    public async Task A_Retry_After_longer_than_the_allowed_wait_is_handed_back_to_the_caller()
    {
        _graph.AnswerNext(NotificationPath, 429, "TooManyRequests", retryAfter: "120");

        var result = await _host.Notifier.SendActivityNotificationAsync(Recipient, SiteApprovalWaiting());

        result.Outcome.Should().Be(NotificationOutcome.Failed);
        result.Retryable.Should().BeTrue();
        result.RetryAfter.Should().Be(TimeSpan.FromSeconds(120));
        _graph.RequestsTo(NotificationPath).Should().ContainSingle();
    }

    [Fact]
    public async Task A_bad_request_is_not_retried()
    {
        _graph.AnswerNext(NotificationPath, 400, "BadRequest", message: "Invalid activity type.");

        var result = await _host.Notifier.SendActivityNotificationAsync(Recipient, SiteApprovalWaiting());

        result.Should().Be(NotificationResult.Failed("Graph answered 400 (BadRequest)", retryable: false));
        _graph.RequestsTo(NotificationPath).Should().ContainSingle();
    }

    [Fact]
    public async Task A_wrong_client_secret_is_a_retryable_failure_and_Graph_is_not_called()
    {
        var settings = GraphTestHost.StandInSettings(_graph);
        settings["Graph:ClientSecret"] = "not-the-secret";
        await using var wrongSecret = await GraphTestHost.StartAsync(settings, _graph);

        var result = await wrongSecret.Notifier.SendActivityNotificationAsync(Recipient, SiteApprovalWaiting());

        result.Outcome.Should().Be(NotificationOutcome.Failed);
        result.Retryable.Should().BeTrue();
        result.Reason.Should().Contain("token");
        _graph.RequestsTo("/oauth2/v2.0/token").Should().NotBeEmpty();
        _graph.RequestsTo(NotificationPath).Should().BeEmpty();
    }

    [Fact]
    public async Task Logs_name_the_type_and_reference_but_never_the_preview_the_recipient_or_the_token()
    {
        _graph.AppNotInstalledFor(Recipient);
        const string colleague = "1a2b3c4d-5e6f-4708-9a1b-2c3d4e5f6a7b";
        await _host.Notifier.SendActivityNotificationAsync(Recipient, ConcernReported());
        await _host.Notifier.SendActivityNotificationAsync(colleague, SiteApprovalWaiting());

        var graphLines = _host.Logs.Lines.Where(l => l.Category.StartsWith("PolicyBot.Graph", StringComparison.Ordinal)).ToList();
        graphLines.Select(l => l.Message).Should().Contain(
            "Activity notification incidentReported INC-2026-0042: app not installed for the recipient, sent by e-mail instead",
            "Activity notification approvalRequested SR-2026-0007 sent");
        var everything = string.Join("\n", _host.Logs.Lines.Select(l => l.Message + " " + l.Exception));
        everything.Should().NotContain("Year 4 coding lessons")
            .And.NotContain("New concern reported")
            .And.NotContain(GraphStandIn.ClientSecret);
        foreach (var token in _graph.IssuedTokens)
            everything.Should().NotContain(token);
        graphLines.Select(l => l.Message).Should().NotContain(m => m.Contains(Recipient) || m.Contains(colleague));
    }
}
