using System.Text;
using System.Text.RegularExpressions;

namespace PolicyBot.Policies;

/// <summary>
/// Splits a policy written as plain text or Markdown into clauses. Real school policies are exported from Word
/// and PDF, so the parser expects page breaks inside sentences, bullets run together on one line, repeated
/// clause numbers and form tables, and keeps going: it never throws on odd input.
/// </summary>
public static partial class PolicyParser
{
    const int MaxHeadingWords = 12;

    public static PolicyDocument Parse(string name, string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var state = new State();
        var lines = Preprocess(text);
        for (var i = 0; i < lines.Count; i++)
        {
            var nextBlank = i + 1 >= lines.Count || lines[i + 1].Length == 0 || IsFormLine(lines[i + 1]);
            var prevBlank = i == 0 || lines[i - 1].Length == 0 || IsFormLine(lines[i - 1]);
            state.Feed(lines[i], prevBlank, nextBlank);
        }
        state.Finish();
        return new PolicyDocument(name, state.Clauses);
    }

    static List<string> Preprocess(string text)
    {
        text = text.Replace("\r\n", "\n").Replace('\r', '\n').Replace('\u00a0', ' ').Replace('\u2002', ' ').Replace('\u2003', ' ');
        var lines = new List<string>();
        foreach (var raw in text.Split('\n'))
        {
            var line = ExpandLeadingTabs(raw);
            if (IsFormLine(line))
            {
                lines.Add("");
                continue;
            }
            line = line.TrimEnd();
            // Word exports run bullets together: "... the school. • Users must ..." is two bullets.
            var parts = InlineBullet().Split(line);
            lines.Add(parts[0]);
            for (var p = 1; p < parts.Length; p++)
                lines.Add(new string(' ', Indent(parts[0])) + "• " + parts[p].Trim());
        }
        return lines;
    }

    static string ExpandLeadingTabs(string line)
    {
        var n = 0;
        while (n < line.Length && line[n] == '\t') n++;
        return n == 0 ? line : new string(' ', n * 2) + line[n..];
    }

    static int Indent(string line)
    {
        var n = 0;
        while (n < line.Length && line[n] == ' ') n++;
        return n;
    }

    // Table rows and tick-box forms (tabs between cells, ballot boxes) carry no rules.
    static bool IsFormLine(string line) => line.TrimStart().Contains('\t') || line.Contains('☐') || line.Contains('☑');

    internal static string StripEmphasis(string s) => Emphasis().Replace(s, "");

    static string Clean(string s) => Spaces().Replace(StripEmphasis(s), " ").Trim();

    enum UnitKind { Numbered, Paragraph, Bullet }

    sealed class Unit(UnitKind kind, string? number, int indent, string section, string idPrefix)
    {
        public UnitKind Kind { get; } = kind;
        public string? Number { get; } = number;
        public int Indent { get; } = indent;
        public string Section { get; } = section;
        public string IdPrefix { get; } = idPrefix;
        public StringBuilder Text { get; } = new();
        public List<StringBuilder> Bullets { get; } = [];
        public List<int> BulletIndents { get; } = [];
        public string? LeadIn { get; init; }
        public bool IsLeadIn { get; set; }

        /// <summary>A bullet that took deeper bullets as its own items ("information on the following: - Drugs.").</summary>
        public bool AbsorbedItems { get; set; }

        /// <summary>A bullet after another bullet: an item of a list, kept however short ("Gambling.").</summary>
        public bool InList { get; init; }
    }

    sealed record Heading(string Text, string? Number, int Level, bool FromBullet);

    sealed class State
    {
        public List<PolicyClause> Clauses { get; } = [];
        readonly List<Heading> _headings = [];
        readonly Dictionary<string, int> _positions = new(StringComparer.OrdinalIgnoreCase);
        readonly HashSet<string> _ids = new(StringComparer.OrdinalIgnoreCase);
        Unit? _current;
        Unit? _openNumbered;           // a numbered clause whose bullets may still follow
        string? _listLeadIn;            // "... must not:" introducing section-level bullets

        // Level 0 is a Markdown document title ("# Staff Social Media Policy"): it names the document, not a section.
        IEnumerable<Heading> Sections => _headings.Where(h => h.Level > 0);

