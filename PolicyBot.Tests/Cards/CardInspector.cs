using System.Text.Json;
using PolicyBot.Cards.AdaptiveCards;

namespace PolicyBot.Tests.Cards;

/// <summary>Reads a built card as the client would receive it (its JSON), for assertions.</summary>
public sealed class CardInspector
{
    readonly JsonElement _root;

    public CardInspector(AdaptiveCard card)
    {
        Json = card.ToJson();
        _root = JsonDocument.Parse(Json).RootElement;
    }

    public string Json { get; }

    public JsonElement Root => _root;

    /// <summary>Every object in the card (elements, actions, show-card bodies, fallbacks), in document order.</summary>
    public IEnumerable<JsonElement> Objects() => Walk(_root);

    public IEnumerable<JsonElement> OfType(string type) =>
        Objects().Where(o => o.TryGetProperty("type", out var t) && t.GetString() == type);

    /// <summary>All visible text: TextBlock texts, in order.</summary>
    public IReadOnlyList<string> Texts() => OfType("TextBlock").Select(t => t.GetProperty("text").GetString()!).ToList();

    public string AllText() => string.Join("\n", Texts());

    /// <summary>The Action.Execute buttons (not the refresh action).</summary>
    public IReadOnlyList<JsonElement> Buttons() =>
        Walk(_root, skipRefresh: true).Where(o => o.TryGetProperty("type", out var t) && t.GetString() == "Action.Execute").ToList();

    public IReadOnlyList<string> Verbs() => Buttons().Select(b => b.GetProperty("verb").GetString()!).ToList();

    public JsonElement Button(string verb) => Buttons().Single(b => b.GetProperty("verb").GetString() == verb);

    public IReadOnlyList<string> InputIds() =>
        Objects().Where(o => o.TryGetProperty("type", out var t) && t.GetString()!.StartsWith("Input.", StringComparison.Ordinal))
            .Select(o => o.GetProperty("id").GetString()!).ToList();

    public JsonElement Input(string id) =>
        Objects().Single(o => o.TryGetProperty("id", out var i) && i.GetString() == id && o.GetProperty("type").GetString()!.StartsWith("Input.", StringComparison.Ordinal));

    public IReadOnlyList<string> ButtonTitles() =>
        Walk(_root, skipRefresh: true)
            .Where(o => o.TryGetProperty("type", out var t) && t.GetString()!.StartsWith("Action.", StringComparison.Ordinal) && t.GetString() != "Action.Submit")
            .Select(o => o.GetProperty("title").GetString()!).ToList();

    public bool HasRefresh => _root.TryGetProperty("refresh", out _);

    static IEnumerable<JsonElement> Walk(JsonElement element, bool skipRefresh = false)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                yield return element;
                foreach (var property in element.EnumerateObject())
                {
                    // A fallback is the same button for older clients, not a second button.
                    if (property.Name == "fallback" || (skipRefresh && property.Name == "refresh"))
                        continue;
                    foreach (var child in Walk(property.Value, skipRefresh))
                        yield return child;
                }
                break;
            case JsonValueKind.Array:
                foreach (var item in element.EnumerateArray())
                    foreach (var child in Walk(item, skipRefresh))
                        yield return child;
                break;
        }
    }
}
