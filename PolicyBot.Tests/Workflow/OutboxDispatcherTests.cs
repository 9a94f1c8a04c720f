using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using PolicyBot.Bot;
using PolicyBot.BotFramework;
using PolicyBot.BotFramework.Connector;
using PolicyBot.BotFramework.Schema;
using PolicyBot.Graph;
using PolicyBot.Storage.Tables;
using PolicyBot.Storage.Tables.Embedded;
using PolicyBot.Tests.Infrastructure;
using PolicyBot.Tests.Storage.Tables.Embedded;
using PolicyBot.Workflow;
using static PolicyBot.Tests.Workflow.WorkflowTestRows;

namespace PolicyBot.Tests.Workflow;

/// <summary>
/// The outbox dispatcher against a real table store (embedded and Azurite) and the stand-in Connector: delivery, copies,
/// order, retries, dead rows and several dispatchers at once.
/// </summary>
public abstract class OutboxDispatcherTests : IAsyncLifetime
{
    protected abstract TableServiceClient Service { get; }

    protected TableClient Table { get; private set; } = null!;
    protected LocalConnector Connector { get; private set; } = null!;
    protected ManualTimeProvider Clock { get; } = new();
    protected InMemoryConversationReferenceStore Conversations { get; } = new();

    public async Task InitializeAsync()
    {
        Connector = await LocalConnector.StartAsync();
        Table = Service.GetTableClient(NewTableName());
        await Table.CreateIfNotExistsAsync();
    }

    public async Task DisposeAsync()
    {
        await Connector.DisposeAsync();
        await Table.DeleteAsync();
    }

    /// <summary>A dispatcher as the host builds it; the Connector client does not retry by itself, so each failure reaches the outbox.</summary>
    protected OutboxDispatcher NewDispatcher(TableServiceClient? service = null, WorkflowOptions? options = null, ITeamsNotifier? notifier = null)
    {
        var workflow = options ?? new WorkflowOptions();
        workflow.DefaultServiceUrl = Connector.ServiceUrl;
        var botOptions = new BotOptions { ConnectorMaxRetries = 0 };
        var connector = new ConnectorClient(new HttpClient(), botOptions, null, Clock, NullLogger.Instance);
        var messenger = new ProactiveMessenger(connector, Conversations, Options.Create(botOptions), Options.Create(workflow));
        return new OutboxDispatcher(service ?? Service, [new OutboxTable(Table.Name)], messenger,
            notifier ?? new NotConfiguredTeamsNotifier(NullLogger<NotConfiguredTeamsNotifier>.Instance), new OutboxSignal(),
            Options.Create(workflow), Clock, NullLogger<OutboxDispatcher>.Instance);
    }

    protected Task SendAsync(string partition, params OutboxMessage[] messages) =>
        new WorkflowTransaction(partition, Clock.GetUtcNow()).Audit("user-1", "Alex", "acted").Send(messages).SubmitAsync(Table);

    protected OutboxMessage ToChatHere(string marker, string conversationId = "a:1chat", bool trackCopy = false) =>
        new OutboxMessage.CardToConversation(TenantId, conversationId, Connector.ServiceUrl, Card(marker), trackCopy);

    /// <summary>The marker text of every card the stand-in received, in arrival order.</summary>
    protected IReadOnlyList<string> PostedMarkers() =>
        Connector.Requests.Where(r => r.Method == "POST" && r.RawPath.EndsWith("/activities", StringComparison.Ordinal))
            .Select(r => r.Json.GetProperty("attachments")[0].GetProperty("content").GetProperty("body")[0].GetProperty("text").GetString()!)
            .ToList();

    static string Escaped(string id) => ConnectorClient.Escape(id);

