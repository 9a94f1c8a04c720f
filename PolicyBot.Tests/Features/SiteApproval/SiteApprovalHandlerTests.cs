using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using PolicyBot.BotFramework.Schema;
using PolicyBot.Cards;
using Microsoft.Extensions.DependencyInjection;
using PolicyBot.Cards.SiteApproval;
using PolicyBot.Schools;
using PolicyBot.Features;
using PolicyBot.Features.SiteApproval;
using PolicyBot.Storage.Tables;
using PolicyBot.Tests.Features.PolicyQuestions;
using PolicyBot.Tests.Infrastructure;
using PolicyBot.Tests.Storage.Tables;
using PolicyBot.Workflow;
using static PolicyBot.Tests.Features.PolicyQuestions.AskCards;

namespace PolicyBot.Tests.Features.SiteApproval;

/// <summary>
/// Site approval in Teams through the real app and the demo school (schools/oakfield-primary.yaml): its chain is
/// Computing Coordinator → Deputy Head → Headteacher, one person each. The requester is the test user, who holds no role.
/// </summary>
public abstract class SiteApprovalInTeams
{
    protected const string School = "oakfield-primary";
    protected const string Head = "10000000-0000-4000-8000-000000000001";
    protected const string Deputy = "10000000-0000-4000-8000-000000000002";
    protected const string Computing = "10000000-0000-4000-8000-000000000003";
    protected const string Dsl = "10000000-0000-4000-8000-000000000004";
    protected const string Requester = TestActivities.UserAadObjectId;
    protected const string RequesterChat = TestActivities.PersonalConversationId;

    protected AskInTeamsFixture Fixture { get; }
    protected LocalConnector Connector { get; }

    protected SiteApprovalInTeams(AskInTeamsFixture fixture)
    {
        Fixture = fixture;
        Connector = fixture.Connector;
        Connector.Clear();
    }

    protected TableClient Requests => Fixture.Table(SiteRequestEntity.TableName);

    protected static string ChatOf(string aadObjectId) => "a:1chat-" + aadObjectId[^1];

    /// <summary>The bot is installed for the chain's people and the requester: their 1:1 chats are known.</summary>
    protected async Task InstalledAsync()
    {
        foreach (var (id, chat) in new[] { (Head, ChatOf(Head)), (Deputy, ChatOf(Deputy)), (Computing, ChatOf(Computing)), (Requester, RequesterChat) })
        {
            await Fixture.Conversations.SaveAsync(new ConversationReference
            {
                ChannelId = "msteams",
                ServiceUrl = Connector.ServiceUrl,
                User = new ChannelAccount { Id = "29:" + id, AadObjectId = id },
                Conversation = new ConversationAccount { Id = chat, ConversationType = "personal" },
            }, id);
        }
    }

    protected static Activity As(Activity activity, string aadObjectId, string name)
    {
        activity.From = new ChannelAccount { Id = "29:" + aadObjectId, Name = name, AadObjectId = aadObjectId };
        return activity;
    }

    /// <summary>A button pressed by <paramref name="aadObjectId"/> on a card in their own 1:1 chat.</summary>
    protected Task<(HttpStatusCode Status, JsonElement Body)> InvokeAsync(string verb, object data, string aadObjectId = Requester, string name = "Alex Wilber", string replyToId = "card-activity-1") =>
        Fixture.PostAsync(InOwnChat(As(TestActivities.CardAction(Connector.ServiceUrl, verb, data, replyToId), aadObjectId, name)));

    protected static Activity InOwnChat(Activity activity)
    {
        if (activity.From!.AadObjectId != Requester)
            activity.Conversation!.Id = ChatOf(activity.From.AadObjectId!);
        return activity;
    }

    protected static JsonElement ShouldBeCard((HttpStatusCode Status, JsonElement Body) response)
    {
        response.Status.Should().Be(HttpStatusCode.OK, response.Body.ToString());
        response.Body.GetProperty("statusCode").GetInt32().Should().Be(200, response.Body.ToString());
        response.Body.GetProperty("type").GetString().Should().Be("application/vnd.microsoft.card.adaptive");
        return response.Body.GetProperty("value");
    }

