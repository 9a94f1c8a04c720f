using System.Net;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using PolicyBot.Bot;
using PolicyBot.Tests.Infrastructure;

namespace PolicyBot.Tests.Bot;

/// <summary>PolicyBot's routing, through the real app (development mode) and a stand-in Connector.</summary>
public sealed class PolicyBotHandlerTests : IClassFixture<DevelopmentBotFixture>
{
    readonly DevelopmentBotFixture _fixture;
    readonly LocalConnector _connector;

    public PolicyBotHandlerTests(DevelopmentBotFixture fixture)
    {
        _fixture = fixture;
        _connector = fixture.Connector;
        _connector.Clear();
    }

    IConversationReferenceStore Store => _fixture.App.Services.GetRequiredService<IConversationReferenceStore>();

    [Theory]
    [InlineData("help")]
    [InlineData("HELP")]
    [InlineData("  Help ")]
    public async Task Help_is_answered_with_the_help_card(string text)
    {
        using var response = await _fixture.App.PostActivityAsync(TestActivities.Message(_connector.ServiceUrl, text));

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        var card = CardOf((await _connector.WaitForRequestsAsync(1)).Single().Json);
        card.GetRawText().Should().Contain("PolicyBot for Oakfield Primary School", "in development mode the demo school is the school").And.Contain("help.topic");
    }

    [Fact]
    public async Task Help_with_the_bot_mentioned_in_a_channel_is_answered_with_the_help_card()
    {
        using var response = await _fixture.App.PostActivityAsync(TestActivities.ChannelMention(_connector.ServiceUrl, "help"));

        var card = CardOf((await _connector.WaitForRequestsAsync(1)).Single().Json);
        card.GetRawText().Should().Contain("choose a topic");
    }

    [Fact]
    public async Task Any_other_text_is_answered_from_the_schools_policy_with_an_answer_card()
    {
        using var response = await _fixture.App.PostActivityAsync(TestActivities.Message(_connector.ServiceUrl, "can I accept a friend request from a parent?"));

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        var reply = (await _connector.WaitForRequestsAsync(1)).Single().Json;
        var card = CardOf(reply).GetRawText();
        card.Should().Contain("Clause 3.1").And.Contain("answer.feedback").And.Contain("answer.askPerson");
        card.Should().NotContain("can't answer questions yet");
    }

    [Theory]
    [InlineData("Ask", "Type your question")]
    [InlineData("SiteRequest", "new site request")]
    [InlineData("reportconcern", "Designated Safeguarding Lead")]
    public async Task A_help_topic_button_answers_with_the_card_for_that_topic(string arg, string expected)
    {
        var body = await InvokeAsync("help.topic", new { arg });

        body.GetProperty("statusCode").GetInt32().Should().Be(200);
        body.GetProperty("type").GetString().Should().Be("application/vnd.microsoft.card.adaptive");
        body.GetProperty("value").GetRawText().Should().Contain(expected);
    }

    [Fact]
    public async Task An_unknown_verb_is_answered_with_a_400_error()
    {
        // HTTP 200 carrying the error, as the SDK answers; Teams reads the body's statusCode.
        var body = await InvokeAsync("approve.everything", new { id = "x" }, HttpStatusCode.OK);

        body.GetProperty("statusCode").GetInt32().Should().Be(400);
        body.GetProperty("type").GetString().Should().Be("application/vnd.microsoft.error");
        body.GetProperty("value").GetProperty("code").GetString().Should().Be("NotSupported");
        body.GetProperty("value").GetProperty("message").GetString().Should().NotBeNullOrWhiteSpace();
    }

    public static TheoryData<object> TamperedData => new()
    {
        new { arg = "../../etc/passwd" },
        new { arg = "1" },
        new { arg = "Ask,SiteRequest" },
        new { arg = 5 },
        new { arg = new { nested = true } },
        "just a string",
        new[] { 1, 2, 3 },
        new { },
    };

    [Theory]
    [MemberData(nameof(TamperedData))]
    public async Task Tampered_card_data_is_answered_with_a_400_error_never_a_500(object data)
    {
        var body = await InvokeAsync("help.topic", data, HttpStatusCode.OK);

        body.GetProperty("statusCode").GetInt32().Should().Be(400);
        body.GetProperty("type").GetString().Should().Be("application/vnd.microsoft.error");
    }

