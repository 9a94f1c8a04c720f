using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using PolicyBot.Tests.Infrastructure;

namespace PolicyBot.Tests.Bot;

/// <summary>A conversation driven as Teams would, through the Microsoft 365 Agents Playground's HTTP API.</summary>
public sealed class PlaygroundEndToEndTests(PlaygroundFixture playground) : IClassFixture<PlaygroundFixture>
{
    [Fact]
    public async Task Help_in_the_playground_gets_the_help_card_and_a_topic_button_updates_it()
    {
        var chat = await ChatAsync();

        var reply = await SayAsync(chat, "help", attachments => attachments.Contains("PolicyBot for Oakfield Primary School"));
        var message = reply.GetProperty("message");
        reply.GetProperty("actionConversationId").GetString().Should().Be(chat.ConversationId);
        var card = message.GetProperty("attachments")[0];
        card.GetProperty("contentType").GetString().Should().Be("application/vnd.microsoft.card.adaptive");
        var askButton = Actions(card.GetProperty("content")).Single(a => a.GetProperty("data").GetProperty("arg").GetString() == "Ask");
        askButton.GetProperty("type").GetString().Should().Be("Action.Execute");

        using var invoked = await playground.Http.PostAsJsonAsync("_conversation/v1/invoke", new
        {
            name = "adaptiveCard/action",
            value = new { action = new { type = "Action.Execute", verb = askButton.GetProperty("verb").GetString(), data = askButton.GetProperty("data") }, trigger = "manual" },
            from = new { id = chat.UserId },
            conversation = new { id = chat.ConversationId },
            replyToId = message.GetProperty("messageId").GetString(),
        });

        var body = await invoked.Content.ReadAsStringAsync();
        invoked.StatusCode.Should().Be(HttpStatusCode.OK, body);
        var updated = JsonDocument.Parse(body).RootElement;
        updated.GetProperty("type").GetString().Should().Be("application/vnd.microsoft.card.adaptive");
        updated.GetProperty("value").GetRawText().Should().Contain("Type your question in your own words");
    }

    [Fact]
    public async Task An_action_submit_fallback_in_the_playground_updates_the_card_in_place()
    {
        var chat = await ChatAsync();
        var reply = await SayAsync(chat, "Help", attachments => attachments.Contains("choose a topic"));
        var framesAfterCard = playground.FrameCount;
        var messageId = reply.GetProperty("message").GetProperty("messageId").GetString()!;
        var submitButton = Actions(reply.GetProperty("message").GetProperty("attachments")[0].GetProperty("content"))
            .Single(a => a.GetProperty("data").GetProperty("arg").GetString() == "SiteRequest").GetProperty("fallback");

        using var submitted = await playground.Http.PostAsJsonAsync("_conversation/v1/submit", new
        {
            conversation = new { id = chat.ConversationId },
            from = new { id = chat.UserId },
            replyToId = messageId,
            value = submitButton.GetProperty("data"),
        });

        submitted.StatusCode.Should().Be(HttpStatusCode.OK, await submitted.Content.ReadAsStringAsync());
        var updated = await playground.WaitForFrameAsync(f =>
            f.TryGetProperty("message", out var m) && m.TryGetProperty("messageId", out var id) && id.GetString() == messageId
            && f.GetRawText().Contains("new site request"), after: framesAfterCard);
        updated.GetProperty("actionConversationId").GetString().Should().Be(chat.ConversationId);
    }

    [Fact]
    public async Task The_demo_school_answers_a_friend_request_question_in_the_playground_with_a_verdict_card()
    {
        var chat = await ChatAsync();

        var reply = await SayAsync(chat, "a parent sent me a friend request on facebook, can I accept?", attachments => attachments.Contains("answer.feedback"));
        var card = reply.GetProperty("message").GetProperty("attachments")[0];
        card.GetProperty("contentType").GetString().Should().Be("application/vnd.microsoft.card.adaptive");
        var badge = card.GetProperty("content").GetProperty("body")[0].GetRawText();
        badge.Should().Contain("Take care", "the verdict badge leads the card");
        var content = card.GetProperty("content").GetRawText();
        content.Should().Contain("Clause 3.1").And.Contain("Oakfield Primary School");
        content.Should().Contain("advised not to accept friend requests from parents");
    }

    [Fact]
    public void The_playground_listens_on_loopback_only()
    {
        var listeners = System.Net.NetworkInformation.IPGlobalProperties.GetIPGlobalProperties().GetActiveTcpListeners()
            .Where(l => l.Port == playground.BaseAddress.Port)
            .ToList();

        listeners.Should().NotBeEmpty().And.OnlyContain(l => IPAddress.IsLoopback(l.Address));
    }

    /// <summary>The Action.Execute buttons of a card, wherever they sit (card actions or an ActionSet in the body).</summary>
    static IEnumerable<JsonElement> Actions(JsonElement element)
    {
        if (element.ValueKind == JsonValueKind.Object)
        {
            if (element.TryGetProperty("type", out var type) && type.GetString() == "Action.Execute")
                yield return element;
            foreach (var property in element.EnumerateObject().Where(p => p.Name != "fallback"))
            {
                foreach (var action in Actions(property.Value))
                    yield return action;
            }
        }
        else if (element.ValueKind == JsonValueKind.Array)
        {
            foreach (var action in element.EnumerateArray().SelectMany(Actions))
                yield return action;
        }
    }

    sealed record Chat(string ConversationId, string UserId, string BotId);

    /// <summary>The playground's personal chat, its user and the bot.</summary>
    async Task<Chat> ChatAsync()
    {
        var config = await playground.GetConfigAsync();
        return new Chat(
            config.GetProperty("personalChat").GetProperty("id").GetString()!,
            config.GetProperty("currentUser").GetProperty("id").GetString()!,
            config.GetProperty("bot").GetProperty("id").GetString()!);
    }

    /// <summary>Types <paramref name="text"/> as the user and waits for the bot's card whose attachments match.</summary>
    async Task<JsonElement> SayAsync(Chat chat, string text, Func<string, bool> attachmentsMatch)
    {
        var framesBefore = playground.FrameCount;
        using var sent = await playground.Http.PostAsJsonAsync($"_conversation/v1/conversations/{chat.ConversationId}/messages",
            new { from = new { id = chat.UserId }, text, textFormat = "plain" });
        sent.StatusCode.Should().Be(HttpStatusCode.OK, await sent.Content.ReadAsStringAsync());
        return await playground.WaitForFrameAsync(f =>
            f.TryGetProperty("message", out var m) && m.TryGetProperty("from", out var from) && from.GetProperty("id").GetString() == chat.BotId
            && m.TryGetProperty("attachments", out var a) && attachmentsMatch(a.GetRawText()), after: framesBefore);
    }
}