    [Fact]
    public async Task A_card_to_someone_the_bot_never_talked_to_creates_their_chat_by_object_id_then_posts_it()
    {
        await new WorkflowTransaction("ask-1", Clock.GetUtcNow()).Create(new StepState())
            .Send(new OutboxMessage.CardToUser(TenantId, "user-2", Card("hello"), TrackCopy: true)).SubmitAsync(Table);

        var delivered = await NewDispatcher().DispatchOnceAsync();

        delivered.Should().Be(1);
        var requests = Connector.Requests;
        requests.Should().HaveCount(2);
        requests[0].Method.Should().Be("POST");
        requests[0].RawPath.Should().Be("/v3/conversations");
        var create = requests[0].Json;
        create.GetProperty("members").EnumerateArray().Select(m => m.GetProperty("id").GetString()).Should().Equal("user-2");
        create.GetProperty("channelData").GetProperty("tenant").GetProperty("id").GetString().Should().Be(TenantId);
        requests[1].Method.Should().Be("POST");
        requests[1].RawPath.Should().Be($"/v3/conversations/{Escaped(LocalConnector.CreatedConversationId)}/activities");
        PostedMarkers().Should().Equal("hello");
        var copy = (await CopiesAsync(Table, "ask-1")).Should().ContainSingle().Subject;
        copy.ConversationId.Should().Be(LocalConnector.CreatedConversationId);
        copy.ActivityId.Should().Be("activity-2");
        copy.ServiceUrl.Should().Be(Connector.ServiceUrl);
        (await OutboxAsync(Table, "ask-1")).Should().BeEmpty();
        (await Conversations.GetForUserAsync("user-2"))!.Conversation!.Id.Should().Be(LocalConnector.CreatedConversationId, "the next card goes straight to the chat");
    }

    [Fact]
    public async Task A_card_to_someone_with_a_stored_chat_is_posted_there_without_creating_one()
    {
        await Conversations.SaveAsync(new ConversationReference
        {
            ServiceUrl = Connector.ServiceUrl,
            Conversation = new ConversationAccount { Id = "a:1known-chat" },
        }, "user-3");
        await SendAsync("ask-2", new OutboxMessage.CardToUser(TenantId, "user-3", Card("straight there")));

        await NewDispatcher().DispatchOnceAsync();

        Connector.Requests.Should().ContainSingle().Which.RawPath.Should().Be($"/v3/conversations/{Escaped("a:1known-chat")}/activities");
        (await CopiesAsync(Table, "ask-2")).Should().BeEmpty("the message did not ask for its copy to be tracked");
    }

    [Fact]
    public async Task Updating_card_copies_puts_the_new_card_on_every_copy()
    {
        await SendAsync("request-1", ToChatHere("v1", "19:dsl-inbox@thread.tacv2", trackCopy: true), ToChatHere("v1", "a:1chat-with-sam", trackCopy: true));
        var dispatcher = NewDispatcher();
        await dispatcher.DispatchOnceAsync();
        var copies = await CopiesAsync(Table, "request-1");
        copies.Should().HaveCount(2);
        Connector.Clear();

        await SendAsync("request-1", new OutboxMessage.UpdateCardCopies(Card("v2")));
        var delivered = await dispatcher.DispatchOnceAsync();

        delivered.Should().Be(1);
        var puts = Connector.Requests;
        puts.Should().OnlyContain(r => r.Method == "PUT");
        puts.Select(r => r.RawPath).Should().BeEquivalentTo(copies.Select(c => $"/v3/conversations/{Escaped(c.ConversationId)}/activities/{Escaped(c.ActivityId)}"));
        puts.Should().OnlyContain(r => r.Body.Contains("v2"));
        (await OutboxAsync(Table, "request-1")).Should().BeEmpty();
    }

