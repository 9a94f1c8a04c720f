using System.Text.RegularExpressions;

namespace PolicyBot.BotFramework.Schema;

public static partial class ActivityExtensions
{
    /// <summary>
    /// The message text without the @mention of <paramref name="botId"/> (Teams sends
    /// "&lt;at&gt;PolicyBot&lt;/at&gt; can I …" in channels and group chats), trimmed.
    /// </summary>
    public static string RemoveRecipientMention(this Activity activity) =>
        activity.RemoveMentionText(activity.Recipient?.Id);

    public static string RemoveMentionText(this Activity activity, string? botId)
    {
        var text = activity.Text ?? string.Empty;
        if (botId is not null && activity.Entities is not null)
        {
            foreach (var entity in activity.Entities)
            {
                if (entity.Type == Entity.MentionType && entity.Mentioned?.Id == botId && !string.IsNullOrEmpty(entity.Text))
                    text = text.Replace(entity.Text, string.Empty, StringComparison.OrdinalIgnoreCase);
            }
        }
        // Some clients send the <at> tag without a matching entity; an <at> tag at the very start is always
        // addressed to the bot (Teams only delivers messages that mention it).
        text = LeadingAtTag().Replace(text, string.Empty);
        return text.Trim();
    }

    /// <summary>An Action.Submit press: a message whose <c>value</c> is an object and which has no text.</summary>
    public static bool IsCardSubmit(this Activity activity) =>
        activity.Type == ActivityTypes.Message
        && string.IsNullOrWhiteSpace(activity.Text)
        && activity.Value is { ValueKind: System.Text.Json.JsonValueKind.Object };

    [GeneratedRegex(@"^\s*<at>[^<]*</at>", RegexOptions.IgnoreCase)]
    private static partial Regex LeadingAtTag();
}