    protected static string ShouldBeError((HttpStatusCode Status, JsonElement Body) response, int status)
    {
        response.Status.Should().Be(HttpStatusCode.OK, response.Body.ToString());
        response.Body.GetProperty("statusCode").GetInt32().Should().Be(status, response.Body.ToString());
        response.Body.GetProperty("type").GetString().Should().Be("application/vnd.microsoft.error");
        return response.Body.GetProperty("value").GetProperty("message").GetString()!;
    }

    protected static string ShouldBeMessage((HttpStatusCode Status, JsonElement Body) response)
    {
        response.Status.Should().Be(HttpStatusCode.OK, response.Body.ToString());
        response.Body.GetProperty("type").GetString().Should().Be("application/vnd.microsoft.activity.message");
        return response.Body.GetProperty("value").GetString()!;
    }

    protected static bool HasRefresh(JsonElement card) => card.TryGetProperty("refresh", out _);

    protected static JsonObject Merge(JsonElement data, IReadOnlyDictionary<string, string> inputs)
    {
        var merged = JsonNode.Parse(data.GetRawText())!.AsObject();
        foreach (var (key, value) in inputs)
            merged[key] = value;
        return merged;
    }

    protected static Dictionary<string, string> ValidAnswers(string purpose = "A weekly class blog so parents can see project work.") => new()
    {
        ["purpose"] = purpose,
        ["audience"] = "Parents and carers",
        ["platform"] = "Padlet",
        ["moderators"] = "Ravi Patel and Amy Lewis",
        ["privacySettings"] = "Private: invited members only",
        ["closureDate"] = DateTime.UtcNow.AddYears(1).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
    };

    /// <summary>Types the command in the 1:1 chat; returns the form card.</summary>
    protected async Task<JsonElement> FormAsync()
    {
        var (status, _) = await Fixture.PostAsync(TestActivities.Message(Connector.ServiceUrl, "new site request"));
        status.Should().Be(HttpStatusCode.OK);
        var reply = (await Connector.WaitForRequestsAsync(1)).Should().ContainSingle().Subject;
        reply.RawPath.Should().StartWith($"/v3/conversations/{Uri.EscapeDataString(RequesterChat)}/activities");
        Connector.Clear();
        return CardOf(reply.Json);
    }

    /// <summary>A request submitted from its own form message; returns its id and the card that replaced the form.</summary>
    protected async Task<(string Id, JsonElement Card)> SubmittedAsync(string purpose = "A weekly class blog so parents can see project work.")
    {
        await InstalledAsync();
        // What earlier tests left undelivered is not this test's business.
        await Fixture.DispatchAsync();
        Connector.Clear();
        var form = await FormAsync();
        var formMessage = "form-" + Guid.NewGuid().ToString("N");
        var card = ShouldBeCard(await InvokeAsync(Verbs.SiteSubmit, Merge(ActionData(form, Verbs.SiteSubmit)!.Value, ValidAnswers(purpose)), replyToId: formMessage));
        var id = ActionData(card, Verbs.SiteWithdraw)!.Value.GetProperty("id").GetString()!;
        return (id, card);
    }

    protected async Task<SiteRequestEntity> StoredAsync(string id) => (await Requests.GetEntityAsync<SiteRequestEntity>(id, WorkflowRows.State)).Value;

    /// <summary>Delivers the outbox; returns the cards posted (by conversation) and the updates (PUTs), then forgets them.</summary>
    protected async Task<(List<(string Conversation, JsonElement Card)> Posts, List<(string Path, JsonElement Card)> Updates)> DeliveredAsync()
    {
        await Fixture.DispatchAsync();
        var requests = Connector.Requests;
        Connector.Clear();
        var posts = requests.Where(r => r.Method == "POST" && r.RawPath.EndsWith("/activities", StringComparison.Ordinal))
            .Select(r => (Uri.UnescapeDataString(r.RawPath.Split('/')[3]), CardOf(r.Json))).ToList();
        var updates = requests.Where(r => r.Method == "PUT").Select(r => (Uri.UnescapeDataString(r.RawPath), CardOf(r.Json))).ToList();
        return (posts, updates);
    }

    /// <summary>Approves with the data of the card the approver has (their copy, or a fresh one from refresh).</summary>
    protected async Task<JsonElement> ApprovedAsync(JsonElement card, string by, string name, string? comment = null)
    {
        var inputs = comment is null ? new Dictionary<string, string>() : new Dictionary<string, string> { [InputIds.ApprovalComment] = comment };
        return ShouldBeCard(await InvokeAsync(Verbs.SiteApprove, Merge(ActionData(card, Verbs.SiteApprove)!.Value, inputs), by, name));
    }

}

