using System.Text.Json;
using PolicyBot.BotFramework.Schema;

namespace PolicyBot.Tests.Infrastructure;

/// <summary>Teams-shaped activities, as the Connector posts them, pointed at a given service URL.</summary>
public static class TestActivities
{
    public const string BotId = "28:policybot-app-id";
    public const string TenantId = "11111111-2222-3333-4444-555555555555";
    public const string UserAadObjectId = "aaaaaaaa-0000-0000-0000-000000000001";
    public const string PersonalConversationId = "a:1personal-chat-with-alex";
    public const string ChannelThreadId = "19:general-channel@thread.tacv2;messageid=1700000000000";

    public static Activity Message(string serviceUrl, string text, string? id = null, string conversationId = PersonalConversationId) => new()
    {
        Type = ActivityTypes.Message,
        Id = id ?? NewId(),
        Timestamp = DateTimeOffset.UtcNow,
        ServiceUrl = serviceUrl,
        ChannelId = Channels.Msteams,
        From = new ChannelAccount { Id = "29:alex", Name = "Alex Wilber", AadObjectId = UserAadObjectId },
        Conversation = new ConversationAccount { Id = conversationId, ConversationType = "personal", TenantId = TenantId },
        Recipient = new ChannelAccount { Id = BotId, Name = "PolicyBot" },
        Text = text,
        TextFormat = "plain",
        Locale = "en-GB",
        ChannelData = new TeamsChannelData { Tenant = new TenantInfo { Id = TenantId } },
    };

    public static Activity ChannelMention(string serviceUrl, string question)
    {
        var activity = Message(serviceUrl, $"<at>PolicyBot</at> {question}", conversationId: ChannelThreadId);
        activity.Conversation!.ConversationType = "channel";
        activity.Conversation.IsGroup = true;
        activity.Entities = [new Entity { Type = Entity.MentionType, Text = "<at>PolicyBot</at>", Mentioned = new ChannelAccount { Id = BotId, Name = "PolicyBot" } }];
        activity.ChannelData!.Team = new TeamInfo { Id = "19:team@thread.tacv2" };
        activity.ChannelData.Channel = new ChannelInfo { Id = "19:general-channel@thread.tacv2" };
        return activity;
    }

    public static Activity CardAction(string serviceUrl, string verb, object data, string replyToId = "card-activity-1")
    {
        var activity = Message(serviceUrl, text: null!);
        activity.Type = ActivityTypes.Invoke;
        activity.Text = null;
        activity.Name = "adaptiveCard/action";
        activity.ReplyToId = replyToId;
        activity.Value = JsonSerializer.SerializeToElement(new { action = new { type = "Action.Execute", verb, data }, trigger = "manual" });
        return activity;
    }

    public static Activity CardSubmit(string serviceUrl, object value, string replyToId = "card-activity-1")
    {
        var activity = Message(serviceUrl, text: null!);
        activity.Text = null;
        activity.ReplyToId = replyToId;
        activity.Value = JsonSerializer.SerializeToElement(value);
        return activity;
    }

    public static Activity BotAdded(string serviceUrl, string conversationId = PersonalConversationId)
    {
        var activity = Message(serviceUrl, text: null!, conversationId: conversationId);
        activity.Type = ActivityTypes.ConversationUpdate;
        activity.Text = null;
        activity.MembersAdded = [new ChannelAccount { Id = BotId }];
        return activity;
    }

    public static Activity InstallationUpdate(string serviceUrl, string action, string conversationId = PersonalConversationId)
    {
        var activity = Message(serviceUrl, text: null!, conversationId: conversationId);
        activity.Type = ActivityTypes.InstallationUpdate;
        activity.Text = null;
        activity.Action = action;
        return activity;
    }

    public static string NewId() => "1:" + Guid.NewGuid().ToString("N");
}