        string Section => string.Join(" › ", Sections.Select(h => h.Number is null || h.Text.StartsWith(h.Number, StringComparison.Ordinal) ? h.Text : $"{h.Number} {h.Text}"));

        // From the deepest numbered heading down: "3.4 ¶2", "3.5 › Contact ¶1", "PERSONAL USE › PUPILS ¶1".
        string IdPrefix
        {
            get
            {
                var sections = Sections.ToList();
                if (sections.Count == 0)
                    return "Preamble";
                var start = sections.FindLastIndex(h => h.Number is not null);
                return string.Join(" › ", sections.Skip(Math.Max(0, start)).Select(h => h.Number ?? h.Text));
            }
        }

        public void Feed(string line, bool prevBlank, bool nextBlank)
        {
            if (line.Length == 0 || IsFormLine(line))
                return;
            var indent = Indent(line);
            var text = line.Trim();

            var md = MarkdownHeading().Match(text);
            if (md.Success)
            {
                var headingText = Clean(md.Groups[2].Value);
                var headingNumber = NumberMarker().Match(headingText + " ");
                if (headingNumber.Success && !char.IsLetter(headingNumber.Groups[1].Value[0]))
                    AddHeading(headingText[headingNumber.Length..].Trim(), 0, fromBullet: false, explicitLevel: false, number: headingNumber.Groups[1].Value.TrimEnd('.'));
                else
                    AddHeading(headingText, md.Groups[1].Value.Length - 1, fromBullet: false, explicitLevel: true); // "#" is the title
                return;
            }

            var bullet = BulletMarker().Match(text);
            if (bullet.Success)
            {
                var rest = text[bullet.Length..];
                var num = NumberMarker().Match(StripEmphasis(rest));
                if (num.Success)
                {
                    StartNumbered(num.Groups[1].Value, StripEmphasis(rest)[num.Length..], indent);
                    return;
                }
                var cleaned = Clean(rest);
                if (IsBulletHeading(cleaned))
                {
                    AddHeading(cleaned, 0, fromBullet: true, explicitLevel: false);
                    return;
                }
                AddBullet(cleaned, indent);
                return;
            }

            var plain = StripEmphasis(text);
            var numbered = NumberMarker().Match(plain);
            var bareSection = BareSectionNumber().Match(plain);
            if (numbered.Success || bareSection.Success)
            {
                var m = numbered.Success ? numbered : bareSection;
                var rest = Clean(plain[m.Length..]);
                if (prevBlank && nextBlank && LooksLikeHeading(rest))
                {
                    AddHeading(rest, 0, fromBullet: false, explicitLevel: false, number: m.Groups[1].Value);
                    return;
                }
                if (numbered.Success)
                {
                    StartNumbered(m.Groups[1].Value, plain[m.Length..], indent);
                    return;
                }
            }

            var letter = LetterHeading().Match(plain);
            if (letter.Success && prevBlank && nextBlank)
            {
                AddHeading(Clean(plain), 0, fromBullet: false, explicitLevel: false, number: letter.Groups[1].Value);
                return;
            }
            if (Appendix().IsMatch(plain) && prevBlank && nextBlank)
            {
                AddHeading(Clean(plain), 1, fromBullet: false, explicitLevel: true, number: Clean(plain));
                return;
            }

            // A line inside a paragraph, or a paragraph that carries on a sentence cut by a page break.
            if (_current is not null && (!prevBlank || StartsLowercase(plain)))
            {
                Append(_current, plain);
                return;
            }

            var clean = Clean(plain);
            if (prevBlank && nextBlank && LooksLikeHeading(clean))
            {
                AddHeading(clean, 0, fromBullet: false, explicitLevel: false);
                return;
            }

            Close();
            _openNumbered = null;
            _current = new Unit(UnitKind.Paragraph, null, indent, Section, IdPrefix);
            _current.Text.Append(clean);
        }

        static bool StartsLowercase(string s) => s.Length > 0 && char.IsLower(s[0]);

        static void Append(Unit unit, string text)
        {
            var target = unit.Bullets.Count > 0 ? unit.Bullets[^1] : unit.Text;
            target.Append(' ').Append(Clean(text));
        }