/// <summary>Working through a site request in Teams: form, submit, decisions, stale clicks, withdrawal, refresh, forged data.</summary>
public sealed class SiteApprovalHandlerTests(AskInTeamsFixture fixture) : SiteApprovalInTeams(fixture), IClassFixture<AskInTeamsFixture>
{
    [Fact]
    public async Task The_command_sends_the_schools_own_form()
    {
        var form = await FormAsync();

        var json = form.GetRawText();
        foreach (var field in new[] { "purpose", "audience", "platform", "moderators", "privacySettings", "closureDate" })
            json.Should().Contain($"\"id\":\"{field}\"");
        Texts(form).Should().Contain("Oakfield Primary School").And.Contain("Send for approval");
        ActionData(form, Verbs.SiteSubmit)!.Value.GetProperty("school").GetString().Should().Be(School);
    }

    [Fact]
    public async Task In_a_channel_the_form_goes_to_the_persons_own_chat_and_the_thread_gets_a_short_reply()
    {
        await InstalledAsync();

        var (status, _) = await Fixture.PostAsync(TestActivities.ChannelMention(Connector.ServiceUrl, "new site request"));

        status.Should().Be(HttpStatusCode.OK);
        var requests = await Connector.WaitForRequestsAsync(2);
        var toChat = requests.Should().ContainSingle(r => r.RawPath.StartsWith($"/v3/conversations/{Uri.EscapeDataString(RequesterChat)}/", StringComparison.Ordinal)).Subject;
        ActionData(CardOf(toChat.Json), Verbs.SiteSubmit).Should().NotBeNull("the form is in the 1:1 chat");
        var inThread = requests.Should().ContainSingle(r => r.RawPath.StartsWith($"/v3/conversations/{Uri.EscapeDataString(TestActivities.ChannelThreadId)}/", StringComparison.Ordinal)).Subject;
        inThread.Json.TryGetProperty("attachments", out _).Should().BeFalse("no form is posted in the channel");
        inThread.Json.GetProperty("text").GetString().Should().Be(PrivateChat.SentPrivatelyText);
    }

    [Fact]
    public async Task Request_a_site_pressed_on_a_card_posts_the_form_and_leaves_that_card_alone()
    {
        var response = await InvokeAsync(Verbs.SiteNew, new { school = School });

        ShouldBeMessage(response).Should().Contain("form");
        var post = (await Connector.WaitForRequestsAsync(1)).Should().ContainSingle().Subject;
        ActionData(CardOf(post.Json), Verbs.SiteSubmit).Should().NotBeNull();
    }

    [Fact]
    public async Task A_submit_with_a_missing_required_field_gives_the_form_back_with_the_values_and_the_problem()
    {
        var form = await FormAsync();
        var answers = ValidAnswers();
        answers.Remove("moderators");
        var before = await Requests.QueryAsync<SiteRequestEntity>(TableClient.CreateQueryFilter($"RowKey eq {WorkflowRows.State}")).ToListAsync();

        var card = ShouldBeCard(await InvokeAsync(Verbs.SiteSubmit, Merge(ActionData(form, Verbs.SiteSubmit)!.Value, answers)));

        Texts(card).Should().Contain("Please fill in: Who will moderate it");
        var json = card.GetRawText();
        json.Should().Contain("A weekly class blog so parents can see project work.").And.Contain("\"value\":\"Padlet\"");
        ActionData(card, Verbs.SiteSubmit).Should().NotBeNull("it is the form again");
        (await Requests.QueryAsync<SiteRequestEntity>(TableClient.CreateQueryFilter($"RowKey eq {WorkflowRows.State}")).ToListAsync())
            .Should().HaveCount(before.Count, "nothing is stored");
        (await Fixture.DispatchAsync()).Should().Be(0);
    }

