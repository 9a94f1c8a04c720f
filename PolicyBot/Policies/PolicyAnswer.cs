namespace PolicyBot.Policies;

/// <summary>A clause quoted in an answer.</summary>
/// <param name="ClauseId">The clause's id in the policy ("6.6", "A3", "Scope ¶2").</param>
/// <param name="Section">Its heading.</param>
/// <param name="Text">The full clause text.</param>
/// <param name="Score">Retrieval score (higher is better); only comparable within one answer.</param>
public sealed record Citation(string ClauseId, string Section, string Text, double Score);

/// <summary>
/// An answer to a staff question, built only from the school's policy: the verdict comes from the first
/// citation's wording and the sentences quote it. Plain text: the card layer escapes it.
/// </summary>
/// <param name="Verdict">What to do.</param>
/// <param name="Citations">Clauses that answer the question, best first; empty when <see cref="Verdict.NotCovered"/>.</param>
/// <param name="Answer">One sentence: the verdict and the quoted words of the first clause.</param>
/// <param name="NextStep">What to do next, naming the person only when the clause does; null when there is nothing to add.</param>
/// <param name="RelatedClauseIds">Up to two further clauses worth reading.</param>
/// <param name="Quote">The sentence of the first clause the verdict was read from.</param>
/// <param name="AboutNewOfficialSite">The question is about setting up a new school or class site or account.</param>
public sealed record PolicyAnswer(
    Verdict Verdict,
    IReadOnlyList<Citation> Citations,
    string Answer,
    string? NextStep,
    IReadOnlyList<string> RelatedClauseIds,
    string? Quote,
    bool AboutNewOfficialSite = false)
{
    public bool OffersAskAPerson => Verdict == Verdict.NotCovered;
}
