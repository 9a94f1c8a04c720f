using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using PolicyBot.BotFramework.Schema;
using PolicyBot.Cards;
using PolicyBot.Cards.Ask;
using PolicyBot.Features.PolicyQuestions;
using PolicyBot.Storage.Tables;
using PolicyBot.Tests.Infrastructure;
using PolicyBot.Tests.Storage.Tables;
using PolicyBot.Workflow;
using static PolicyBot.Tests.Features.PolicyQuestions.AskCards;

namespace PolicyBot.Tests.Features.PolicyQuestions;

/// <summary>
/// Ask in Teams through the real app: a question gets an answer card from the demo school's policy, 👍/👎 is stored,
/// and "Ask a person" reaches the school's SLT, whose first reply goes back to the asker.
/// </summary>
public sealed class PolicyQuestionsHandlerTests : IClassFixture<AskInTeamsFixture>
{
    const string School = "oakfield-primary";
    const string SchoolName = "Oakfield Primary School";
    const string FriendRequest = "a parent sent me a friend request on facebook, can I accept?";
    // The demo school's SLT (schools/oakfield-primary.yaml) and someone outside it (the Computing Coordinator).
    static readonly string[] Slt = ["10000000-0000-4000-8000-000000000001", "10000000-0000-4000-8000-000000000002", "10000000-0000-4000-8000-000000000004"];
    const string NotSlt = "10000000-0000-4000-8000-000000000003";

    readonly AskInTeamsFixture _fixture;
    readonly LocalConnector _connector;

    public PolicyQuestionsHandlerTests(AskInTeamsFixture fixture)
    {
        _fixture = fixture;
        _connector = fixture.Connector;
        _connector.Clear();
    }

    TableClient Questions => _fixture.Table(QuestionEntity.TableName);
    TableClient AskPerson => _fixture.Table(AskPersonEntity.TableName);

    static string SltChat(string aadObjectId) => "a:1slt-chat-" + aadObjectId[^1];

    /// <summary>The bot is installed for each SLT member (as Teams admins do): their chats are known.</summary>
    async Task InstalledForSltAsync()
    {
        foreach (var id in Slt)
        {
            await _fixture.Conversations.SaveAsync(new ConversationReference
            {
                ChannelId = "msteams",
                ServiceUrl = _connector.ServiceUrl,
                User = new ChannelAccount { Id = "29:" + id, AadObjectId = id },
                Conversation = new ConversationAccount { Id = SltChat(id), ConversationType = "personal" },
            }, id);
        }
    }

    static Activity As(Activity activity, string aadObjectId, string name)
    {
        activity.From = new ChannelAccount { Id = "29:" + aadObjectId, Name = name, AadObjectId = aadObjectId };
        return activity;
    }

    async Task<(JsonElement Card, string QuestionId)> AskAsync(string question, string? activityId = null)
    {
        var (status, _) = await _fixture.PostAsync(TestActivities.Message(_connector.ServiceUrl, question, activityId));
        status.Should().Be(HttpStatusCode.OK);
        var reply = (await _connector.WaitForRequestsAsync(1)).Should().ContainSingle().Subject;
        reply.RawPath.Should().StartWith($"/v3/conversations/{Uri.EscapeDataString(TestActivities.PersonalConversationId)}/activities");
        var card = CardOf(reply.Json);
        var id = ActionData(card, Verbs.AnswerFeedback)!.Value.GetProperty("id").GetString()!;
        _connector.Clear();
        return (card, id);
    }

    Task<(HttpStatusCode Status, JsonElement Body)> InvokeAsync(string verb, object data, string? aadObjectId = null, string name = "Alex Wilber")
    {
        var activity = TestActivities.CardAction(_connector.ServiceUrl, verb, data);
        return _fixture.PostAsync(aadObjectId is null ? activity : As(activity, aadObjectId, name));
    }

    static void ShouldBeCard((HttpStatusCode Status, JsonElement Body) response)
    {
        response.Status.Should().Be(HttpStatusCode.OK, response.Body.ToString());
        response.Body.GetProperty("statusCode").GetInt32().Should().Be(200);
        response.Body.GetProperty("type").GetString().Should().Be("application/vnd.microsoft.card.adaptive");
    }

