namespace PolicyBot.Policies;

/// <summary>
/// Who a question or clause is about: pupils, their parents, family members or colleagues. Policies give different
/// rules for each ("decline friend requests from pupils", "carefully consider contact with a pupil's family
/// members", "caution when inviting colleagues"), so a clause only about other people answers another question.
/// </summary>
internal sealed class People
{
    readonly string _pupil, _parent, _family, _colleague;
    readonly string[] _all;

    /// <summary>The concept pupils, children and year groups are read as.</summary>
    public string Pupil => _pupil;

    public People(TextAnalyzer analyzer)
    {
        ArgumentNullException.ThrowIfNull(analyzer);
        _pupil = Concept(analyzer, "pupil");
        _parent = Concept(analyzer, "parent");
        _family = Concept(analyzer, "family");
        _colleague = Concept(analyzer, "colleague");
        _all = [_pupil, _parent, _family, _colleague];
    }

    static string Concept(TextAnalyzer analyzer, string word) => analyzer.Analyze(word) is [var t] ? t.Concept : word;

    /// <summary>The groups among these concepts.</summary>
    public HashSet<string> In(IEnumerable<string> concepts)
    {
        var groups = new HashSet<string>(StringComparer.Ordinal);
        foreach (var c in concepts)
            if (Array.IndexOf(_all, c) >= 0)
                groups.Add(c);
        return groups;
    }

    /// <summary>
    /// Both name people and none of the question's are in the clause. A parent is one of a pupil's family members,
    /// so a clause about family members speaks to a question about a parent.
    /// </summary>
    public bool Conflict(IReadOnlySet<string> asked, IReadOnlySet<string> clause)
    {
        if (asked.Count == 0 || clause.Count == 0)
            return false;
        foreach (var group in asked)
            if (clause.Contains(group) || (group == _parent && clause.Contains(_family)))
                return false;
        return true;
    }
}
