using System.Text.Json;
using System.Text.Json.Nodes;
using PolicyBot.BotFramework.Schema;
using PolicyBot.Tests.Infrastructure;

namespace PolicyBot.Tests.BotFramework.Schema;

public sealed class ActivityTests
{
    const string TeamsChannelMessage = """
        {
          "type": "message",
          "id": "1700000000001",
          "timestamp": "2026-11-20T09:15:00.123Z",
          "serviceUrl": "https://smba.trafficmanager.net/uk/",
          "channelId": "msteams",
          "from": { "id": "29:alex", "name": "Alex Wilber", "aadObjectId": "aaaa-1", "userRole": "user" },
          "conversation": { "id": "19:abc@thread.tacv2;messageid=1700000000000", "conversationType": "channel", "tenantId": "t-1", "isGroup": true },
          "recipient": { "id": "28:bot", "name": "PolicyBot" },
          "text": "<at>PolicyBot</at> can I follow a parent on insta?",
          "textFormat": "plain",
          "entities": [
            { "type": "mention", "text": "<at>PolicyBot</at>", "mentioned": { "id": "28:bot", "name": "PolicyBot" } },
            { "type": "clientInfo", "locale": "en-GB", "platform": "Web" }
          ],
          "channelData": {
            "tenant": { "id": "t-1" },
            "team": { "id": "19:team@thread.tacv2", "aadGroupId": "g-1" },
            "channel": { "id": "19:abc@thread.tacv2" },
            "settings": { "selectedChannel": { "id": "19:abc@thread.tacv2" } }
          },
          "locale": "en-GB",
          "attachments": [ { "contentType": "text/html", "content": "<div>hi</div>" } ],
          "someFutureField": { "a": [1, 2, 3] }
        }
        """;

    static Activity Parse(string json) => JsonSerializer.Deserialize<Activity>(json, BotJson.Options)!;

    [Fact]
    public void A_teams_activity_reads_its_typed_fields()
    {
        var activity = Parse(TeamsChannelMessage);

        activity.Type.Should().Be(ActivityTypes.Message);
        activity.From!.AadObjectId.Should().Be("aaaa-1");
        activity.Conversation!.ConversationType.Should().Be("channel");
        activity.Conversation.IsGroup.Should().BeTrue();
        activity.ChannelData!.Tenant!.Id.Should().Be("t-1");
        activity.ChannelData.Team!.Id.Should().Be("19:team@thread.tacv2");
        activity.ChannelData.Channel!.Id.Should().Be("19:abc@thread.tacv2");
        activity.Entities.Should().HaveCount(2);
    }

    [Fact]
    public void Unknown_fields_round_trip_unchanged()
    {
        var original = JsonNode.Parse(TeamsChannelMessage)!;

        var written = JsonNode.Parse(Parse(TeamsChannelMessage).ToJson())!;

        written["someFutureField"]!.ToJsonString().Should().Be(original["someFutureField"]!.ToJsonString());
        written["channelData"]!["settings"]!.ToJsonString().Should().Be(original["channelData"]!["settings"]!.ToJsonString());
        written["from"]!["userRole"]!.GetValue<string>().Should().Be("user");
        written["entities"]![1]!["platform"]!.GetValue<string>().Should().Be("Web");
        written["channelData"]!["team"]!["aadGroupId"]!.GetValue<string>().Should().Be("g-1");
    }

    [Fact]
    public void Written_json_is_camel_case_and_omits_nulls()
    {
        var json = Activity.CreateMessageActivity("hello").ToJson();

        json.Should().Be("""{"type":"message","text":"hello"}""");
    }

    [Fact]
    public void The_bot_mention_is_removed_from_the_text()
    {
        Parse(TeamsChannelMessage).RemoveRecipientMention().Should().Be("can I follow a parent on insta?");
    }

    [Fact]
    public void A_mention_of_someone_else_is_kept()
    {
        var activity = TestActivities.Message("https://x/", "ask <at>Megan</at> about it");
        activity.Entities = [new Entity { Type = Entity.MentionType, Text = "<at>Megan</at>", Mentioned = new ChannelAccount { Id = "29:megan" } }];

        activity.RemoveRecipientMention().Should().Be("ask <at>Megan</at> about it");
    }

    [Fact]
    public void A_leading_at_tag_without_an_entity_is_removed()
    {
        var activity = TestActivities.Message("https://x/", "<at>Policy Bot</at>   help ");

        activity.RemoveRecipientMention().Should().Be("help");
    }

    [Fact]
    public void The_conversation_reference_holds_what_a_proactive_message_needs()
    {
        var activity = Parse(TeamsChannelMessage);

        var reference = activity.GetConversationReference();

        reference.ServiceUrl.Should().Be("https://smba.trafficmanager.net/uk/");
        reference.ChannelId.Should().Be("msteams");
        reference.Conversation!.Id.Should().Be("19:abc@thread.tacv2;messageid=1700000000000");
        reference.Bot!.Id.Should().Be("28:bot");
        reference.User!.Id.Should().Be("29:alex");
        reference.ActivityId.Should().Be("1700000000001");
    }

    [Fact]
    public void Applying_a_reference_addresses_an_outgoing_activity_from_the_bot_to_the_user()
    {
        var reference = Parse(TeamsChannelMessage).GetConversationReference();

        var reply = Activity.CreateMessageActivity("hi").ApplyConversationReference(reference);

        reply.From!.Id.Should().Be("28:bot");
        reply.Recipient!.Id.Should().Be("29:alex");
        reply.Conversation!.Id.Should().Be(reference.Conversation!.Id);
        reply.ServiceUrl.Should().Be(reference.ServiceUrl);
        reply.ReplyToId.Should().Be("1700000000001");
    }

    [Fact]
    public void A_message_with_a_value_and_no_text_is_a_card_submit()
    {
        var submit = TestActivities.CardSubmit("https://x/", new { verb = "help.topic" });
        var message = TestActivities.Message("https://x/", "help");

        submit.IsCardSubmit().Should().BeTrue();
        message.IsCardSubmit().Should().BeFalse();
    }

    [Fact]
    public void An_adaptive_card_invoke_value_reads_action_verb_and_data()
    {
        var value = JsonSerializer.Deserialize<AdaptiveCardInvokeValue>(
            """{"action":{"type":"Action.Execute","verb":"help.topic","data":{"arg":"Ask"}},"trigger":"manual"}""", BotJson.Options)!;

        value.Action!.Verb.Should().Be("help.topic");
        value.Action.Data!.Value.GetProperty("arg").GetString().Should().Be("Ask");
        value.Trigger.Should().Be("manual");
    }

    [Fact]
    public void An_adaptive_card_invoke_error_has_the_documented_shape()
    {
        var json = JsonSerializer.Serialize(AdaptiveCardInvokeResponse.Error(400, "BadRequest", "nope"), BotJson.Options);

        json.Should().Be("""{"statusCode":400,"type":"application/vnd.microsoft.error","value":{"code":"BadRequest","message":"nope"}}""");
    }
}
