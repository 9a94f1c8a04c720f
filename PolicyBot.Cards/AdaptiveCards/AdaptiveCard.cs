using System.Text.Json;
using System.Text.Json.Serialization;

namespace PolicyBot.Cards.AdaptiveCards;

/// <summary>
/// A small, typed Adaptive Card model: only the elements PolicyBot sends. Serialised with
/// <see cref="CardJson"/> (camelCase, nulls omitted, element type as the "type" discriminator).
/// </summary>
public sealed record AdaptiveCard
{
    public const string ContentType = "application/vnd.microsoft.card.adaptive";

    [JsonPropertyName("$schema")]
    public string? Schema { get; init; } = "http://adaptivecards.io/schemas/adaptive-card.json";

    [JsonPropertyOrder(-2)]
    public string Type => "AdaptiveCard";

    [JsonPropertyOrder(-1)]
    public string Version { get; init; } = "1.5";

    public IReadOnlyList<CardElement> Body { get; init; } = [];
    public IReadOnlyList<CardAction>? Actions { get; init; }

    /// <summary>Universal Actions: re-fetches a user-specific view for the listed users (at most 60).</summary>
    public CardRefresh? Refresh { get; init; }

    public string? FallbackText { get; init; }
    public string? Speak { get; init; }

    [JsonPropertyName("msteams")]
    public TeamsCardProperties? MsTeams { get; init; }

    public string ToJson() => JsonSerializer.Serialize(this, CardJson.Options);
    public JsonElement ToJsonElement() => JsonSerializer.SerializeToElement(this, CardJson.Options);
}

public sealed record CardRefresh(CardAction Action, IReadOnlyList<string>? UserIds = null);

public sealed record TeamsCardProperties(string Width = "Full");

public static class CardJson
{
    /// <summary>
    /// Cards are stored in table rows and sent to the Connector: text is written as itself (<see cref="MinimalJsonEncoder"/>),
    /// so a card in any script takes the room its text needs, not six times as much.
    /// </summary>
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        WriteIndented = false,
        Encoder = MinimalJsonEncoder.Instance,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
    };
}