    [Fact]
    public async Task An_update_with_an_audience_withdraws_the_copies_outside_it_once_and_then_leaves_them_alone()
    {
        foreach (var (user, chat) in new[] { ("user-kept", "a:1chat-kept"), ("user-gone", "a:1chat-gone") })
        {
            await Conversations.SaveAsync(new ConversationReference { ServiceUrl = Connector.ServiceUrl, Conversation = new ConversationAccount { Id = chat } }, user);
            Connector.SetMembers(chat, user);
        }
        Connector.SetMembers("19:only-them@thread.tacv2", "user-kept");
        Connector.SetMembers("19:others-too@thread.tacv2", "user-kept", "someone-else");
        await SendAsync("request-9",
            new OutboxMessage.CardToUser(TenantId, "user-kept", Card("v1"), TrackCopy: true),
            new OutboxMessage.CardToUser(TenantId, "user-gone", Card("v1"), TrackCopy: true),
            ToChatHere("v1", "19:only-them@thread.tacv2", trackCopy: true),
            ToChatHere("v1", "19:others-too@thread.tacv2", trackCopy: true));
        var dispatcher = NewDispatcher();
        await dispatcher.DispatchOnceAsync();
        (await CopiesAsync(Table, "request-9")).Where(c => c.OwnerAadObjectId is not null).Select(c => (c.OwnerAadObjectId, c.ConversationId))
            .Should().BeEquivalentTo([("user-kept", "a:1chat-kept"), ("user-gone", "a:1chat-gone")]);
        Connector.Clear();
        var audience = new OutboxMessage.CopyAudience(["USER-KEPT"], Card("withdrawn"));

        await SendAsync("request-9", new OutboxMessage.UpdateCardCopies(Card("v2 details"), audience));
        await dispatcher.DispatchOnceAsync();

        var shown = Connector.Requests.Where(r => r.Method == "PUT").ToDictionary(r => Uri.UnescapeDataString(r.RawPath.Split('/')[3]), r => r.Body);
        shown.Keys.Should().BeEquivalentTo(["a:1chat-kept", "19:only-them@thread.tacv2", "a:1chat-gone", "19:others-too@thread.tacv2"]);
        shown["a:1chat-kept"].Should().Contain("v2 details");
        shown["19:only-them@thread.tacv2"].Should().Contain("v2 details");
        shown["a:1chat-gone"].Should().Contain("withdrawn").And.NotContain("v2 details");
        shown["19:others-too@thread.tacv2"].Should().Contain("withdrawn").And.NotContain("v2 details");
        (await CopiesAsync(Table, "request-9")).Select(c => c.ConversationId).Should().BeEquivalentTo(["a:1chat-kept", "19:only-them@thread.tacv2"]);

        Connector.Clear();
        await SendAsync("request-9", new OutboxMessage.UpdateCardCopies(Card("v3 details"), audience));
        await dispatcher.DispatchOnceAsync();
        Connector.Requests.Select(r => Uri.UnescapeDataString(r.RawPath.Split('/')[3])).Should().BeEquivalentTo(["a:1chat-kept", "19:only-them@thread.tacv2"]);
    }

    [Fact]
    public async Task A_newer_card_in_a_chat_makes_the_older_one_out_of_date_and_only_the_newest_is_kept_and_withdrawn()
    {
        await Conversations.SaveAsync(new ConversationReference { ServiceUrl = Connector.ServiceUrl, Conversation = new ConversationAccount { Id = "a:1chat-gone" } }, "user-gone");
        await SendAsync("request-10", new OutboxMessage.CardToUser(TenantId, "user-gone", Card("first details"), TrackCopy: true));
        var dispatcher = NewDispatcher();
        await dispatcher.DispatchOnceAsync();
        var first = (await CopiesAsync(Table, "request-10")).Should().ContainSingle().Subject.ActivityId;
        Clock.Advance(TimeSpan.FromMilliseconds(1));
        Connector.Clear();

        await SendAsync("request-10", new OutboxMessage.CardToUser(TenantId, "user-gone", Card("reminder details"), TrackCopy: true));
        await dispatcher.DispatchOnceAsync();

        var superseded = Connector.Requests.Should().ContainSingle(r => r.Method == "PUT").Subject;
        superseded.RawPath.Should().EndWith("/" + Escaped(first));
        superseded.Body.Should().Contain("out of date").And.NotContain("details");
        var newest = (await CopiesAsync(Table, "request-10")).Should().ContainSingle().Subject.ActivityId;
        newest.Should().NotBe(first);
        Connector.Clear();

        await SendAsync("request-10", new OutboxMessage.UpdateCardCopies(Card("v2 details"), new OutboxMessage.CopyAudience(["someone-else"], Card("withdrawn"))));
        await dispatcher.DispatchOnceAsync();

        var withdrawn = Connector.Requests.Should().ContainSingle(r => r.Method == "PUT").Subject;
        withdrawn.RawPath.Should().EndWith("/" + Escaped(newest));
        withdrawn.Body.Should().Contain("withdrawn");
        (await CopiesAsync(Table, "request-10")).Should().BeEmpty();
    }

    [Fact]
    public async Task A_copy_recorded_without_an_owner_is_judged_by_who_is_in_its_chat()
    {
        // Rows written before copies recorded their owner: one in a chat of someone still in the audience, one not.
        foreach (var (chat, member) in new[] { ("a:1chat-old-kept", "user-kept"), ("a:1chat-old-gone", "user-gone") })
        {
            Connector.SetMembers(chat, member);
            await Table.AddEntityAsync(new CardCopyEntity
            {
                PartitionKey = "request-11", RowKey = WorkflowRows.CopyPrefix + chat, ConversationId = chat, ActivityId = "activity-old", ServiceUrl = Connector.ServiceUrl,
            });
        }

        await SendAsync("request-11", new OutboxMessage.UpdateCardCopies(Card("v2 details"), new OutboxMessage.CopyAudience(["user-kept"], Card("withdrawn"))));
        await NewDispatcher().DispatchOnceAsync();

        var shown = Connector.Requests.Where(r => r.Method == "PUT").ToDictionary(r => Uri.UnescapeDataString(r.RawPath.Split('/')[3]), r => r.Body);
        shown["a:1chat-old-kept"].Should().Contain("v2 details");
        shown["a:1chat-old-gone"].Should().Contain("withdrawn").And.NotContain("v2 details");
    }

