using System.Text.Json;
using System.Text.Json.Serialization;
using PolicyBot.Cards.AdaptiveCards;

namespace PolicyBot.BotFramework.Schema;

/// <summary>
/// The one JSON shape of the Bot Framework wire protocol: camelCase, nulls omitted, and text written as itself (UTF-8,
/// <see cref="MinimalJsonEncoder"/>) so that a card in any script stays far below the Connector's message size limit.
/// </summary>
public static class BotJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Encoder = MinimalJsonEncoder.Instance,
    };
}
