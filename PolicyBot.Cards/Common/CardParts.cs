using PolicyBot.Cards.AdaptiveCards;

namespace PolicyBot.Cards;

/// <summary>
/// The few building blocks every card uses, so the cards look alike: a heading, plain text (always
/// escaped), a coloured badge, a small "label: value" line, a button row. Phone first: one column,
/// short lines, no tables.
/// </summary>
internal static class CardParts
{
    /// <summary>A card heading (trusted text from <see cref="CardText"/>).</summary>
    public static TextBlock Heading(string text) =>
        new(text) { Size = TextSize.Medium, Weight = TextWeight.Bolder, Style = "heading" };

    /// <summary>Trusted text from <see cref="CardText"/>.</summary>
    public static TextBlock Text(string text) => new(text);

    public static TextBlock Subtle(string text) => new(text) { IsSubtle = true, Size = TextSize.Small, Spacing = CardSpacing.Small };

    /// <summary>Untrusted text (a question, a comment, policy wording): escaped and clipped.</summary>
    public static TextBlock Untrusted(string? text, int maxLength = CardText.DefaultMaxLength) => new(CardText.PlainOrDash(text, maxLength));

    /// <summary>A bold label over an untrusted value; FactSets are avoided because they go wide on a phone.</summary>
    public static Container Field(string label, string? value, int maxLength = CardText.DefaultMaxLength) =>
        Labelled(label, CardText.PlainOrDash(value, maxLength));

    /// <summary>A bold label over text that is already safe (from <see cref="CardText"/> or escaped).</summary>
    public static Container Labelled(string label, string safeValue) => new(
    [
        new TextBlock(label.Length > 0 ? label : CardText.NotGiven) { Weight = TextWeight.Bolder, Size = TextSize.Small, Spacing = CardSpacing.None },
        new TextBlock(safeValue) { Spacing = CardSpacing.None },
    ])
    { Spacing = CardSpacing.Small };

    /// <summary>A coloured block holding a short label such as "No" or "Pending": the first thing read.</summary>
    public static Container Badge(string label, ContainerStyle style, TextColor color, string? detail = null)
    {
        var items = new List<CardElement>
        {
            new TextBlock(label) { Size = TextSize.Large, Weight = TextWeight.Bolder, Color = color, Style = "heading" },
        };
        if (!string.IsNullOrWhiteSpace(detail))
            items.Add(new TextBlock(detail) { Spacing = CardSpacing.None });
        return new Container(items) { Style = style, Bleed = true };
    }

    public static ActionSet Buttons(params CardAction[] actions) => new(actions);

    public static ActionSet Buttons(IEnumerable<CardAction> actions) => new(actions.ToList());

    public static ExecuteAction Execute(string title, string verb, CardActionData data, string? style = null, bool sendsInputs = false) =>
        ExecuteAction.WithSubmitFallback(title, verb, data, style, sendsInputs ? "auto" : "none");

    /// <summary>The <c>refresh</c> block: Teams re-fetches the card for these users (at most 60) so each sees their own view.</summary>
    public static CardRefresh? Refresh(CardActionData data, IReadOnlyList<string>? userIds)
    {
        if (userIds is null || userIds.Count == 0)
            return null;
        // Entra object ids and Teams user ids are plain tokens; anything else is not an id and is left out.
        var ids = userIds.Where(IsUserId).Distinct(StringComparer.OrdinalIgnoreCase).Take(MaxRefreshUsers).ToList();
        return ids.Count == 0 ? null : new CardRefresh(ExecuteAction.WithSubmitFallback(CardText.Refresh, Verbs.Refresh, data), ids);
    }

    public const int MaxRefreshUsers = 60;

    static bool IsUserId(string? id) =>
        !string.IsNullOrEmpty(id) && id.Length <= 200 && id.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or ':' or '.' or '@');
}
