namespace PolicyBot.BotFramework.Schema;

/// <summary>The activity types PolicyBot handles or sends (names as in the Bot Framework schema).</summary>
public static class ActivityTypes
{
    public const string Message = "message";
    public const string Invoke = "invoke";
    public const string InvokeResponse = "invokeResponse";
    public const string ConversationUpdate = "conversationUpdate";
    public const string InstallationUpdate = "installationUpdate";
    public const string Typing = "typing";
    public const string Event = "event";
    public const string MessageReaction = "messageReaction";
}

/// <summary>Channel ids the bot meets.</summary>
public static class Channels
{
    public const string Msteams = "msteams";
    public const string Emulator = "emulator";
}
