using System.Text.RegularExpressions;

namespace PolicyBot.Tests.Infra;

/// <summary>
/// Reads what plain text can tell about a Bicep file: its parameters (with default and @allowed values),
/// its resources (type, API version and body, by brace matching) and its outputs. Bicep cannot be compiled
/// offline here, so these are honest text checks, not a compiler.
/// </summary>
public sealed partial class BicepText
{
    public sealed record Parameter(string Name, string Type, bool HasDefault, IReadOnlyList<string>? Allowed);

    public sealed record Resource(string Symbol, string Type, string ApiVersion, string Body);

    public string Text { get; }
    public IReadOnlyList<Parameter> Parameters { get; }
    public IReadOnlyList<Resource> Resources { get; }
    public IReadOnlyList<string> Outputs { get; }

    public BicepText(string text)
    {
        Text = text;
        Parameters = ReadParameters(text);
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

    static List<Parameter> ReadParameters(string text)
    {
        var parameters = new List<Parameter>();
        List<string>? allowed = null;
        foreach (var line in text.Split('\n').Select(l => l.Trim()))
        {
            var allowedMatch = AllowedPattern().Match(line);
            if (allowedMatch.Success)
            {
                allowed = QuotedPattern().Matches(allowedMatch.Groups[1].Value).Select(m => m.Groups[1].Value).ToList();
                continue;
            }
            var param = ParamPattern().Match(line);
            if (param.Success)
            {
                parameters.Add(new Parameter(param.Groups["name"].Value, param.Groups["type"].Value, param.Groups["default"].Success, allowed));
                allowed = null;
            }
            else if (!line.StartsWith('@'))
            {
                allowed = null;
            }
        }
        return parameters;
    }

    [GeneratedRegex(@"^resource\s+(?<symbol>\w+)\s+'(?<type>[^'@]+)@(?<version>[^']+)'\s*=\s*\{", RegexOptions.Multiline)]
    private static partial Regex ResourcePattern();

    [GeneratedRegex(@"^output\s+(\w+)\s", RegexOptions.Multiline)]
    private static partial Regex OutputPattern();

    [GeneratedRegex(@"^param\s+(?<name>\w+)\s+(?<type>\w+)(?<default>\s*=.*)?$")]
    private static partial Regex ParamPattern();

    [GeneratedRegex(@"^@allowed\((\[.*\])\)$")]
    private static partial Regex AllowedPattern();

    [GeneratedRegex(@"^\s*//.*$", RegexOptions.Multiline)]
    private static partial Regex CommentPattern();

    [GeneratedRegex(@"'([^']*)'")]
    private static partial Regex QuotedPattern();
}