    static void ShouldBeError((HttpStatusCode Status, JsonElement Body) response, int status)
    {
        // As the SDK answers: HTTP 200, the refusal's own status in the body, which Teams reads.
        response.Status.Should().Be(HttpStatusCode.OK, response.Body.ToString());
        response.Body.GetProperty("statusCode").GetInt32().Should().Be(status);
        response.Body.GetProperty("type").GetString().Should().Be("application/vnd.microsoft.error");
        response.Body.GetProperty("value").GetProperty("message").GetString().Should().NotBeNullOrWhiteSpace();
    }

    Task<QuestionEntity> StoredAsync(string id) => Questions.GetEntityAsync<QuestionEntity>(School, id).ContinueWith(t => t.Result.Value);

    /// <summary>Asks, passes the question on, and delivers the cards to the SLT; returns the id and the card each SLT member got.</summary>
    async Task<(string QuestionId, IReadOnlyList<JsonElement> SltCards)> PassedOnAsync(string question)
    {
        await InstalledForSltAsync();
        var (card, id) = await AskAsync(question);
        ShouldBeCard(await InvokeAsync(Verbs.AnswerAskPerson, ActionData(card, Verbs.AnswerAskPerson)!.Value));
        await _fixture.DispatchAsync();
        var cards = _connector.Requests.Where(r => r.Method == "POST").Select(r => CardOf(r.Json)).ToList();
        _connector.Clear();
        return (id, cards);
    }

    /// <summary>What Action.Execute sends: the button's data with the card's inputs merged in.</summary>
    static JsonObject WithInput(JsonElement data, string inputId, string value)
    {
        var merged = JsonNode.Parse(data.GetRawText())!.AsObject();
        merged[inputId] = value;
        return merged;
    }

    [Fact]
    public async Task A_question_is_answered_with_a_card_showing_the_verdict_the_quoted_clause_and_the_school()
    {
        var (card, id) = await AskAsync(FriendRequest);

        var texts = Texts(card);
        texts.Should().Contain("Take care", "clause 3.1 advises against it");
        texts.Should().Contain("Clause 3.1").And.Contain(SchoolName);
        texts.Should().Contain("Staff are advised not to accept friend requests from parents or carers of current pupils.");
        var stored = await StoredAsync(id);
        stored.Question.Should().Be(FriendRequest);
        stored.Verdict.Should().Be("caution");
        stored.ClauseId.Should().Be("3.1");
        stored.AskedBy.Should().Be(TestActivities.UserAadObjectId);
        stored.Feedback.Should().Be(AnswerFeedback.None);
    }

    [Theory]
    [InlineData("how do I set up a class blog?", Verbs.SiteNew)]
    [InlineData("a pupil sent me a message on snapchat, what do I do?", Verbs.IncidentNew)]
    public async Task Where_it_fits_the_answer_offers_the_next_step_as_a_button(string question, string verb)
    {
        var (card, _) = await AskAsync(question);

        var offered = ActionData(card, verb);
        offered.Should().NotBeNull($"the answer to \"{question}\" should offer {verb}");
        offered!.Value.GetProperty("school").GetString().Should().Be(School);
    }

    [Fact]
    public async Task A_question_about_contact_with_a_parent_offers_neither_a_site_nor_a_report()
    {
        var (card, _) = await AskAsync(FriendRequest);

        ActionData(card, Verbs.SiteNew).Should().BeNull();
        ActionData(card, Verbs.IncidentNew).Should().BeNull();
    }

    [Fact]
    public async Task A_redelivered_question_is_answered_once()
    {
        var question = $"can I post photos of the school trip? ({Guid.NewGuid():N})";
        var activity = TestActivities.Message(_connector.ServiceUrl, question);

        var first = await _fixture.PostAsync(activity);
        var again = await _fixture.PostAsync(activity);

        first.Status.Should().Be(HttpStatusCode.OK);
        again.Status.Should().Be(HttpStatusCode.OK);
        _connector.Requests.Should().ContainSingle("Teams retried the same activity id");
        var stored = await Questions.QueryAsync<QuestionEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {School}")).ToListAsync();
        stored.Should().ContainSingle(q => q.Question == question);
    }