    [Fact]
    public async Task A_member_list_that_cannot_be_read_leaves_that_copy_as_it_was_and_holds_up_nothing_after_it()
    {
        await Conversations.SaveAsync(new ConversationReference { ServiceUrl = Connector.ServiceUrl, Conversation = new ConversationAccount { Id = "a:1chat-kept" } }, "user-kept");
        Connector.SetMembers("19:only-them@thread.tacv2", "user-kept");
        await SendAsync("request-12", ToChatHere("v1", "19:only-them@thread.tacv2", trackCopy: true), new OutboxMessage.CardToUser(TenantId, "user-kept", Card("v1"), TrackCopy: true));
        var dispatcher = NewDispatcher();
        await dispatcher.DispatchOnceAsync();
        Connector.Clear();
        Connector.EnqueueMembersStatus(400);
        var audience = new OutboxMessage.CopyAudience(["user-kept"], Card("withdrawn"));

        await SendAsync("request-12", new OutboxMessage.UpdateCardCopies(Card("v2 details"), audience), ToChatHere("after it", "a:1someone-else"));
        await dispatcher.DispatchOnceAsync();

        Connector.Requests.Where(r => r.Method == "PUT").Select(r => Uri.UnescapeDataString(r.RawPath.Split('/')[3])).Should().Equal("a:1chat-kept");
        PostedMarkers().Should().Equal("after it");
        (await OutboxAsync(Table, "request-12")).Should().BeEmpty("nothing waits for a member list");
        (await CopiesAsync(Table, "request-12")).Select(c => c.ConversationId).Should().Contain("19:only-them@thread.tacv2", "not withdrawn on a failed read");

        // The next change reaches it.
        Connector.Clear();
        await SendAsync("request-12", new OutboxMessage.UpdateCardCopies(Card("v3 details"), audience));
        await dispatcher.DispatchOnceAsync();
        Connector.Requests.Where(r => r.Method == "PUT").Select(r => Uri.UnescapeDataString(r.RawPath.Split('/')[3]))
            .Should().BeEquivalentTo(["a:1chat-kept", "19:only-them@thread.tacv2"]);
    }

    [Theory]
    [InlineData("")]
    [InlineData("{\"continuationToken\":null}")]
    [InlineData("{\"members\":[]}")]
    [InlineData("not json")]
    public async Task A_member_list_that_is_empty_or_unreadable_never_lets_a_card_into_a_channel(string answer)
    {
        Connector.SetMembers("19:private@thread.tacv2", "member-1", "someone-else");
        Connector.EnqueueMembersAnswer(answer);
        await SendAsync("incident-3", new OutboxMessage.CardToConversation(TenantId, "19:private@thread.tacv2", Connector.ServiceUrl, Card("for the team"), OnlyIfMembersAmong: ["member-1"]));

        await NewDispatcher().DispatchOnceAsync();

        Connector.Requests.Should().BeEmpty();
        (await OutboxAsync(Table, "incident-3")).Should().ContainSingle().Which.LastError.Should().Contain("502");
    }

    [Fact]
    public async Task A_card_for_certain_people_is_posted_to_a_channel_only_when_everyone_on_every_page_of_its_members_is_one_of_them()
    {
        var team = Enumerable.Range(0, 520).Select(i => $"member-{i:D4}").ToArray();
        Connector.SetMembers("19:private@thread.tacv2", team);
        Connector.SetMembers("19:open@thread.tacv2", [.. team, "someone-else"]);
        await SendAsync("incident-1",
            new OutboxMessage.CardToConversation(TenantId, "19:private@thread.tacv2", Connector.ServiceUrl, Card("for the team"), OnlyIfMembersAmong: team),
            new OutboxMessage.CardToConversation(TenantId, "19:open@thread.tacv2", Connector.ServiceUrl, Card("for the team"), OnlyIfMembersAmong: team));

        await NewDispatcher().DispatchOnceAsync();

        Connector.Requests.Select(r => Uri.UnescapeDataString(r.RawPath.Split('/')[3])).Should().Equal("19:private@thread.tacv2");
        Connector.MemberRequests.Select(r => r.RawPath).Should().Contain(p => p.Contains("pageSize=500", StringComparison.Ordinal) && p.Contains("continuationToken=500", StringComparison.Ordinal),
            "the second page of 520 members was asked for");
        var refused = (await OutboxAsync(Table, "incident-1")).Should().ContainSingle().Subject;
        refused.Dead.Should().BeTrue("an open channel does not become private by waiting");
        refused.LastError.Should().Contain("1 member(s) outside");
    }

