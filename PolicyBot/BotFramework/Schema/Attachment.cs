using System.Text.Json;
using System.Text.Json.Serialization;
using PolicyBot.Cards.AdaptiveCards;

namespace PolicyBot.BotFramework.Schema;

/// <summary>A card or file sent with a message.</summary>
public sealed class Attachment
{
    public string? ContentType { get; set; }
    public string? ContentUrl { get; set; }
    public JsonElement? Content { get; set; }
    public string? Name { get; set; }

    [JsonExtensionData]
    public IDictionary<string, JsonElement>? Properties { get; set; }

    /// <summary>An Adaptive Card attachment, the card serialised with the card model's own options.</summary>
    public static Attachment FromCard(AdaptiveCard card) => new()
    {
        ContentType = AdaptiveCard.ContentType,
        Content = card.ToJsonElement(),
    };
}