    [Fact]
    public async Task Thumbs_up_by_the_asker_updates_the_card_and_stores_the_feedback()
    {
        var (card, id) = await AskAsync(FriendRequest);
        var up = ActionData(card, Verbs.AnswerFeedback)!.Value;
        up.GetProperty("arg").GetString().Should().Be("up");

        var response = await InvokeAsync(Verbs.AnswerFeedback, up);

        ShouldBeCard(response);
        Texts(response.Body.GetProperty("value")).Should().Contain("Thanks — recorded").And.Contain("Clause 3.1");
        var stored = await StoredAsync(id);
        stored.Feedback.Should().Be(AnswerFeedback.Up);
        stored.FeedbackAt.Should().NotBeNull();
    }

    [Fact]
    public async Task Feedback_by_someone_other_than_the_asker_is_refused_and_nothing_is_stored()
    {
        var (card, id) = await AskAsync(FriendRequest);

        var response = await InvokeAsync(Verbs.AnswerFeedback, ActionData(card, Verbs.AnswerFeedback)!.Value, NotSlt, "Someone Else");

        ShouldBeError(response, 403);
        (await StoredAsync(id)).Feedback.Should().Be(AnswerFeedback.None);
    }

    public static TheoryData<string, string> TamperedActions => new()
    {
        { Verbs.AnswerFeedback, """{"id":"0123456789abcdef0123456789abcdef","school":"oakfield-primary","arg":"up"}""" },
        { Verbs.AnswerFeedback, """{"id":"../../Questions/x#y?","school":"oakfield-primary","arg":"up"}""" },
        { Verbs.AnswerFeedback, """{"id":"QUESTION","school":"another-school","arg":"up"}""" },
        { Verbs.AnswerFeedback, """{"id":"QUESTION","school":"oakfield-primary","arg":"sideways"}""" },
        { Verbs.AnswerFeedback, """{"id":"QUESTION","school":"oakfield-primary","arg":{"nested":true}}""" },
        { Verbs.AnswerFeedback, "\"just a string\"" },
        { Verbs.AnswerFeedback, "[1,2,3]" },
        { Verbs.AnswerFeedback, "{}" },
        { Verbs.AnswerAskPerson, """{"id":"QUESTION","school":"another-school"}""" },
        { Verbs.AnswerAskPerson, """{"id":"/\\#?","school":"oakfield-primary"}""" },
        { Verbs.AskPersonReply, """{"id":"../x","school":"oakfield-primary","replyText":"hi"}""" },
        { Verbs.AskPersonReply, """{"id":"0123456789abcdef0123456789abcdef","school":"oakfield-primary","replyText":"hi"}""" },
        { "answer.deleteEverything", """{"id":"QUESTION","school":"oakfield-primary"}""" },
    };