    [Fact]
    public async Task A_tampered_choice_or_an_oversized_answer_is_refused_by_the_server()
    {
        var form = await FormAsync();
        var data = ActionData(form, Verbs.SiteSubmit)!.Value;
        var tampered = ValidAnswers();
        tampered["platform"] = "<script>alert(1)</script>";
        var huge = ValidAnswers(purpose: new string('x', 100_000));

        Texts(ShouldBeCard(await InvokeAsync(Verbs.SiteSubmit, Merge(data, tampered)))).Should().Contain("Platform: please choose one of the options.");
        Texts(ShouldBeCard(await InvokeAsync(Verbs.SiteSubmit, Merge(data, huge)))).Should().Contain("Purpose: please keep it to 2000 characters");
    }

    [Fact]
    public async Task A_valid_submit_becomes_the_requesters_live_card_and_reaches_the_first_approver()
    {
        var (id, card) = await SubmittedAsync();

        Texts(card).Should().Contain("Waiting for approval").And.Contain("Step 1 of 3").And.Contain("Padlet").And.Contain("Alex Wilber");
        ActionData(card, Verbs.SiteApprove).Should().BeNull("the requester cannot approve");
        var stored = await StoredAsync(id);
        stored.Reference.Should().MatchRegex(@"^SITE-\d{4}-\d{4}$");
        stored.RequestedBy.Should().Be(Requester);
        stored.State.Should().Be(SiteRequestState.Pending);
        var audit = await Requests.QueryAsync<AuditEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {id}") + " and " + WorkflowRows.StartingWith(WorkflowRows.AuditPrefix)).ToListAsync();
        audit.Should().ContainSingle().Which.Action.Should().Be("submitted");

        var (posts, _) = await DeliveredAsync();

        var toComputing = posts.Should().ContainSingle().Subject;
        toComputing.Conversation.Should().Be(ChatOf(Computing));
        Texts(toComputing.Card).Should().Contain(stored.Reference).And.Contain("Computing Coordinator");
        ActionData(toComputing.Card, Verbs.SiteApprove).Should().NotBeNull("the first approver has their buttons");
        var copies = await Requests.QueryAsync<CardCopyEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {id}") + " and " + WorkflowRows.StartingWith(WorkflowRows.CopyPrefix)).ToListAsync();
        copies.Select(c => c.ConversationId).Should().BeEquivalentTo([RequesterChat, ChatOf(Computing)]);
        copies.Single(c => c.ConversationId == RequesterChat).ActivityId.Should().StartWith("form-", "the form message became the requester's copy");
    }

    [Fact]
    public async Task The_same_form_sent_twice_makes_one_request()
    {
        await InstalledAsync();
        var form = await FormAsync();
        var data = Merge(ActionData(form, Verbs.SiteSubmit)!.Value, ValidAnswers());

        var first = ShouldBeCard(await InvokeAsync(Verbs.SiteSubmit, data, replyToId: "the-one-form"));
        var second = ShouldBeCard(await InvokeAsync(Verbs.SiteSubmit, data, replyToId: "the-one-form"));

        var id = ActionData(first, Verbs.SiteWithdraw)!.Value.GetProperty("id").GetString()!;
        ActionData(second, Verbs.SiteWithdraw)!.Value.GetProperty("id").GetString().Should().Be(id);
        (await Fixture.DispatchAsync()).Should().Be(1, "one card to the first approver");
    }

    [Theory]
    [InlineData(Deputy, "isn't your turn")]
    [InlineData(Head, "isn't your turn")]
    [InlineData(Dsl, "its approvers")]
    [InlineData(Requester, "your own request")]
    public async Task Approval_by_someone_whose_turn_it_is_not_is_refused_and_nothing_changes(string who, string why)
    {
        var (id, _) = await SubmittedAsync();
        var (posts, _) = await DeliveredAsync();
        var approve = ActionData(posts.Single().Card, Verbs.SiteApprove)!.Value;

        var message = ShouldBeError(await InvokeAsync(Verbs.SiteApprove, approve, who, "Someone"), 403);
        ShouldBeError(await InvokeAsync(Verbs.SiteReject, Merge(approve, new Dictionary<string, string> { [InputIds.RejectionReason] = "No." }), who, "Someone"), 403);

        message.Should().Contain(why);
        var stored = await StoredAsync(id);
        stored.Revision.Should().Be(1);
        stored.ToRecord().Steps[0].Decisions.Should().BeEmpty();
        (await Fixture.DispatchAsync()).Should().Be(0);
    }

