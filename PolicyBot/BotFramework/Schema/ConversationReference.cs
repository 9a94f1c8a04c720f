namespace PolicyBot.BotFramework.Schema;

/// <summary>
/// Everything needed to message a conversation later: the service URL (the Connector base address for that
/// conversation's region), the conversation, the bot and the user.
/// </summary>
public sealed record ConversationReference
{
    public string? ActivityId { get; init; }
    public ChannelAccount? User { get; init; }
    public ChannelAccount? Bot { get; init; }
    public ConversationAccount? Conversation { get; init; }
    public string? ChannelId { get; init; }
    public string? ServiceUrl { get; init; }
    public string? Locale { get; init; }
}
