using System.Text.Json;
using System.Text.Json.Serialization;

namespace PolicyBot.BotFramework.Schema;

/// <summary>Metadata attached to an activity; PolicyBot reads the "mention" entity Teams adds for an @mention.</summary>
public sealed class Entity
{
    public const string MentionType = "mention";

    public string? Type { get; set; }
    /// <summary>For a mention: who was mentioned.</summary>
    public ChannelAccount? Mentioned { get; set; }
    /// <summary>For a mention: the text as it appears in the message, e.g. "&lt;at&gt;PolicyBot&lt;/at&gt;".</summary>
    public string? Text { get; set; }

    [JsonExtensionData]
    public IDictionary<string, JsonElement>? Properties { get; set; }
}
