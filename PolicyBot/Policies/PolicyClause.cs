namespace PolicyBot.Policies;

/// <summary>
/// One citable unit of a policy: a numbered clause (<c>6.6</c>, <c>11</c>, <c>A3</c>), a bullet of a numbered
/// clause (<c>11 (c)</c>), or a paragraph/bullet of a section (<c>Scope ¶2</c>, <c>3.4 ¶5</c>).
/// </summary>
/// <param name="Id">Stable, human id, unique within the document.</param>
/// <param name="Section">The heading the clause sits under ("6 PERSONAL USE OF SOCIAL MEDIA"); empty before the first heading.</param>
/// <param name="Text">The full clause text as the policy words it (for a bullet: its lead-in, then the bullet).</param>
/// <param name="Order">Position in the document, from 0.</param>
/// <param name="LeadIn">For a bullet: the sentence that introduces the list ("employees must not:"), else null.</param>
/// <param name="HasBullets">A numbered clause whose list items are clauses of their own ("11 (a)" …); answers cite the items.</param>
public sealed record PolicyClause(string Id, string Section, string Text, int Order, string? LeadIn = null, bool HasBullets = false)
{
    /// <summary>The clause's own words, without the list lead-in.</summary>
    public string Body => LeadIn is null ? Text : Text[Math.Min(Text.Length, LeadIn.Length)..].TrimStart();
}
