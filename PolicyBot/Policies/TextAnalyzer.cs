using System.Text;
using System.Text.RegularExpressions;

namespace PolicyBot.Policies;

/// <summary>One concept found in a text, at a word position (for phrase/bigram matching).</summary>
public readonly record struct Term(string Concept, int Position);

/// <summary>
/// Text → concepts: lower-case, fold quotes and hyphenated prefixes, words, stems, vocabulary phrases
/// ("senior leadership team" → slt), synonyms (pic → photo), stop words dropped. The same for policies and questions.
/// </summary>
public sealed partial class TextAnalyzer(Vocabulary vocabulary)
{
    public Vocabulary Vocabulary { get; } = vocabulary;

    public static TextAnalyzer Default { get; } = new(Vocabulary.Default);

    readonly System.Collections.Concurrent.ConcurrentDictionary<string, string> _concepts = new(StringComparer.Ordinal);

    /// <summary>
    /// The one concept a fixed word of the code stands for ("leave", "former", "disciplinary"), worked out once per
    /// analyzer rather than on every question; the word itself when it is not a single concept.
    /// </summary>
    public string ConceptOf(string word) =>
        _concepts.GetOrAdd(word, w => Analyze(w) is [var t] ? t.Concept : w);

    public IReadOnlyList<Term> Analyze(string text)
    {
        var raw = Words(text).ToList();
        var stems = raw.ConvertAll(Stemmer.Stem);
        var terms = new List<Term>(stems.Count);
        var position = 0;
        for (var i = 0; i < stems.Count;)
        {
            var matched = false;
            var longest = Vocabulary.StartsPhrase(stems[i]) ? Math.Min(Vocabulary.MaxPhraseWords, stems.Count - i) : 1;
            for (var n = longest; n >= 2; n--)
            {
                if (Vocabulary.TryPhrase(string.Join(' ', stems.GetRange(i, n)), out var concept))
                {
                    // A stop phrase's words are dropped as stop words are: they keep their positions, with no term.
                    if (concept == Vocabulary.StopPhrase)
                        position += n;
                    else
                        terms.Add(new Term(concept, position++));
                    i += n;
                    matched = true;
                    break;
                }
            }
            if (matched) continue;
            // Single letters say nothing, unless the vocabulary names one ("X", the platform once called Twitter).
            if (!Vocabulary.StopWords.Contains(raw[i]) && !Vocabulary.StopWords.Contains(stems[i]) && (stems[i].Length > 1 || Vocabulary.Canonical(stems[i]) != stems[i]))
                terms.Add(new Term(Vocabulary.Canonical(stems[i]), position));
            position++;
            i++;
        }
        return terms;
    }

    /// <summary>Lower-case words of a text, with "e-mail" → "email", "Year 5"/"Y5" → "yeargroup", apostrophes dropped.</summary>
    public static IEnumerable<string> Words(string text)
    {
        if (string.IsNullOrEmpty(text))
            yield break;
        var s = text.ToLowerInvariant().Replace('’', '\'').Replace('‘', '\'').Replace('“', '"').Replace('”', '"');
        s = YearGroup().Replace(s, " yeargroup ");
        s = IntensifiedParticle().Replace(s, "");
        s = SplitPhrasalVerb().Replace(s, "$1 $3 $2");
        s = SingleLetterPrefix().Replace(s, "$1$2");
        s = Contraction().Replace(s, "$1");
        s = Possessive().Replace(s, "");
        var word = new StringBuilder();
        foreach (var ch in s)
        {
            if (char.IsLetterOrDigit(ch))
                word.Append(ch);
            else if (ch == '\'')
                continue;
            else if (word.Length > 0)
            {
                yield return word.ToString();
                word.Clear();
            }
        }
        if (word.Length > 0)
            yield return word.ToString();
    }

    /// <summary>"Year 5", "Y5", "yr 5": a year group (also read by Query for "the Y6 twitter").</summary>
    internal const string YearGroupPattern = @"\b(?:year|yr|y)\s?(?:[1-9]|1[0-3])";

    [GeneratedRegex(YearGroupPattern + @"(?:s|'s)?\b")]
    private static partial Regex YearGroup();

    // "set it up", "take one down", "sign this off": a pronoun splits a phrasal verb; put the particle back beside its
    // verb so "set up" is read as one phrase.
    [GeneratedRegex(@"\b((?:set|take|sign|pass|put|shut|turn|switch|log|call|check|send|sort|back|print|give|hand|report|block|write|tone|delete)\w{0,4}|took|sent|gave|wrote)\s+(it|one|this|that|them|these|those|him|her|me|us|everything|something|anything)\s+(up|down|off|on|out|in|over|back|through|away)\b")]
    private static partial Regex SplitPhrasalVerb();

    // "ridden right up", "took it straight down": the intensifier sits between a verb and its particle.
    [GeneratedRegex(@"\b(right|straight|all the way) (?=(up|down|off|out|over|back|away)\b)")]
    private static partial Regex IntensifiedParticle();

    [GeneratedRegex(@"\b([ex])-([a-z])")]
    private static partial Regex SingleLetterPrefix();

    [GeneratedRegex(@"'s\b")]
    private static partial Regex Possessive();

    // "we'd", "I'll", "she'd": without the apostrophe they would read as "wed", "ill", "shed".
    [GeneratedRegex(@"\b(i|we|you|they|he|she|it|that|there|who|what)'(d|ll|ve|re|m)\b")]
    private static partial Regex Contraction();
}
