namespace PolicyBot.Policies;

/// <summary>A school's policy split into clauses, in document order.</summary>
public sealed record PolicyDocument(string Name, IReadOnlyList<PolicyClause> Clauses)
{
    /// <summary>The clause with this id, or null.</summary>
    public PolicyClause? Find(string id) => Clauses.FirstOrDefault(c => string.Equals(c.Id, id, StringComparison.OrdinalIgnoreCase));

    /// <summary>Every clause under the same heading as <paramref name="clause"/> ("show the whole section").</summary>
    public IReadOnlyList<PolicyClause> SectionOf(PolicyClause clause) =>
        Clauses.Where(c => c.Section == clause.Section).ToList();

    /// <summary>Reads and parses a policy file (plain text or Markdown); the name is the file name without extension.</summary>
    public static PolicyDocument Load(string path) =>
        PolicyParser.Parse(Path.GetFileNameWithoutExtension(path), File.ReadAllText(path));
}