        void StartNumbered(string number, string rest, int indent)
        {
            Close();
            _current = new Unit(UnitKind.Numbered, number.TrimEnd('.'), indent, Section, IdPrefix);
            _current.Text.Append(Clean(rest));
            _openNumbered = _current;
            _listLeadIn = null;
        }

        void AddBullet(string text, int indent)
        {
            if (_openNumbered is not null && ReferenceEquals(_current, _openNumbered)
                && (indent > _openNumbered.Indent || _openNumbered.Text.ToString().TrimEnd().EndsWith(':')))
            {
                _openNumbered.Bullets.Add(new StringBuilder(text));
                _openNumbered.BulletIndents.Add(indent);
                return;
            }
            // A deeper bullet under a section bullet belongs to it ("- harmful content: - that ..."), and so do one-word
            // items straight after those, where a page break lost the indent ("- information on the following: - Drugs."
            // then "- Weapons.", "- Violence.").
            if (_current is { Kind: UnitKind.Bullet } previous && (indent > previous.Indent || (previous.AbsorbedItems && WordCount(text) == 1)))
            {
                previous.Text.Append(previous.Text.ToString().TrimEnd().EndsWith(':') ? " " : "; ").Append(text);
                previous.AbsorbedItems = true;
                return;
            }
            var inList = _current is { Kind: UnitKind.Bullet };
            if (_current is { Kind: UnitKind.Paragraph } lead)
            {
                var leadText = lead.Text.ToString().Trim();
                _listLeadIn = TrailingDash().Replace(leadText, "").EndsWith(':') ? TrailingDash().Replace(leadText, "") : null;
                lead.IsLeadIn = _listLeadIn is not null;
            }
            Close();
            _openNumbered = null;
            _current = new Unit(UnitKind.Bullet, null, indent, Section, IdPrefix) { LeadIn = _listLeadIn, InList = inList };
            _current.Text.Append(text);
        }

        void AddHeading(string text, int level, bool fromBullet, bool explicitLevel, string? number = null)
        {
            Close();
            _openNumbered = null;
            _listLeadIn = null;
            text = text.TrimEnd(':').Trim();
            if (number is not null && text.StartsWith(number, StringComparison.Ordinal) is false && !explicitLevel)
                text = text.Trim();
            if (!explicitLevel)
            {
                if (fromBullet)
                {
                    while (_headings.Count > 0 && _headings[^1].FromBullet) _headings.RemoveAt(_headings.Count - 1);
                    level = (_headings.Count == 0 ? 0 : _headings[^1].Level) + 1;
                }
                else if (number is not null)
                {
                    // "3.1" sits under "3"; a lettered heading ("A. CREATION OF SITES") under its appendix.
                    level = char.IsLetter(number[0]) ? (_headings.Any(h => h.Level == 1 && Appendix().IsMatch(h.Text)) ? 2 : 1) : number.TrimEnd('.').Split('.').Length;
                }
                else
                {
                    var deepestNumbered = _headings.LastOrDefault(h => h.Number is not null);
                    level = deepestNumbered is null ? 1 : deepestNumbered.Level + 1;
                }
            }
            while (_headings.Count > 0 && _headings[^1].Level >= level) _headings.RemoveAt(_headings.Count - 1);
            _headings.Add(new Heading(text, number?.TrimEnd('.'), level, fromBullet));
        }

        public void Finish() => Close();

        void Close()
        {
            var unit = _current;
            _current = null;
            if (unit is null)
                return;
            var body = Clean(unit.Text.ToString());
            switch (unit.Kind)
            {
                case UnitKind.Numbered:
                {
                    var full = unit.Bullets.Count == 0 ? body : body + " " + string.Join("; ", unit.Bullets.Select(b => Clean(b.ToString()).TrimEnd(';', '.')));
                    var id = Unique(unit.Number!);
                    Emit(id, unit.Section, full, null, hasBullets: unit.Bullets.Count > 0);
                    for (var b = 0; b < unit.Bullets.Count; b++)
                        Emit(Unique($"{id} ({Letters(b)})"), unit.Section, body + " " + Clean(unit.Bullets[b].ToString()), body);
                    break;
                }
                case UnitKind.Paragraph:
                case UnitKind.Bullet:
                {
                    // A stray fragment says nothing; a short item of a list ("Gambling.") is one of its rules.
                    var shortItem = unit.Kind == UnitKind.Bullet && unit.InList;
                    if (WordCount(body) < 3 && !shortItem)
                        return;
                    // A one-sentence list lead-in ("Staff should:") lives on in every bullet; alone it says nothing.
                    if (unit.Kind == UnitKind.Paragraph && unit.IsLeadIn && TrailingDash().Replace(body, "").EndsWith(':') && !body.Contains(". "))
                        return;
                    var position = _positions.TryGetValue(unit.IdPrefix, out var p) ? p + 1 : 1;
                    _positions[unit.IdPrefix] = position;
                    var leadIn = unit.Kind == UnitKind.Bullet ? unit.LeadIn : null;
                    var text = leadIn is null ? body : leadIn + " " + body;
                    Emit(Unique($"{unit.IdPrefix} ¶{position}"), unit.Section, text, leadIn, allowShort: shortItem);
                    break;
                }
            }
        }

