using System.Text.Json;
using PolicyBot.Cards.AdaptiveCards;
using PolicyBot.Schools;

namespace PolicyBot.Features;

/// <summary>
/// A card button press as a feature sees it: who pressed it (verified by the channel), their school (resolved
/// from the verified tenant and user, never from the card), the card's ids, and the raw data for input values.
/// </summary>
public sealed record CardActionRequest(School School, string TenantId, string UserId, string UserName, CardActionData Data, JsonElement? RawData)
{
    /// <summary>
    /// The value of a card input sent with the action, or null. Clients send inputs as strings; a toggle that arrives as
    /// a JSON true/false (some clients do) is read as "true"/"false" rather than lost.
    /// </summary>
    public string? Input(string inputId) =>
        RawData is { ValueKind: JsonValueKind.Object } raw && raw.TryGetProperty(inputId, out var value)
            ? value.ValueKind switch
            {
                JsonValueKind.String => value.GetString(),
                JsonValueKind.True => "true",
                JsonValueKind.False => "false",
                _ => null,
            }
            : null;
}
