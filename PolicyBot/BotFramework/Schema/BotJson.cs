using System.Text.Json;
using System.Text.Json.Serialization;

namespace PolicyBot.BotFramework.Schema;

/// <summary>The one JSON shape of the Bot Framework wire protocol: camelCase, nulls omitted.</summary>
public static class BotJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };
}
