using System.Text.Json;
using System.Text.Json.Serialization;

namespace PolicyBot.BotFramework.Schema;

/// <summary>
/// A Bot Framework activity. Only the fields PolicyBot reads are typed; every other field a channel sends
/// is kept in <see cref="Properties"/> and written back unchanged, so nothing is lost.
/// </summary>
public sealed class Activity
{
    public string? Type { get; set; }
    public string? Id { get; set; }
    public DateTimeOffset? Timestamp { get; set; }
    public DateTimeOffset? LocalTimestamp { get; set; }
    public string? LocalTimezone { get; set; }
    public string? ServiceUrl { get; set; }
    public string? ChannelId { get; set; }
    public ChannelAccount? From { get; set; }
    public ConversationAccount? Conversation { get; set; }
    public ChannelAccount? Recipient { get; set; }
    public string? TextFormat { get; set; }
    public string? AttachmentLayout { get; set; }
    public IList<ChannelAccount>? MembersAdded { get; set; }
    public IList<ChannelAccount>? MembersRemoved { get; set; }
    public string? Action { get; set; }
    public string? Locale { get; set; }
    public string? Text { get; set; }
    public string? Summary { get; set; }
    public IList<Attachment>? Attachments { get; set; }
    public IList<Entity>? Entities { get; set; }
    public TeamsChannelData? ChannelData { get; set; }
    public string? ReplyToId { get; set; }
    public string? Name { get; set; }
    public JsonElement? Value { get; set; }
    public string? ValueType { get; set; }

    [JsonExtensionData]
    public IDictionary<string, JsonElement>? Properties { get; set; }

    /// <summary>A message activity ready to send; the adapter fills in the addressing.</summary>
    public static Activity CreateMessageActivity(string? text = null) => new() { Type = ActivityTypes.Message, Text = text };

    /// <summary>A message carrying one attachment (typically an Adaptive Card).</summary>
    public static Activity CreateAttachmentActivity(Attachment attachment, string? summary = null) =>
        new() { Type = ActivityTypes.Message, Attachments = [attachment], Summary = summary };

    /// <summary>A reply addressed back to this activity's sender, in the same conversation and thread.</summary>
    public Activity CreateReply(string? text = null) => new()
    {
        Type = ActivityTypes.Message,
        Text = text,
        From = Recipient is null ? null : new ChannelAccount { Id = Recipient.Id, Name = Recipient.Name },
        Recipient = From is null ? null : new ChannelAccount { Id = From.Id, Name = From.Name },
        Conversation = Conversation,
        ServiceUrl = ServiceUrl,
        ChannelId = ChannelId,
        ReplyToId = Id,
        Locale = Locale,
    };

    /// <summary>The reference needed to message this conversation later (proactively).</summary>
    public ConversationReference GetConversationReference() => new()
    {
        // Conversation and installation updates are not messages: a welcome is a new message, not a reply to them.
        ActivityId = Type is ActivityTypes.ConversationUpdate or ActivityTypes.InstallationUpdate ? null : Id,
        User = From,
        Bot = Recipient,
        Conversation = Conversation,
        ChannelId = ChannelId,
        ServiceUrl = ServiceUrl,
        Locale = Locale,
    };

    /// <summary>Addresses this (outgoing) activity to the conversation in <paramref name="reference"/>.</summary>
    public Activity ApplyConversationReference(ConversationReference reference, bool isIncoming = false)
    {
        ChannelId = reference.ChannelId;
        ServiceUrl = reference.ServiceUrl;
        Conversation = reference.Conversation;
        Locale ??= reference.Locale;
        if (isIncoming)
        {
            From = reference.User;
            Recipient = reference.Bot;
            Id = reference.ActivityId ?? Id;
        }
        else
        {
            From = reference.Bot;
            Recipient = reference.User;
            ReplyToId = reference.ActivityId ?? ReplyToId;
        }
        return this;
    }

    public string ToJson() => JsonSerializer.Serialize(this, BotJson.Options);
}
