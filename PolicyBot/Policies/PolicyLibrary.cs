using System.Collections.Concurrent;

namespace PolicyBot.Policies;

/// <summary>
/// The policy indexes of every school this deployment serves, by school id. Built once at start-up (or when a
/// school is added); answering is lock-free reads.
/// </summary>
public sealed class PolicyLibrary
{
    readonly ConcurrentDictionary<string, PolicyIndex> _indexes = new(StringComparer.OrdinalIgnoreCase);
    readonly TextAnalyzer _analyzer;

    public PolicyLibrary(TextAnalyzer? analyzer = null) => _analyzer = analyzer ?? TextAnalyzer.Default;

    public IReadOnlyCollection<string> SchoolIds => _indexes.Keys.ToList();

    public PolicyIndex Add(string schoolId, PolicyDocument document)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(schoolId);
        var index = PolicyIndex.Build(document, _analyzer);
        _indexes[schoolId] = index;
        return index;
    }

    /// <summary>Loads every *.txt and *.md policy in a folder; the school id is the file name without extension.</summary>
    public static PolicyLibrary FromFolder(string folder, TextAnalyzer? analyzer = null)
    {
        var library = new PolicyLibrary(analyzer);
        foreach (var path in Directory.EnumerateFiles(folder).Where(IsPolicyFile).Order(StringComparer.Ordinal))
            library.Add(Path.GetFileNameWithoutExtension(path), PolicyDocument.Load(path));
        return library;
    }

    public static bool IsPolicyFile(string path) =>
        Path.GetExtension(path).ToLowerInvariant() is ".txt" or ".md" or ".markdown";

    public bool TryGet(string schoolId, out PolicyIndex index) => _indexes.TryGetValue(schoolId, out index!);

    /// <summary>Answers from the school's own policy.</summary>
    /// <exception cref="KeyNotFoundException">No policy is loaded for <paramref name="schoolId"/>.</exception>
    public PolicyAnswer Answer(string schoolId, string? question) =>
        _indexes.TryGetValue(schoolId, out var index)
            ? PolicyAnswerer.Answer(index, question)
            : throw new KeyNotFoundException($"No policy is loaded for school '{schoolId}'.");
}