    [Fact]
    public async Task The_chain_runs_to_approval_every_copy_follows_and_the_requester_is_told()
    {
        var (id, _) = await SubmittedAsync();
        var (atComputing, _) = await DeliveredAsync();

        var afterComputing = await ApprovedAsync(atComputing.Single().Card, Computing, "Casey Computing", "Padlet is on our approved list.");

        Texts(afterComputing).Should().Contain("Step 2 of 3").And.Contain("Casey Computing").And.Contain("Padlet is on our approved list.");
        ActionData(afterComputing, Verbs.SiteApprove).Should().BeNull("their step is done");
        var (atDeputy, updates) = await DeliveredAsync();
        atDeputy.Should().ContainSingle().Which.Conversation.Should().Be(ChatOf(Deputy));
        updates.Select(u => u.Path.Split("/activities/")[0]).Should().BeEquivalentTo([$"/v3/conversations/{RequesterChat}", $"/v3/conversations/{ChatOf(Computing)}"]);
        updates.Should().OnlyContain(u => Texts(u.Card).Contains("Step 2 of 3"));

        var afterDeputy = await ApprovedAsync(atDeputy.Single().Card, Deputy, "Dee Deputy");
        var (atHead, _) = await DeliveredAsync();
        atHead.Should().ContainSingle().Which.Conversation.Should().Be(ChatOf(Head));
        Texts(afterDeputy).Should().Contain("Step 3 of 3");

        var approved = await ApprovedAsync(atHead.Single().Card, Head, "Hana Head");

        Texts(approved).Should().Contain("Approved").And.NotContain("Waiting for approval");
        var stored = await StoredAsync(id);
        stored.State.Should().Be(SiteRequestState.Approved);
        stored.PendingSince.Should().BeNull();
        var (outcome, finalUpdates) = await DeliveredAsync();
        var told = outcome.Should().ContainSingle().Subject;
        told.Conversation.Should().Be(RequesterChat);
        Texts(told.Card).Should().Contain("Approved").And.Contain("Hana Head").And.Contain(stored.Reference);
        finalUpdates.Should().HaveCount(4, "the requester's copy and each approver's").And.OnlyContain(u => Texts(u.Card).Contains("Approved"));
        finalUpdates.Should().OnlyContain(u => !HasRefresh(u.Card), "a finished request needs no per-person view");
        var audit = await Requests.QueryAsync<AuditEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {id}") + " and " + WorkflowRows.StartingWith(WorkflowRows.AuditPrefix)).ToListAsync();
        audit.Select(a => a.Action).Should().BeEquivalentTo(["submitted", "approved", "approved", "approved"]);
    }

    [Fact]
    public async Task A_rejection_needs_a_reason_ends_the_request_and_the_requester_is_told_why()
    {
        var (id, _) = await SubmittedAsync();
        var (atComputing, _) = await DeliveredAsync();
        var reject = ActionData(atComputing.Single().Card, Verbs.SiteReject)!.Value;

        ShouldBeError(await InvokeAsync(Verbs.SiteReject, Merge(reject, new Dictionary<string, string> { [InputIds.RejectionReason] = "   " }), Computing, "Casey"), 400);
        (await StoredAsync(id)).State.Should().Be(SiteRequestState.Pending);

        var rejected = ShouldBeCard(await InvokeAsync(Verbs.SiteReject,
            Merge(reject, new Dictionary<string, string> { [InputIds.RejectionReason] = "Padlet walls are public by default." }), Computing, "Casey Computing"));

        Texts(rejected).Should().Contain("Rejected").And.Contain("Padlet walls are public by default.").And.Contain("not needed");
        (await StoredAsync(id)).State.Should().Be(SiteRequestState.Rejected);
        var (posts, updates) = await DeliveredAsync();
        var told = posts.Should().ContainSingle().Subject;
        told.Conversation.Should().Be(RequesterChat);
        Texts(told.Card).Should().Contain("Padlet walls are public by default.");
        updates.Should().HaveCount(2).And.OnlyContain(u => Texts(u.Card).Contains("Rejected"));
    }

