using System.Text.Json.Serialization;

namespace PolicyBot.Cards.AdaptiveCards;

[JsonPolymorphic(TypeDiscriminatorPropertyName = "type")]
[JsonDerivedType(typeof(ExecuteAction), "Action.Execute")]
[JsonDerivedType(typeof(SubmitAction), "Action.Submit")]
[JsonDerivedType(typeof(ShowCardAction), "Action.ShowCard")]
[JsonDerivedType(typeof(OpenUrlAction), "Action.OpenUrl")]
[JsonDerivedType(typeof(ToggleVisibilityAction), "Action.ToggleVisibility")]
public abstract record CardAction
{
    public string? Title { get; init; }
    public string? Id { get; init; }
    /// <summary>"default", "positive" or "destructive".</summary>
    public string? Style { get; init; }
    public string? Tooltip { get; init; }
}

/// <summary>
/// Universal Action. Data carries ids only, never authority. <see cref="Fallback"/> is an
/// Action.Submit carrying the same verb, for clients without Universal Actions.
/// </summary>
public sealed record ExecuteAction(string Verb, CardActionData Data) : CardAction
{
    /// <summary>"auto" (the card's inputs are checked on the client and sent) or "none".</summary>
    public string? AssociatedInputs { get; init; }
    public CardAction? Fallback { get; init; }

    /// <summary>The usual shape: Action.Execute whose fallback is an Action.Submit with the same verb and data.</summary>
    public static ExecuteAction WithSubmitFallback(string title, string verb, CardActionData data, string? style = null, string? associatedInputs = null) =>
        new(verb, data)
        {
            Title = title,
            Style = style,
            AssociatedInputs = associatedInputs,
            Fallback = new SubmitAction(data with { Verb = verb }) { Title = title, Style = style, AssociatedInputs = associatedInputs },
        };
}

public sealed record SubmitAction(CardActionData Data) : CardAction
{
    public string? AssociatedInputs { get; init; }
}

public sealed record ShowCardAction(AdaptiveCard Card) : CardAction;

public sealed record OpenUrlAction(string Url) : CardAction;

public sealed record ToggleVisibilityAction(IReadOnlyList<string> TargetElements) : CardAction;

/// <summary>
/// What a button sends back. <see cref="Verb"/> is repeated inside the data so that an Action.Submit
/// fallback (which has no verb of its own) routes the same way. Ids only; the server decides who may act.
/// </summary>
public sealed record CardActionData
{
    public string? Verb { get; init; }
    /// <summary>The record the action is about (answer id, request id, incident id ...).</summary>
    public string? Id { get; init; }
    /// <summary>The school the record belongs to.</summary>
    public string? School { get; init; }
    /// <summary>A small extra argument (a topic, a clause id, "up"/"down").</summary>
    public string? Arg { get; init; }
    /// <summary>The version of the record the card showed, so a stale click is recognised.</summary>
    public string? Version { get; init; }

    [JsonPropertyName("msteams")]
    public object? MsTeams { get; init; }
}