    [Fact]
    public async Task An_invoke_without_an_action_is_answered_with_a_400_error()
    {
        var activity = TestActivities.CardAction(_connector.ServiceUrl, "help.topic", new { arg = "Ask" });
        activity.Value = JsonSerializer.SerializeToElement(new { trigger = "manual" });

        using var response = await _fixture.App.PostActivityAsync(activity);

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await response.Content.ReadAsStringAsync()).Should().Contain("application/vnd.microsoft.error");
    }

    [Fact]
    public async Task An_action_submit_press_updates_the_card_it_came_from()
    {
        var submit = TestActivities.CardSubmit(_connector.ServiceUrl, new { verb = "help.topic", arg = "ReportConcern" }, replyToId: "1:the-help-card");

        using var response = await _fixture.App.PostActivityAsync(submit);

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        var update = (await _connector.WaitForRequestsAsync(1)).Single();
        update.Method.Should().Be("PUT");
        update.RawPath.Should().Be("/v3/conversations/a%3A1personal-chat-with-alex/activities/1%3Athe-help-card");
        CardOf(update.Json).GetRawText().Should().Contain("Designated Safeguarding Lead");
    }

    [Fact]
    public async Task An_action_submit_with_tampered_data_gets_a_message_not_a_crash()
    {
        var submit = TestActivities.CardSubmit(_connector.ServiceUrl, new { verb = "help.topic", arg = "DROP TABLE" });

        using var response = await _fixture.App.PostActivityAsync(submit);

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        var reply = (await _connector.WaitForRequestsAsync(1)).Single();
        reply.Method.Should().Be("POST");
        reply.Json.GetProperty("text").GetString().Should().Contain("not valid");
    }

    [Fact]
    public async Task Adding_the_bot_sends_one_welcome_card_and_saves_the_conversation_reference()
    {
        const string conversationId = "a:1new-install";
        var added = TestActivities.BotAdded(_connector.ServiceUrl, conversationId);
        var installed = TestActivities.InstallationUpdate(_connector.ServiceUrl, "add", conversationId);

        using var first = await _fixture.App.PostActivityAsync(added);
        using var second = await _fixture.App.PostActivityAsync(installed);

        first.StatusCode.Should().Be(HttpStatusCode.OK);
        second.StatusCode.Should().Be(HttpStatusCode.OK);
        var welcome = (await _connector.WaitForRequestsAsync(1)).Should().ContainSingle("Teams sends both events on install; one welcome").Subject;
        welcome.Method.Should().Be("POST");
        welcome.RawPath.Should().Be("/v3/conversations/a%3A1new-install/activities", "a welcome is a new message, not a reply");
        CardOf(welcome.Json).GetRawText().Should().Contain("Hello from PolicyBot");
        var reference = await Store.GetAsync(conversationId);
        reference!.ServiceUrl.Should().Be(_connector.ServiceUrl);
        reference.Bot!.Id.Should().Be(TestActivities.BotId);
        (await Store.GetForUserAsync(TestActivities.UserAadObjectId)).Should().NotBeNull();
    }

    [Fact]
    public async Task Other_members_joining_does_not_send_a_welcome()
    {
        var joined = TestActivities.BotAdded(_connector.ServiceUrl, "19:team-chat@thread.v2");
        joined.MembersAdded = [new PolicyBot.BotFramework.Schema.ChannelAccount { Id = "29:new-teacher" }];

        using var response = await _fixture.App.PostActivityAsync(joined);

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        _connector.Requests.Should().BeEmpty();
        (await Store.GetAsync("19:team-chat@thread.v2")).Should().BeNull();
    }

    [Fact]
    public async Task Removing_the_bot_forgets_the_conversation()
    {
        const string conversationId = "a:1to-be-removed";
        using (await _fixture.App.PostActivityAsync(TestActivities.InstallationUpdate(_connector.ServiceUrl, "add", conversationId))) { }
        (await Store.GetAsync(conversationId)).Should().NotBeNull();

        using var response = await _fixture.App.PostActivityAsync(TestActivities.InstallationUpdate(_connector.ServiceUrl, "remove", conversationId));

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        (await Store.GetAsync(conversationId)).Should().BeNull();
    }

    async Task<JsonElement> InvokeAsync(string verb, object data, HttpStatusCode expected = HttpStatusCode.OK)
    {
        using var response = await _fixture.App.PostActivityAsync(TestActivities.CardAction(_connector.ServiceUrl, verb, data));
        response.StatusCode.Should().Be(expected);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
    }

    static JsonElement CardOf(JsonElement activity)
    {
        var attachment = activity.GetProperty("attachments")[0];
        attachment.GetProperty("contentType").GetString().Should().Be("application/vnd.microsoft.card.adaptive");
        return attachment.GetProperty("content");
    }
}