    [Fact]
    public async Task A_click_on_a_stale_card_answers_with_the_current_card_and_decides_nothing()
    {
        var (id, _) = await SubmittedAsync();
        var (atComputing, _) = await DeliveredAsync();
        var staleCard = atComputing.Single().Card;
        await ApprovedAsync(staleCard, Computing, "Casey Computing");
        await DeliveredAsync();

        // The same button again (a second device that was not updated yet), and the Deputy pressing a copy of that old card.
        var again = ShouldBeCard(await InvokeAsync(Verbs.SiteApprove, ActionData(staleCard, Verbs.SiteApprove)!.Value, Computing, "Casey Computing"));
        var deputyOnOld = ShouldBeCard(await InvokeAsync(Verbs.SiteReject,
            Merge(ActionData(staleCard, Verbs.SiteReject)!.Value, new Dictionary<string, string> { [InputIds.RejectionReason] = "No." }), Deputy, "Dee Deputy"));

        Texts(again).Should().Contain("approved").And.Contain("Casey Computing").And.Contain("Step 2 of 3");
        Texts(deputyOnOld).Should().Contain("Step 2 of 3");
        ActionData(deputyOnOld, Verbs.SiteApprove).Should().NotBeNull("the current card shows the Deputy their own buttons");
        var stored = await StoredAsync(id);
        stored.Revision.Should().Be(2);
        stored.State.Should().Be(SiteRequestState.Pending);
        stored.ToRecord().Steps[1].Decisions.Should().BeEmpty();
        (await Fixture.DispatchAsync()).Should().Be(0);
    }

    [Fact]
    public async Task The_requester_may_withdraw_a_pending_request_and_nobody_else_may()
    {
        var (id, card) = await SubmittedAsync();
        await DeliveredAsync();
        var withdraw = ActionData(card, Verbs.SiteWithdraw)!.Value;

        ShouldBeError(await InvokeAsync(Verbs.SiteWithdraw, withdraw, Computing, "Casey"), 403).Should().Contain("Only the person who made the request");
        var withdrawn = ShouldBeCard(await InvokeAsync(Verbs.SiteWithdraw, withdraw));

        Texts(withdrawn).Should().Contain("Withdrawn");
        ActionData(withdrawn, Verbs.SiteWithdraw).Should().BeNull();
        (await StoredAsync(id)).State.Should().Be(SiteRequestState.Withdrawn);
        var (_, updates) = await DeliveredAsync();
        updates.Should().HaveCount(2).And.OnlyContain(u => Texts(u.Card).Contains("Withdrawn"));
    }

    [Fact]
    public async Task Refresh_gives_each_person_involved_their_own_view_and_nobody_else_any()
    {
        var (id, card) = await SubmittedAsync();
        var refresh = card.GetProperty("refresh").GetProperty("action").GetProperty("data");
        card.GetProperty("refresh").GetProperty("userIds").EnumerateArray().Select(u => u.GetString())
            .Should().BeEquivalentTo([Requester, Computing, Deputy, Head]);

        var computingView = ShouldBeCard(await InvokeAsync(Verbs.Refresh, refresh, Computing, "Casey"));
        var requesterView = ShouldBeCard(await InvokeAsync(Verbs.Refresh, refresh));
        var headView = ShouldBeCard(await InvokeAsync(Verbs.Refresh, refresh, Head, "Hana"));
        var outsider = ShouldBeError(await InvokeAsync(Verbs.Refresh, refresh, Dsl, "Dana"), 403);

        ActionData(computingView, Verbs.SiteApprove).Should().NotBeNull();
        ActionData(requesterView, Verbs.SiteWithdraw).Should().NotBeNull();
        ActionData(requesterView, Verbs.SiteApprove).Should().BeNull();
        ActionData(headView, Verbs.SiteApprove).Should().BeNull("not their turn yet");
        ActionData(headView, Verbs.SiteWithdraw).Should().BeNull();
        outsider.Should().Contain("only shown to the person who made it and its approvers");
        (await StoredAsync(id)).Revision.Should().Be(1);
    }

