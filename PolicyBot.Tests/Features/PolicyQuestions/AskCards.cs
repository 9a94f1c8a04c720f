using System.Text.Json;

namespace PolicyBot.Tests.Features.PolicyQuestions;

/// <summary>Reading what the bot sent: the card of an activity, and the actions on a card.</summary>
static class AskCards
{
    public static JsonElement CardOf(JsonElement activity)
    {
        var attachment = activity.GetProperty("attachments")[0];
        attachment.GetProperty("contentType").GetString().Should().Be("application/vnd.microsoft.card.adaptive");
        return attachment.GetProperty("content");
    }

    /// <summary>The data of the first Action.Execute on the card with this verb (anywhere in the card).</summary>
    public static JsonElement? ActionData(JsonElement card, string verb)
    {
        switch (card.ValueKind)
        {
            case JsonValueKind.Object:
                if (card.TryGetProperty("type", out var type) && type.GetString() == "Action.Execute"
                    && card.TryGetProperty("verb", out var v) && v.GetString() == verb)
                    return card.GetProperty("data");
                foreach (var property in card.EnumerateObject())
                {
                    if (ActionData(property.Value, verb) is { } found)
                        return found;
                }
                return null;
            case JsonValueKind.Array:
                foreach (var item in card.EnumerateArray())
                {
                    if (ActionData(item, verb) is { } found)
                        return found;
                }
                return null;
            default:
                return null;
        }
    }

    /// <summary>Every text on the card, joined: what a person reads.</summary>
    public static string Texts(JsonElement card)
    {
        var texts = new List<string>();
        Collect(card, texts);
        return string.Join("\n", texts);
    }

    static void Collect(JsonElement element, List<string> texts)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                foreach (var property in element.EnumerateObject())
                {
                    if (property.Name is "text" or "title" && property.Value.ValueKind == JsonValueKind.String)
                        texts.Add(property.Value.GetString()!);
                    else
                        Collect(property.Value, texts);
                }
                break;
            case JsonValueKind.Array:
                foreach (var item in element.EnumerateArray())
                    Collect(item, texts);
                break;
        }
    }
}
