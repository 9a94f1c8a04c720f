namespace PolicyBot.Policies;

/// <summary>
/// A light English suffix stripper (our own; no stemmer package is available). It only has to be consistent:
/// questions and policies go through the same function, so "photographs"/"photographed" and
/// "authorised"/"authorisation" meet. British and American spellings (-ise/-ize) are folded together.
/// </summary>
public static class Stemmer
{
    public static string Stem(string word)
    {
        ArgumentNullException.ThrowIfNull(word);
        if (word.Length <= 3 || !word.All(char.IsLetter))
            return word;
        if (Exceptions.TryGetValue(word, out var fixedStem))
            return fixedStem;
        var w = word;
        w = w.Replace("iz", "is", StringComparison.Ordinal);

        if (w.EndsWith("sses", StringComparison.Ordinal)) w = w[..^2];
        else if (w.EndsWith("ies", StringComparison.Ordinal) && w.Length > 4) w = w[..^3] + "y";
        else if (w.EndsWith('s') && !w.EndsWith("ss", StringComparison.Ordinal) && !w.EndsWith("us", StringComparison.Ordinal) && !w.EndsWith("is", StringComparison.Ordinal) && w.Length > 3) w = w[..^1];

        foreach (var (suffix, replacement, minStem) in Rules)
        {
            if (w.EndsWith(suffix, StringComparison.Ordinal) && w.Length - suffix.Length >= minStem && HasVowel(w[..^suffix.Length]))
            {
                w = w[..^suffix.Length] + replacement;
                if (suffix is "ing" or "ed")
                    w = Undouble(w);
                break;
            }
        }
        if (w.EndsWith('e') && w.Length > 3)
            w = w[..^1];
        if (w.EndsWith('y') && w.Length > 4)
            w = w[..^1] + "i";
        return w;
    }

    // Words the rules below would make into another, common word: "notes" would lose its s and its e and read as "not",
    // which the vocabulary keeps as a word of its own (a negation), so "I keep notes about pupils" asked about "not".
    static readonly Dictionary<string, string> Exceptions = new(StringComparer.Ordinal)
    {
        ["note"] = "note", ["notes"] = "note", ["noted"] = "note", ["noting"] = "note",
    };

    // Longest first; each needs a minimum stem so "bring" and "need" survive.
    static readonly (string Suffix, string Replacement, int MinStem)[] Rules =
    [
        ("isations", "is", 3), ("isation", "is", 3), ("ational", "ate", 3), ("ation", "ate", 3), ("ements", "", 4), ("ement", "", 4),
        ("fulness", "", 3), ("iveness", "ive", 3), ("ness", "", 3), ("ically", "ic", 3), ("ingly", "", 3), ("edly", "", 3),
        ("ally", "al", 3), ("ly", "", 4), ("ing", "", 3), ("ed", "", 3), ("al", "", 4), ("ive", "", 4),
    ];

    static bool HasVowel(string s) => s.Any(c => "aeiouy".Contains(c));

    static string Undouble(string w) =>
        w.Length > 3 && w[^1] == w[^2] && !"lsz".Contains(w[^1]) ? w[..^1] : w;
}