    public static TheoryData<string, string, int> ForgedActions => new()
    {
        { Verbs.SiteApprove, """{"id":"site-not-a-guid","school":"oakfield-primary","version":"1"}""", 400 },
        { Verbs.SiteApprove, """{"id":"site-../../SiteRequests#x?","school":"oakfield-primary","version":"1"}""", 400 },
        { Verbs.SiteApprove, """{"id":"../x","school":"oakfield-primary","version":"1"}""", 400 },
        { Verbs.SiteApprove, """{"school":"oakfield-primary","version":"1"}""", 400 },
        { Verbs.SiteApprove, """{"id":"site-0123456789abcdef0123456789abcdef","school":"oakfield-primary","version":"1"}""", 404 },
        { Verbs.SiteReject, """{"id":"site-0123456789abcdef0123456789abcdef","school":"oakfield-primary","version":"1"}""", 404 },
        { Verbs.SiteWithdraw, """{"id":"site-0123456789abcdef0123456789abcdef","school":"oakfield-primary"}""", 404 },
        { Verbs.SiteShow, """{"id":"site-0123456789abcdef0123456789abcdef","school":"oakfield-primary"}""", 404 },
        { Verbs.Refresh, """{"id":"site-0123456789abcdef0123456789abcdef","school":"oakfield-primary"}""", 404 },
        { Verbs.Refresh, """{"id":"site-x","school":"oakfield-primary"}""", 400 },
        { Verbs.SiteApprove, """{"id":"REQUEST","school":"another-school","version":"1"}""", 404 },
        { Verbs.SiteApprove, """{"id":"REQUEST","school":"oakfield-primary"}""", 400 },
        { Verbs.SiteApprove, """{"id":"REQUEST","school":"oakfield-primary","version":{"x":1}}""", 400 },
        { Verbs.SiteApprove, """{"id":"REQUEST","school":"oakfield-primary","version":"1","approvalComment":"COMMENT"}""", 400 },
    };

    [Theory]
    [MemberData(nameof(ForgedActions))]
    public async Task Forged_or_unknown_card_data_is_answered_with_a_clear_4xx_and_changes_nothing(string verb, string data, int status)
    {
        var (id, _) = await SubmittedAsync();
        await DeliveredAsync();
        using var json = JsonDocument.Parse(data.Replace("REQUEST", id, StringComparison.Ordinal).Replace("COMMENT", new string('x', 600), StringComparison.Ordinal));

        var message = ShouldBeError(await InvokeAsync(verb, json.RootElement.Clone(), Computing, "Casey"), status);

        message.Should().NotBeNullOrWhiteSpace();
        (await StoredAsync(id)).Revision.Should().Be(1);
        (await Fixture.DispatchAsync()).Should().Be(0);
    }
}

/// <summary>The lists ("pending approvals", "my requests"), with an app of their own so other tests' requests do not crowd them.</summary>
public sealed class SiteApprovalListTests(AskInTeamsFixture fixture) : SiteApprovalInTeams(fixture), IClassFixture<AskInTeamsFixture>
{
    [Fact]
    public async Task Pending_approvals_lists_what_waits_for_this_person_and_open_sends_the_live_card()
    {
        var (id, _) = await SubmittedAsync(purpose: "Pending list check " + Guid.NewGuid().ToString("N")[..6]);
        await DeliveredAsync();
        var reference = (await StoredAsync(id)).Reference;
        var copyFilter = TableClient.CreateQueryFilter($"PartitionKey eq {id}") + " and " + WorkflowRows.StartingWith(WorkflowRows.CopyPrefix);
        var delivered = (await Requests.QueryAsync<CardCopyEntity>(copyFilter).ToListAsync()).Single(c => c.ConversationId == ChatOf(Computing));

        await Fixture.PostAsync(InOwnChat(As(TestActivities.Message(Connector.ServiceUrl, "pending approvals"), Computing, "Casey")));
        var list = CardOf((await Connector.WaitForRequestsAsync(1)).Single().Json);
        Connector.Clear();
        await Fixture.PostAsync(InOwnChat(As(TestActivities.Message(Connector.ServiceUrl, "pending approvals"), Deputy, "Dee")));
        var deputyList = CardOf((await Connector.WaitForRequestsAsync(1)).Single().Json);
        Connector.Clear();

        Texts(list).Should().Contain(reference).And.Contain("as Computing Coordinator").And.Contain("Alex Wilber");
        Texts(deputyList).Should().NotContain(reference, "it is not the Deputy's turn yet");
        var open = JsonSerializer.SerializeToElement(new { id, school = School });

        ShouldBeMessage(await InvokeAsync(Verbs.SiteShow, open, Computing, "Casey")).Should().Contain(reference);
        ShouldBeError(await InvokeAsync(Verbs.SiteShow, open, Dsl, "Dana"), 403);

        var shown = (await Connector.WaitForRequestsAsync(1)).Should().ContainSingle(r => r.Method == "POST").Subject;
        ActionData(CardOf(shown.Json), Verbs.SiteApprove).Should().NotBeNull("opened by the approver whose turn it is");
        shown.RawPath.Should().StartWith($"/v3/conversations/{Uri.EscapeDataString(ChatOf(Computing))}/");
        var opened = (await Requests.QueryAsync<CardCopyEntity>(copyFilter).ToListAsync()).Single(c => c.ConversationId == ChatOf(Computing));
        opened.ActivityId.Should().NotBe(delivered.ActivityId, "the opened card is now the one kept up to date in that chat");
        var outOfDate = Connector.Requests.Should().ContainSingle(r => r.Method == "PUT").Subject;
        outOfDate.RawPath.Should().EndWith("/" + Uri.EscapeDataString(delivered.ActivityId));
        Texts(CardOf(outOfDate.Json)).Should().Contain("out of date").And.NotContain(reference);
    }