    [Theory]
    [MemberData(nameof(TamperedActions))]
    public async Task Tampered_card_data_is_answered_with_a_4xx_never_a_5xx(string verb, string data)
    {
        var (_, id) = await AskAsync(FriendRequest);
        using var json = JsonDocument.Parse(data.Replace("QUESTION", id, StringComparison.Ordinal));
        var fromSlt = verb == Verbs.AskPersonReply ? Slt[0] : null;

        var response = await InvokeAsync(verb, json.RootElement.Clone(), fromSlt, "Sam Head");

        response.Status.Should().Be(HttpStatusCode.OK, response.Body.ToString());
        response.Body.GetProperty("statusCode").GetInt32().Should().BeInRange(400, 499, response.Body.ToString());
        response.Body.GetProperty("type").GetString().Should().Be("application/vnd.microsoft.error");
        (await StoredAsync(id)).Feedback.Should().Be(AnswerFeedback.None);
        (await AskPerson.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {id}")).ToListAsync()).Should().BeEmpty();
    }

    [Fact]
    public async Task Ask_a_person_updates_the_answer_card_and_puts_a_card_in_each_slt_members_chat()
    {
        await InstalledForSltAsync();
        var question = "can I livestream the nativity play on my own instagram?";
        var (card, id) = await AskAsync(question);

        var response = await InvokeAsync(Verbs.AnswerAskPerson, ActionData(card, Verbs.AnswerAskPerson)!.Value);

        ShouldBeCard(response);
        var updated = response.Body.GetProperty("value");
        Texts(updated).Should().Contain("Passed to the senior leadership team");
        ActionData(updated, Verbs.AnswerAskPerson).Should().BeNull("the button becomes a note");
        (await StoredAsync(id)).PassedOnAt.Should().NotBeNull();
        var state = (await AskPerson.GetEntityAsync<AskPersonEntity>(id, WorkflowRows.State)).Value;
        state.State.Should().Be(AskPersonState.Open);
        state.AskedBy.Should().Be(TestActivities.UserAadObjectId);
        var outbox = await AskPerson.QueryAsync<OutboxEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {id}") + " and " + WorkflowRows.StartingWith(WorkflowRows.OutboxPrefix)).ToListAsync();
        outbox.Should().HaveCount(Slt.Length).And.OnlyContain(o => o.Kind == OutboxKind.CardToUser && o.TrackCopy);
        outbox.Select(o => o.UserAadObjectId).Should().BeEquivalentTo(Slt);

        var delivered = await _fixture.DispatchAsync();

        delivered.Should().Be(Slt.Length);
        var posts = _connector.Requests;
        posts.Select(p => p.RawPath).Should().BeEquivalentTo(Slt.Select(s => $"/v3/conversations/{Uri.EscapeDataString(SltChat(s))}/activities"));
        posts.Should().OnlyContain(p => Texts(CardOf(p.Json)).Contains(question) && Texts(CardOf(p.Json)).Contains("Alex Wilber"));
        posts.Select(p => ActionData(CardOf(p.Json), Verbs.AskPersonReply)).Should().OnlyContain(d => d != null);
        (await AskPerson.QueryAsync<CardCopyEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {id}") + " and " + WorkflowRows.StartingWith(WorkflowRows.CopyPrefix)).ToListAsync())
            .Select(c => c.ConversationId).Should().BeEquivalentTo(Slt.Select(SltChat));
    }

    [Fact]
    public async Task When_the_question_cannot_reach_someone_the_asker_is_told()
    {
        // Nobody in the SLT has a stored chat, so each card creates one; Teams refuses the first (the app is not installed for them).
        var (card, _) = await AskAsync("can I share a class photo on the school's tiktok?");
        ShouldBeCard(await InvokeAsync(Verbs.AnswerAskPerson, ActionData(card, Verbs.AnswerAskPerson)!.Value));
        _connector.EnqueueStatus(403);

        var reached = await _fixture.DispatchAsync();
        _connector.Clear();
        var told = await _fixture.DispatchAsync();

        reached.Should().Be(Slt.Length - 1);
        told.Should().Be(1);
        // In the asker's 1:1 chat: the one the bot knows for them, opened by their object id if it knew none.
        var note = _connector.Requests.Should().ContainSingle(r => r.Method == "POST" && r.RawPath.EndsWith("/activities", StringComparison.Ordinal)).Subject;
        var askersChat = (await _fixture.Conversations.GetForUserAsync(TestActivities.UserAadObjectId))!.Conversation!.Id!;
        note.RawPath.Should().Be($"/v3/conversations/{Uri.EscapeDataString(askersChat)}/activities");
        Texts(CardOf(note.Json)).Should().Contain("I couldn't pass that on").And.Contain($"did not reach one of the {Slt.Length} people");
        Texts(CardOf(note.Json)).Should().NotContain("tiktok", "the note says who it missed, not the question, in case it is misdirected");
    }

    [Fact]
    public async Task Ask_a_person_pressed_twice_passes_the_question_on_once()
    {
        await InstalledForSltAsync();
        var (card, id) = await AskAsync("can I use my own phone to take photos on a trip?");
        var data = ActionData(card, Verbs.AnswerAskPerson)!.Value;

        ShouldBeCard(await InvokeAsync(Verbs.AnswerAskPerson, data));
        var again = await InvokeAsync(Verbs.AnswerAskPerson, data);

        ShouldBeCard(again);
        Texts(again.Body.GetProperty("value")).Should().Contain("Passed to");
        (await _fixture.DispatchAsync()).Should().Be(Slt.Length);
    }

    [Fact]
    public async Task Ask_a_person_by_someone_other_than_the_asker_is_refused()
    {
        var (card, id) = await AskAsync(FriendRequest);

        var response = await InvokeAsync(Verbs.AnswerAskPerson, ActionData(card, Verbs.AnswerAskPerson)!.Value, Slt[0], "Sam Head");

        ShouldBeError(response, 403);
        (await AskPerson.GetEntityIfExistsAsync<AskPersonEntity>(id, WorkflowRows.State)).HasValue.Should().BeFalse();
    }

    [Fact]
    public async Task A_reply_from_an_slt_member_answers_reaches_the_asker_and_updates_every_copy()
    {
        var (id, sltCards) = await PassedOnAsync("may I accept a linkedin request from a former pupil who is now 19?");
        var replyData = ActionData(sltCards[0], Verbs.AskPersonReply)!.Value;

        var response = await InvokeAsync(Verbs.AskPersonReply, WithInput(replyData, "replyText", "  Yes, that is fine: they are an adult now.  "), Slt[1], "Dee Deputy");

        ShouldBeCard(response);
        Texts(response.Body.GetProperty("value")).Should().Contain("Answered").And.Contain("Yes, that is fine: they are an adult now.").And.Contain("Dee Deputy");
        var state = (await AskPerson.GetEntityAsync<AskPersonEntity>(id, WorkflowRows.State)).Value;
        state.State.Should().Be(AskPersonState.Answered);
        state.AnsweredBy.Should().Be(Slt[1]);

        await _fixture.DispatchAsync();

        var requests = _connector.Requests;
        // The asker's chat: created by object id the first time the bot writes to them, then remembered.
        var askerChat = (await _fixture.Conversations.GetForUserAsync(TestActivities.UserAadObjectId))!.Conversation!.Id!;
        foreach (var create in requests.Where(r => r.Method == "POST" && r.RawPath == "/v3/conversations"))
            create.Json.GetProperty("members")[0].GetProperty("id").GetString().Should().Be(TestActivities.UserAadObjectId);
        var toAsker = requests.Should().ContainSingle(r => r.Method == "POST" && r.RawPath == $"/v3/conversations/{Uri.EscapeDataString(askerChat)}/activities").Subject;
        Texts(CardOf(toAsker.Json)).Should().Contain("Yes, that is fine: they are an adult now.");
        var puts = requests.Where(r => r.Method == "PUT").ToList();
        puts.Select(p => p.RawPath.Split("/activities/")[0]).Should().BeEquivalentTo(Slt.Select(s => $"/v3/conversations/{Uri.EscapeDataString(SltChat(s))}"));
        puts.Should().OnlyContain(p => Texts(CardOf(p.Json)).Contains("Answered") && ActionData(CardOf(p.Json), Verbs.AskPersonReply) == null);
    }

    [Fact]
    public async Task A_second_reply_gets_the_card_with_the_first_answer_and_sends_nothing()
    {
        var (_, sltCards) = await PassedOnAsync("can I set up a class blog?");
        var replyData = ActionData(sltCards[0], Verbs.AskPersonReply)!.Value;
        ShouldBeCard(await InvokeAsync(Verbs.AskPersonReply, WithInput(replyData, "replyText", "First answer."), Slt[0], "Sam Head"));
        await _fixture.DispatchAsync();
        _connector.Clear();

        var second = await InvokeAsync(Verbs.AskPersonReply, WithInput(replyData, "replyText", "Second answer."), Slt[2], "Dana DSL");

        ShouldBeCard(second);
        Texts(second.Body.GetProperty("value")).Should().Contain("First answer.").And.NotContain("Second answer.");
        (await _fixture.DispatchAsync()).Should().Be(0);
        _connector.Requests.Should().BeEmpty("no second reply card goes to the asker");
    }

    [Fact]
    public async Task A_reply_from_someone_outside_the_slt_is_refused()
    {
        var (id, sltCards) = await PassedOnAsync("can I message a parent on whatsapp?");

        var response = await InvokeAsync(Verbs.AskPersonReply, WithInput(ActionData(sltCards[0], Verbs.AskPersonReply)!.Value, "replyText", "Sure."), NotSlt, "Casey Computing");

        ShouldBeError(response, 403);
        (await AskPerson.GetEntityAsync<AskPersonEntity>(id, WorkflowRows.State)).Value.State.Should().Be(AskPersonState.Open);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public async Task An_empty_reply_is_refused_with_400(string reply)
    {
        var (id, sltCards) = await PassedOnAsync("can I join a parents' facebook group?");

        var response = await InvokeAsync(Verbs.AskPersonReply, WithInput(ActionData(sltCards[0], Verbs.AskPersonReply)!.Value, "replyText", reply), Slt[0], "Sam Head");

        ShouldBeError(response, 400);
        (await AskPerson.GetEntityAsync<AskPersonEntity>(id, WorkflowRows.State)).Value.State.Should().Be(AskPersonState.Open);
    }
}
