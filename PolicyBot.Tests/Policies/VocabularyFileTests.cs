using System.Text.Json;
using PolicyBot.Policies;
using PolicyBot.Tests.Infrastructure;

namespace PolicyBot.Tests.Policies;

/// <summary>
/// The vocabulary file is read after stemming, so two entries that look different can be one: a word in two synonym
/// groups is silently read as the first, and an expansion key that stems to another key's concept replaces it. These
/// checks catch entries that would never take effect.
/// </summary>
public sealed class VocabularyFileTests
{
    static readonly JsonElement File = JsonDocument.Parse(System.IO.File.ReadAllText(
        Path.Combine(RepoPaths.Root, "PolicyBot", "Policies", "Vocabulary", "vocabulary.json"))).RootElement;

    static readonly Vocabulary Vocabulary = Vocabulary.Default;

    static string Stemmed(string phrase) => string.Join(' ', TextAnalyzer.Words(phrase).Select(Stemmer.Stem));

    static IEnumerable<string> Strings(string property) => File.GetProperty(property).EnumerateArray().Select(e => e.GetString()!);

    [Fact]
    public void No_word_belongs_to_two_synonym_groups()
    {
        var groupOf = new Dictionary<string, string>(StringComparer.Ordinal);
        var clashes = new List<string>();
        foreach (var group in File.GetProperty("synonyms").EnumerateArray().Select(g => g.EnumerateArray().Select(m => m.GetString()!).ToList()))
        {
            foreach (var member in group)
            {
                var stemmed = Stemmed(member);
                if (groupOf.TryGetValue(stemmed, out var first) && first != group[0])
                    clashes.Add($"'{member}' is in '{first}' and '{group[0]}'");
                groupOf.TryAdd(stemmed, group[0]);
            }
        }

        clashes.Should().BeEmpty();
    }

    [Fact]
    public void No_expansion_key_replaces_another()
    {
        var keys = File.GetProperty("expansions").EnumerateObject().Select(p => p.Name).ToList();

        var replaced = keys.GroupBy(k => Vocabulary.Canonical(Stemmed(k))).Where(g => g.Count() > 1)
            .Select(g => string.Join(" / ", g)).ToList();

        replaced.Should().BeEmpty("each of these is read as one concept, so only the last entry counts");
    }

    [Fact]
    public void No_synonym_or_expansion_key_is_a_stop_word()
    {
        var stop = Vocabulary.StopWords;
        var words = File.GetProperty("synonyms").EnumerateArray().SelectMany(g => g.EnumerateArray().Select(m => m.GetString()!))
            .Concat(File.GetProperty("expansions").EnumerateObject().Select(p => p.Name))
            .Where(w => !w.Contains(' '));

        words.Where(w => stop.Contains(w) || stop.Contains(Stemmer.Stem(w))).Should().BeEmpty();
    }

    [Fact]
    public void Stop_words_are_listed_once() =>
        Strings("stopWords").GroupBy(w => w).Where(g => g.Count() > 1).Select(g => g.Key).Should().BeEmpty();
}
