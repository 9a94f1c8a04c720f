using System.Globalization;
using System.Text;

namespace PolicyBot.Cards;

/// <summary>The helpers that make untrusted text safe to show; the strings themselves are in CardText.cs.</summary>
public static partial class CardText
{
    /// <summary>Longest piece of untrusted text shown by default; keeps cards far below Teams' size limit.</summary>
    public const int DefaultMaxLength = 1500;

    /// <summary>
    /// Makes untrusted text (a question, a comment, a name, a policy clause) safe for a TextBlock: it shows
    /// as written but cannot form a markdown link, an autolink, bold text, a card template expression
    /// (<c>${...}</c>) or a date function (<c>{{DATE(...)}}</c>). Control and bidi-override characters are
    /// dropped, blank runs collapsed, and the result clipped to <paramref name="maxLength"/> characters.
    /// </summary>
    /// <remarks>
    /// A zero-width space is placed inside each dangerous pair, so the reader sees the same characters
    /// while no markdown or template parser sees the pair.
    /// </remarks>
    public static string Plain(string? text, int maxLength = DefaultMaxLength)
    {
        if (string.IsNullOrWhiteSpace(text))
            return string.Empty;

        var sb = new StringBuilder(Math.Min(text.Length, maxLength) + 16);
        var newlines = 0;
        foreach (var c in text.AsSpan().Trim())
        {
            if (c == '\r') continue;
            if (c == '\n')
            {
                if (++newlines <= 2) sb.Append('\n');
                continue;
            }
            newlines = 0;
            if (c == '\t') { sb.Append(' '); continue; }
            if (char.IsControl(c) || IsBidiControl(c) || c == ZeroWidthSpace) continue;

            var previous = sb.Length > 0 ? sb[^1] : '\0';
            if (Breaks(previous, c)) sb.Append(ZeroWidthSpace);
            sb.Append(c);
        }
        return Clip(sb.ToString(), maxLength);
    }

    /// <summary><see cref="Plain"/>, or a dash when nothing is left, so a card never shows an empty line.</summary>
    public static string PlainOrDash(string? text, int maxLength = DefaultMaxLength) =>
        Plain(text, maxLength) is { Length: > 0 } plain ? plain : NotGiven;

    /// <summary>Shortens text to at most <paramref name="maxLength"/> characters, ending with "…" when cut.</summary>
    public static string Clip(string text, int maxLength)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxLength, 2);
        if (text.Length <= maxLength)
            return text;
        var cut = text[..(maxLength - 1)];
        var space = cut.LastIndexOf(' ');
        if (space > maxLength * 3 / 4) cut = cut[..space];
        return cut.TrimEnd() + "…";
    }

    /// <summary>
    /// A time as an Adaptive Card date function, so Teams shows it in the reader's own time zone and
    /// locale ("Mon, 23 Nov 2026 at 09:15").
    /// </summary>
    public static string When(DateTimeOffset at)
    {
        var utc = at.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
        return $"{{{{DATE({utc},SHORT)}}}} at {{{{TIME({utc})}}}}";
    }

    /// <summary>A calendar date ("Fri, 20 Nov 2026") in the reader's locale.</summary>
    public static string Day(DateOnly day)
    {
        var utc = day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) + "T12:00:00Z";
        return $"{{{{DATE({utc},SHORT)}}}}";
    }

    const char ZeroWidthSpace = '\u200B';

    // "](", "]:" and "][" form links, "<h" an autolink, "**" / "__" / "~~" emphasis,
    // "${" a template binding, "{{" a date function.
    static bool Breaks(char previous, char c) =>
        (previous == ']' && c is '(' or ':' or '[') ||
        (previous == '<' && (char.IsLetter(c) || c == '/')) ||
        (previous == c && c is '*' or '_' or '~' or '{' or '}') ||
        (previous == '$' && c == '{');

    static bool IsBidiControl(char c) => c is >= '\u202A' and <= '\u202E' or >= '\u2066' and <= '\u2069' or '\u200E' or '\u200F';
}