    [Fact]
    public async Task A_member_list_that_cannot_be_read_holds_the_card_back_for_a_retry()
    {
        Connector.SetMembers("19:private@thread.tacv2", "member-1");
        Connector.EnqueueMembersStatus(503);
        await SendAsync("incident-2", new OutboxMessage.CardToConversation(TenantId, "19:private@thread.tacv2", Connector.ServiceUrl, Card("for the team"), OnlyIfMembersAmong: ["member-1"]));
        var dispatcher = NewDispatcher();

        await dispatcher.DispatchOnceAsync();
        Connector.Requests.Should().BeEmpty("nothing is posted unchecked");
        Clock.Advance(TimeSpan.FromMinutes(5));
        await dispatcher.DispatchOnceAsync();

        Connector.Requests.Should().ContainSingle().Which.Body.Should().Contain("for the team");
        (await OutboxAsync(Table, "incident-2")).Should().BeEmpty();
    }

    [Fact]
    public async Task Rows_of_one_partition_are_delivered_in_the_order_they_were_written()
    {
        await SendAsync("request-2", ToChatHere("m0"), ToChatHere("m1"), ToChatHere("m2"));
        Clock.Advance(TimeSpan.FromMilliseconds(1));
        await SendAsync("request-2", ToChatHere("m3"), ToChatHere("m4"));

        var delivered = await NewDispatcher().DispatchOnceAsync();

        delivered.Should().Be(5);
        PostedMarkers().Should().Equal("m0", "m1", "m2", "m3", "m4");
    }

    [Theory]
    [InlineData(500)]
    [InlineData(429)]
    [InlineData(502)]
    public async Task A_failing_row_holds_back_the_rows_after_it_in_its_partition_but_not_other_partitions(int status)
    {
        await SendAsync("a-request", ToChatHere("a1"), ToChatHere("a2"));
        await SendAsync("b-request", ToChatHere("b1"));
        Connector.EnqueueStatus(status);
        var dispatcher = NewDispatcher();

        var delivered = await dispatcher.DispatchOnceAsync();

        delivered.Should().Be(1);
        PostedMarkers().Should().Equal("a1", "b1");
        var waiting = await OutboxAsync(Table, "a-request");
        waiting.Should().HaveCount(2);
        waiting[0].Attempts.Should().Be(1);
        waiting[0].LastError.Should().Contain(status.ToString(System.Globalization.CultureInfo.InvariantCulture));
        waiting[0].Dead.Should().BeFalse();
        waiting[0].NotBefore.Should().BeAfter(Clock.GetUtcNow());
        (await OutboxAsync(Table, "b-request")).Should().BeEmpty();
    }

    [Fact]
    public async Task One_recipients_failing_card_does_not_hold_up_another_recipients_card_in_the_same_partition()
    {
        await SendAsync("ask-many", ToChatHere("to-a-1", "a:1chat-a"), ToChatHere("to-b", "a:1chat-b"), ToChatHere("to-a-2", "a:1chat-a"));
        Connector.EnqueueStatus(503);
        var dispatcher = NewDispatcher();

        var delivered = await dispatcher.DispatchOnceAsync();

        delivered.Should().Be(1);
        PostedMarkers().Should().Equal("to-a-1", "to-b");
        var waiting = await OutboxAsync(Table, "ask-many");
        waiting.Should().HaveCount(2, "both of a's cards wait, in order, for a's chat");
    }

    [Fact]
    public async Task Updating_card_copies_waits_for_every_post_before_it()
    {
        await SendAsync("ask-copies", ToChatHere("post-a", "a:1chat-a", trackCopy: true), ToChatHere("post-b", "a:1chat-b", trackCopy: true),
            new OutboxMessage.UpdateCardCopies(Card("answered")));
        Connector.EnqueueStatus(503);
        var dispatcher = NewDispatcher();

        await dispatcher.DispatchOnceAsync();

        PostedMarkers().Should().Equal("post-a", "post-b");
        Connector.Requests.Should().NotContain(r => r.Method == "PUT", "the update must not run before a's copy exists");
        (await OutboxAsync(Table, "ask-copies")).Should().HaveCount(2);
    }