    [Fact]
    public async Task Typing_my_requests_lists_the_persons_site_requests_newest_first_and_their_reports_by_reference_only()
    {
        var (first, _) = await SubmittedAsync(purpose: "Older request");
        var (second, _) = await SubmittedAsync(purpose: "Newer request");
        await DeliveredAsync();
        var (older, newer) = ((await StoredAsync(first)).Reference, (await StoredAsync(second)).Reference);

        // A concern reported by the same person: "my requests" shows it too, by reference and status only.
        await Fixture.PostAsync(TestActivities.Message(Connector.ServiceUrl, "report a concern"));
        var form = CardOf((await Connector.WaitForRequestsAsync(1)).Single().Json);
        Connector.Clear();
        const string Detail = "Unique detail 7f3a that only the DSL team may read";
        var receipt = ShouldBeCard(await InvokeAsync(Verbs.IncidentSubmit, Merge(ActionData(form, Verbs.IncidentSubmit)!.Value, new Dictionary<string, string>
        {
            [InputIds.IncidentCategory] = nameof(PolicyBot.Cards.Incidents.IncidentCategory.OnlineAbuseOfStaff),
            [InputIds.IncidentWhat] = Detail,
            [InputIds.IncidentUrgent] = "false",
        }), replyToId: "form-" + Guid.NewGuid().ToString("N")));
        var incidentReference = System.Text.RegularExpressions.Regex.Match(Texts(receipt), @"INC-\d{4}-\d{4}").Value;
        incidentReference.Should().NotBeEmpty();

        await Fixture.PostAsync(TestActivities.Message(Connector.ServiceUrl, "my requests"));
        var reply = (await Connector.WaitForRequestsAsync(1)).Should().ContainSingle().Subject;
        Connector.Clear();

        reply.RawPath.Should().StartWith($"/v3/conversations/{Uri.EscapeDataString(RequesterChat)}/activities");
        var texts = Texts(CardOf(reply.Json));
        texts.Should().Contain(older).And.Contain(newer).And.Contain("waiting for Computing Coordinator").And.Contain("Padlet: Older request");
        texts.IndexOf(newer, StringComparison.Ordinal).Should().BeLessThan(texts.IndexOf(older, StringComparison.Ordinal));
        texts.Should().Contain(incidentReference);
        reply.Body.Should().NotContain("7f3a", "the reporter's own list shows a reference and a status, never the details");

        // Typed in a channel, the list goes to the person's 1:1 chat: colleagues never learn that they reported anything.
        await InstalledAsync();
        await Fixture.PostAsync(TestActivities.ChannelMention(Connector.ServiceUrl, "my requests"));
        var sent = Connector.Requests;
        Connector.Clear();
        var inChannel = sent.Should().ContainSingle(r => r.RawPath.Contains(Uri.EscapeDataString("19:general-channel"), StringComparison.Ordinal)).Subject;
        inChannel.Body.Should().NotContain(incidentReference).And.NotContain("attachments");
        sent.Should().ContainSingle(r => r.RawPath.StartsWith($"/v3/conversations/{Uri.EscapeDataString(RequesterChat)}/activities", StringComparison.Ordinal))
            .Subject.Body.Should().Contain(incidentReference);
    }
}
