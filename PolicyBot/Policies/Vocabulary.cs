using System.Text.Json;

namespace PolicyBot.Policies;

/// <summary>
/// Domain vocabulary loaded from data (Vocabulary/vocabulary.json, embedded): stop words, synonym groups read as
/// one concept on both sides, one-way query expansions with weights, and the concepts that make a question a
/// policy question. Everything is stemmed on load so it meets the analysed text.
/// </summary>
public sealed class Vocabulary
{
    public const int MaxPhraseWords = 5;

    readonly Dictionary<string, string> _canonical = new(StringComparer.Ordinal);
    readonly Dictionary<string, string> _phrases = new(StringComparer.Ordinal);
    readonly HashSet<string> _phraseStarts = new(StringComparer.Ordinal);
    readonly Dictionary<string, IReadOnlyList<(string Concept, double Weight)>> _expansions = new(StringComparer.Ordinal);

    public IReadOnlySet<string> StopWords { get; }
    public IReadOnlySet<string> DomainConcepts { get; }

    /// <summary>Words that mean little alone ("add me") but point somewhere through their expansions (friend).</summary>
    public IReadOnlySet<string> WeakWords { get; }

    /// <summary>Named services (Instagram, TikTok …): context in a question, so they weigh less than what is being done.</summary>
    public IReadOnlySet<string> Platforms { get; }

    Vocabulary(VocabularyFile file)
    {
        var stop = new HashSet<string>((file.StopWords ?? []).Where(w => !w.Contains(' ')), StringComparer.Ordinal);
        foreach (var keep in file.KeepWords ?? []) stop.Remove(keep);
        StopWords = stop;
        // A stop phrase ("of course", "the following") is a phrase that stands for nothing: its words are dropped together.
        foreach (var phrase in (file.StopWords ?? []).Where(w => w.Contains(' ')))
            AddPhrase(StemPhrase(phrase), StopPhrase);

        foreach (var group in file.Synonyms ?? [])
        {
            if (group.Count == 0) continue;
            var concept = StemPhrase(group[0]);
            foreach (var member in group)
            {
                var stemmed = StemPhrase(member);
                if (stemmed.Contains(' '))
                    AddPhrase(stemmed, concept);
                else
                    _canonical.TryAdd(stemmed, concept);
            }
        }
        foreach (var (term, targets) in file.Expansions ?? [])
        {
            var from = Canonical(StemPhrase(term));
            _expansions[from] = targets.Select(t => (Canonical(StemPhrase(t.Key)), t.Value)).ToList();
        }
        DomainConcepts = new HashSet<string>((file.Domain ?? []).Select(d => Canonical(StemPhrase(d))), StringComparer.Ordinal);
        WeakWords = new HashSet<string>((file.WeakWords ?? []).Select(d => Canonical(StemPhrase(d))), StringComparer.Ordinal);
        Platforms = new HashSet<string>((file.Platforms ?? []).Select(d => Canonical(StemPhrase(d))), StringComparer.Ordinal);
    }

    /// <summary>The concept <see cref="TryPhrase"/> gives a stop phrase: nothing.</summary>
    public const string StopPhrase = "";

    void AddPhrase(string stemmed, string concept)
    {
        _phrases[stemmed] = concept;
        _phraseStarts.Add(stemmed[..stemmed.IndexOf(' ')]);
    }

    static readonly Lazy<Vocabulary> DefaultVocabulary = new(LoadEmbedded);

    /// <summary>The vocabulary shipped with the project.</summary>
    public static Vocabulary Default => DefaultVocabulary.Value;

    static readonly JsonSerializerOptions FileOptions = new() { PropertyNameCaseInsensitive = true };

    public static Vocabulary FromJson(string json)
    {
        var file = JsonSerializer.Deserialize<VocabularyFile>(json, FileOptions)
            ?? throw new InvalidDataException("The vocabulary file is empty.");
        return new Vocabulary(file);
    }

    static Vocabulary LoadEmbedded()
    {
        using var stream = typeof(Vocabulary).Assembly.GetManifestResourceStream("PolicyBot.Policies.vocabulary.json")
            ?? throw new InvalidOperationException("The embedded vocabulary (PolicyBot.Policies.vocabulary.json) is missing.");
        using var reader = new StreamReader(stream);
        return FromJson(reader.ReadToEnd());
    }

    /// <summary>Does the vocabulary say anything about this concept (synonym, expansion, domain, platform)?</summary>
    public bool Knows(string concept) =>
        _canonical.ContainsValue(concept) || _expansions.ContainsKey(concept) || DomainConcepts.Contains(concept) || Platforms.Contains(concept);

    /// <summary>The concept a single stemmed word stands for (itself when it has no synonyms).</summary>
    public string Canonical(string stem) => _canonical.TryGetValue(stem, out var c) ? c : _phrases.TryGetValue(stem, out var p) ? p : stem;

    /// <summary>Could a vocabulary phrase start with this stem? (Skips phrase look-ups for most words.)</summary>
    public bool StartsPhrase(string stem) => _phraseStarts.Contains(stem);

    /// <summary>The concept a stemmed multi-word phrase stands for, if the vocabulary knows it (<see cref="StopPhrase"/> for a stop phrase).</summary>
    public bool TryPhrase(string stemmedPhrase, out string concept) => _phrases.TryGetValue(stemmedPhrase, out concept!);

    public IReadOnlyList<(string Concept, double Weight)> Expansions(string concept) =>
        _expansions.TryGetValue(concept, out var e) ? e : [];

    static string StemPhrase(string phrase) =>
        string.Join(' ', TextAnalyzer.Words(phrase).Select(Stemmer.Stem));

    sealed class VocabularyFile
    {
        public List<string>? StopWords { get; set; }
        public List<string>? KeepWords { get; set; }
        public List<List<string>>? Synonyms { get; set; }
        public Dictionary<string, Dictionary<string, double>>? Expansions { get; set; }
        public List<string>? Domain { get; set; }
        public List<string>? Platforms { get; set; }
        public List<string>? WeakWords { get; set; }
    }
}