    /// <summary>Graph unavailable: every notification fails, and may succeed later.</summary>
    sealed class GraphAway : ITeamsNotifier
    {
        public Task<NotificationResult> SendActivityNotificationAsync(string userAadObjectId, ActivityNotification notification, CancellationToken cancellationToken = default) =>
            Task.FromResult(NotificationResult.Failed("Graph answered 503", retryable: true));

        public Task<NotificationResult> SendMailAsync(string userAadObjectId, ActivityNotification notification, CancellationToken cancellationToken = default) =>
            Task.FromResult(NotificationResult.Failed("Graph answered 503", retryable: true));
    }

    static OutboxMessage.Notify NotifyOf(string userId) => new(userId,
        ActivityNotification.ApprovalRequested(NotificationReference.Parse("SITE-2026-0001"), "Sam Teacher", "Padlet", TeamsDeepLink.ChatWithBot("policybot-app")));

    [Fact]
    public async Task A_notification_waiting_for_Graph_holds_up_neither_the_card_updates_nor_the_cards_after_it()
    {
        await SendAsync("site-1", ToChatHere("post-a", "a:1chat-a", trackCopy: true), NotifyOf("user-a"));
        var dispatcher = NewDispatcher(notifier: new GraphAway());
        await dispatcher.DispatchOnceAsync();
        Connector.Clear();
        Clock.Advance(TimeSpan.FromMilliseconds(1));
        await SendAsync("site-1", new OutboxMessage.UpdateCardCopies(Card("decided")), ToChatHere("post-b", "a:1chat-b"), NotifyOf("user-b"));

        await dispatcher.DispatchOnceAsync();

        Connector.Requests.Should().ContainSingle(r => r.Method == "PUT").Which.Body.Should().Contain("decided");
        PostedMarkers().Should().Equal("post-b");
        (await OutboxAsync(Table, "site-1")).Should().HaveCount(2).And.OnlyContain(r => r.Kind == OutboxKind.Notification && !r.Dead,
            "only the notifications wait for Graph");
    }

    sealed class CountingGraphAway : ITeamsNotifier
    {
        int _calls;
        public int Calls => _calls;

        public Task<NotificationResult> SendActivityNotificationAsync(string userAadObjectId, ActivityNotification notification, CancellationToken cancellationToken = default)
        {
            Interlocked.Increment(ref _calls);
            return Task.FromResult(NotificationResult.Failed("Graph answered 503", retryable: true));
        }

        public Task<NotificationResult> SendMailAsync(string userAadObjectId, ActivityNotification notification, CancellationToken cancellationToken = default) =>
            throw new NotSupportedException();
    }

    [Fact]
    public async Task Once_Graph_fails_in_a_pass_the_pass_asks_it_nothing_more_and_the_other_notifications_keep_their_attempts()
    {
        await SendAsync("site-2", NotifyOf("user-a"), NotifyOf("user-b"));
        await SendAsync("site-3", NotifyOf("user-c"), ToChatHere("card after", "a:1chat-c"));
        var graph = new CountingGraphAway();
        var dispatcher = NewDispatcher(notifier: graph);

        await dispatcher.DispatchOnceAsync();

        graph.Calls.Should().Be(1, "each call to an unavailable Graph can take its whole retry budget");
        PostedMarkers().Should().Equal("card after");
        var waiting = (await OutboxAsync(Table, "site-2")).Concat(await OutboxAsync(Table, "site-3")).ToList();
        waiting.Should().HaveCount(3).And.OnlyContain(r => r.Kind == OutboxKind.Notification && !r.Dead);
        waiting.Count(r => r.Attempts == 0).Should().Be(2, "the rows not tried were not counted as failed");

        Clock.Advance(TimeSpan.FromHours(1));
        await dispatcher.DispatchOnceAsync();
        graph.Calls.Should().Be(2, "the next pass tries Graph again, once while it is still away");
    }

