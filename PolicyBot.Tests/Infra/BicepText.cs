using System.Text.RegularExpressions;

namespace PolicyBot.Tests.Infra;

/// <summary>
/// Reads what plain text can tell about a Bicep file: its resources (type, API version and body, by brace
/// matching) and its outputs, for checks of the settings inside them. MainTemplateCompileTests compiles it.
/// </summary>
public sealed partial class BicepText
{
    public sealed record Resource(string Symbol, string Type, string ApiVersion, string Body);

    public string Text { get; }
    public IReadOnlyList<Resource> Resources { get; }
    public IReadOnlyList<string> Outputs { get; }

    public BicepText(string text)
    {
        Text = text;
        Resources = ResourcePattern().Matches(text)
            .Select(m => new Resource(m.Groups["symbol"].Value, m.Groups["type"].Value, m.Groups["version"].Value, BlockFrom(text, m.Index + m.Length - 1)))
            .ToList();
        Outputs = OutputPattern().Matches(text).Select(m => m.Groups[1].Value).ToList();
    }

    public Resource Single(string type) => Resources.Single(r => r.Type == type);

    /// <summary>The block opened by the brace or bracket after <paramref name="marker"/> inside <paramref name="within"/>.</summary>
    public static string BlockAfter(string within, string marker)
    {
        var at = within.IndexOf(marker, StringComparison.Ordinal);
        if (at < 0) throw new InvalidOperationException($"'{marker}' not found");
        var open = within.IndexOfAny(['{', '['], at + marker.Length);
        return BlockFrom(within, open);
    }

    /// <summary>The text without // comments, so a comment's words are not taken for settings.</summary>
    public static string WithoutComments(string text) => CommentPattern().Replace(text, "");

    static string BlockFrom(string text, int open)
    {
        var (opening, closing) = text[open] == '{' ? ('{', '}') : ('[', ']');
        var depth = 0;
        var inString = false;
        for (var i = open; i < text.Length; i++)
        {
            var c = text[i];
            if (!inString && c == '/' && i + 1 < text.Length && text[i + 1] == '/')
            {
                i = text.IndexOf('\n', i) is var end and >= 0 ? end : text.Length; // a comment may hold an apostrophe
                continue;
            }
            if (c == '\'' && (i == 0 || text[i - 1] != '\\')) inString = !inString;
            if (inString) continue;
            if (c == opening) depth++;
            else if (c == closing && --depth == 0) return text[open..(i + 1)];
        }
        throw new InvalidOperationException($"unbalanced '{opening}' at {open}");
    }

    [GeneratedRegex(@"^resource\s+(?<symbol>\w+)\s+'(?<type>[^'@]+)@(?<version>[^']+)'\s*=\s*\{", RegexOptions.Multiline)]
    private static partial Regex ResourcePattern();

    [GeneratedRegex(@"^output\s+(\w+)\s", RegexOptions.Multiline)]
    private static partial Regex OutputPattern();

    [GeneratedRegex(@"^\s*//.*$", RegexOptions.Multiline)]
    private static partial Regex CommentPattern();
}
