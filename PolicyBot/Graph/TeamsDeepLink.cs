namespace PolicyBot.Graph;

/// <summary>Teams deep links for a notification's <see cref="ActivityNotification.WebUrl"/>.</summary>
public static class TeamsDeepLink
{
    /// <summary>Opens the 1:1 chat with the bot (its Microsoft App ID), where the card for the reference lives.</summary>
    public static Uri ChatWithBot(string botAppId)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(botAppId);
        return new Uri($"https://teams.microsoft.com/l/chat/0/0?users=28:{Uri.EscapeDataString(botAppId)}");
    }

    /// <summary>The chat link when the bot has an app id; null in development mode, where no notification is sent.</summary>
    public static Uri? ChatWithBotIfConfigured(PolicyBot.BotFramework.BotOptions options) =>
        options.AppId is { Length: > 0 } appId ? ChatWithBot(appId) : null;
}