    [Fact]
    public async Task A_failed_row_waits_for_its_backoff_and_is_then_delivered_before_the_rows_after_it()
    {
        await SendAsync("request-3", ToChatHere("first"), ToChatHere("second"));
        Connector.EnqueueStatus(503);
        var dispatcher = NewDispatcher();
        await dispatcher.DispatchOnceAsync();
        Connector.Clear();

        var tooSoon = await dispatcher.DispatchOnceAsync();
        Clock.Advance(TimeSpan.FromMinutes(1));
        var afterBackoff = await dispatcher.DispatchOnceAsync();

        tooSoon.Should().Be(0);
        afterBackoff.Should().Be(2);
        PostedMarkers().Should().Equal("first", "second");
        (await OutboxAsync(Table, "request-3")).Should().BeEmpty();
    }

    [Fact]
    public async Task A_403_from_the_connector_marks_the_row_dead_and_keeps_it()
    {
        await SendAsync("request-4", ToChatHere("refused"));
        Connector.EnqueueStatus(403);
        var dispatcher = NewDispatcher();

        var delivered = await dispatcher.DispatchOnceAsync();
        Clock.Advance(TimeSpan.FromHours(2));
        Connector.Clear();
        await dispatcher.DispatchOnceAsync();

        delivered.Should().Be(0);
        var row = (await OutboxAsync(Table, "request-4")).Should().ContainSingle("a dead row is kept for an administrator").Subject;
        row.Dead.Should().BeTrue();
        row.LastError.Should().Contain("403");
        Connector.Requests.Should().BeEmpty("a dead row is not tried again");
    }

    [Fact]
    public async Task A_card_that_is_given_up_is_replaced_by_its_fallback_to_the_person_who_should_know()
    {
        await new WorkflowTransaction("ask-9", Clock.GetUtcNow()).Create(new StepState())
            .Send(new OutboxMessage.CardToUser(TenantId, "user-2", Card("question"), TrackCopy: true,
                new OutboxMessage.Fallback("user-asker", Card("not delivered")))).SubmitAsync(Table);
        Connector.EnqueueStatus(403);
        var dispatcher = NewDispatcher();

        var first = await dispatcher.DispatchOnceAsync();
        var afterFirst = await OutboxAsync(Table, "ask-9");
        Connector.Clear();
        var second = await dispatcher.DispatchOnceAsync();

        first.Should().Be(0);
        afterFirst.Should().HaveCount(2, "the dead card is kept and its fallback is queued in the same transaction");
        afterFirst.Should().ContainSingle(r => r.Dead && r.UserAadObjectId == "user-2");
        afterFirst.Should().ContainSingle(r => !r.Dead && r.UserAadObjectId == "user-asker" && r.FallbackCardJson == null);
        second.Should().Be(1);
        Connector.Requests[0].Json.GetProperty("members")[0].GetProperty("id").GetString().Should().Be("user-asker");
        PostedMarkers().Should().Equal("not delivered");
        (await OutboxAsync(Table, "ask-9")).Should().ContainSingle().Which.Dead.Should().BeTrue();
    }

    [Fact]
    public async Task A_delivered_cards_fallback_is_never_sent()
    {
        await new WorkflowTransaction("ask-10", Clock.GetUtcNow()).Create(new StepState())
            .Send(new OutboxMessage.CardToUser(TenantId, "user-2", Card("question"), TrackCopy: false,
                new OutboxMessage.Fallback("user-asker", Card("not delivered")))).SubmitAsync(Table);
        var dispatcher = NewDispatcher();

        (await dispatcher.DispatchOnceAsync()).Should().Be(1);
        (await dispatcher.DispatchOnceAsync()).Should().Be(0);

        PostedMarkers().Should().Equal("question");
        (await OutboxAsync(Table, "ask-10")).Should().BeEmpty();
    }

    [Fact]
    public async Task A_malformed_row_is_marked_dead_and_does_not_stop_the_pass()
    {
        await SendAsync("a-request", new OutboxMessage.CardToConversation(TenantId, "a:1chat", "not a service url", Card("never")));
        await SendAsync("b-request", ToChatHere("delivered"));

        var delivered = await NewDispatcher().DispatchOnceAsync();

        delivered.Should().Be(1);
        PostedMarkers().Should().Equal("delivered");
        var row = (await OutboxAsync(Table, "a-request")).Single();
        row.Dead.Should().BeTrue();
        row.LastError.Should().Contain("malformed");
    }