        void Emit(string id, string section, string text, string? leadIn, bool hasBullets = false, bool allowShort = false)
        {
            if (WordCount(text) < (allowShort ? 1 : 3))
                return;
            Clauses.Add(new PolicyClause(id, section, text, Clauses.Count, leadIn, hasBullets));
        }

        string Unique(string id)
        {
            if (_ids.Add(id))
                return id;
            // Real documents repeat numbers (two "8.1", two "D3"): keep both, told apart by their order.
            for (var n = 2; ; n++)
            {
                var candidate = $"{id} ({Ordinal(n)})";
                if (_ids.Add(candidate))
                    return candidate;
            }
        }
    }

    static string Ordinal(int n) => n switch { 2 => "2nd", 3 => "3rd", _ => $"{n}th" };

    static string Letters(int index) => index < 26 ? ((char)('a' + index)).ToString() : Letters(index / 26 - 1) + (char)('a' + index % 26);

    static int WordCount(string s) => s.Split(' ', StringSplitOptions.RemoveEmptyEntries).Count(w => w.Any(char.IsLetterOrDigit));

    static bool IsBulletHeading(string text) =>
        text.Length is > 1 and <= 40 && !text.Any(char.IsLower) && text.Any(char.IsLetter) && !EndsWithPunctuation(text);

    static bool EndsWithPunctuation(string s) => s.Length > 0 && ".;:,!?".Contains(s[^1]);

    static bool LooksLikeHeading(string text)
    {
        if (text.Length is 0 or > 100 || EndsWithPunctuation(text) || !char.IsLetter(text[0]) || !char.IsUpper(text[0]))
            return false;
        var words = WordCount(text);
        var allCaps = !text.Any(char.IsLower);
        if (allCaps)
            return words <= 16;
        return words <= MaxHeadingWords && !text.Contains(':') && !text.Contains(". ");
    }

    [GeneratedRegex(@"\s+•\s+")]
    private static partial Regex InlineBullet();

    [GeneratedRegex(@"\*+")]
    private static partial Regex Emphasis();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();

    [GeneratedRegex(@"^(#{1,6})\s+(.*)$")]
    private static partial Regex MarkdownHeading();

    [GeneratedRegex(@"^(?:[-•*–▪·●]|o(?=\s+\S))\s+")]
    private static partial Regex BulletMarker();

    // "6.6 ", "11. ", "A3. ", "A2. " (after emphasis removal), "1.2.3 ".
    [GeneratedRegex(@"^((?:\d{1,2}(?:\.\d{1,2})+\.?)|(?:\d{1,2}\.)|(?:[A-Z]\d{1,2}\.?))\s+(?=\S)")]
    private static partial Regex NumberMarker();

    // "3 LEGAL FRAMEWORK": a bare section number before a heading.
    [GeneratedRegex(@"^(\d{1,2})\s+(?=[A-Z])")]
    private static partial Regex BareSectionNumber();

    [GeneratedRegex(@"^([A-Z])\.\s+[A-Z][A-Z &,/'’-]+$")]
    private static partial Regex LetterHeading();

    [GeneratedRegex(@"^APPENDIX\s+[A-Z0-9]+$", RegexOptions.IgnoreCase)]
    private static partial Regex Appendix();

    [GeneratedRegex(@"\s*[-–]\s*$")]
    private static partial Regex TrailingDash();
}