    [Fact]
    public async Task A_row_that_keeps_failing_is_marked_dead_after_the_last_attempt()
    {
        await SendAsync("request-5", ToChatHere("never"));
        var dispatcher = NewDispatcher(options: new WorkflowOptions { MaxAttempts = 2, FirstRetryDelay = TimeSpan.FromSeconds(1) });
        Connector.EnqueueStatus(500);
        Connector.EnqueueStatus(500);

        await dispatcher.DispatchOnceAsync();
        var afterFirst = (await OutboxAsync(Table, "request-5")).Single();
        Clock.Advance(TimeSpan.FromMinutes(5));
        await dispatcher.DispatchOnceAsync();

        afterFirst.Dead.Should().BeFalse();
        var row = (await OutboxAsync(Table, "request-5")).Single();
        row.Attempts.Should().Be(2);
        row.Dead.Should().BeTrue();
    }

    [Fact]
    public async Task Two_dispatchers_running_at_once_deliver_each_message_exactly_once()
    {
        var expected = new List<string>();
        for (var p = 0; p < 6; p++)
        {
            var markers = Enumerable.Range(0, 3).Select(i => $"p{p}-m{i}").ToArray();
            expected.AddRange(markers);
            await SendAsync($"request-{p}", markers.Select(m => ToChatHere(m, $"a:1chat-{p}")).ToArray());
        }
        var first = NewDispatcher();
        var second = NewDispatcher();

        var together = await Task.WhenAll(first.DispatchOnceAsync(), second.DispatchOnceAsync(), first.DispatchOnceAsync(), second.DispatchOnceAsync());
        Clock.Advance(TimeSpan.FromMinutes(10));
        var afterClaimsExpire = await first.DispatchOnceAsync() + await second.DispatchOnceAsync();

        (together.Sum() + afterClaimsExpire).Should().Be(expected.Count);
        PostedMarkers().Should().BeEquivalentTo(expected, "every message once, none twice");
        for (var p = 0; p < 6; p++)
        {
            PostedMarkers().Where(m => m.StartsWith($"p{p}-", StringComparison.Ordinal)).Should().Equal($"p{p}-m0", $"p{p}-m1", $"p{p}-m2");
            (await OutboxAsync(Table, $"request-{p}")).Should().BeEmpty();
        }
    }
}

public sealed class EmbeddedOutboxDispatcherTests(TemporaryDatabase database) : OutboxDispatcherTests, IClassFixture<TemporaryDatabase>
{
    readonly TableServiceClient _service = new EmbeddedTableServiceClient(database.Path);

    protected override TableServiceClient Service => _service;
}

public sealed class AzuriteOutboxDispatcherTests(AzuriteFixture azurite) : OutboxDispatcherTests, IClassFixture<AzuriteFixture>
{
    readonly TableServiceClient _service = new(azurite.ConnectionString);

    protected override TableServiceClient Service => _service;

    [Fact]
    public async Task A_storage_outage_in_the_middle_of_a_pass_loses_no_message()
    {
        await using var proxy = new LoopbackTcpProxy(azurite.Port);
        var options = new TableClientOptions();
        options.Retry.MaxRetries = 0;
        var throughProxy = new TableServiceClient(azurite.ConnectionString.Replace($":{azurite.Port}/", $":{proxy.Port}/", StringComparison.Ordinal), options);
        var dispatcher = NewDispatcher(throughProxy);
        await SendAsync("request-9", ToChatHere("before the outage"), ToChatHere("after the outage"));
        // Storage goes away just as the first card reaches the Connector: it is sent, but cannot be marked delivered.
        Connector.Enqueue(async response =>
        {
            proxy.Cut();
            response.StatusCode = StatusCodes.Status201Created;
            await response.WriteAsJsonAsync(new { id = "activity-during-outage" });
        });

        try
        {
            await dispatcher.DispatchOnceAsync();
        }
        catch (Exception e) when (e is Azure.RequestFailedException or HttpRequestException or System.Net.Sockets.SocketException)
        {
            // The pass ends on the outage (as whichever of these the cut connection surfaces as); the background
            // service logs it and tries again later.
        }
        proxy.Restore();
        var stillWaiting = await OutboxAsync(Table, "request-9");
        Clock.Advance(new WorkflowOptions().ClaimDuration + TimeSpan.FromMinutes(1));
        await dispatcher.DispatchOnceAsync();

        stillWaiting.Should().HaveCount(2, "nothing is deleted that was not marked delivered");
        PostedMarkers().Should().Contain("after the outage").And.StartWith("before the outage");
        PostedMarkers().Count(m => m == "after the outage").Should().Be(1);
        PostedMarkers()[^1].Should().Be("after the outage", "order holds across the outage (the first may come twice: at least once)");
        (await OutboxAsync(Table, "request-9")).Should().BeEmpty();
    }
}
