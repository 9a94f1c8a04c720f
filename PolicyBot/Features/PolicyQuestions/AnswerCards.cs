using PolicyBot.Cards.Ask;
using PolicyBot.Policies;
using PolicyBot.Schools;

namespace PolicyBot.Features.PolicyQuestions;

/// <summary>Turns a <see cref="PolicyAnswer"/> into what the answer card shows.</summary>
public static class AnswerCards
{
    /// <summary>A whole section can be long (some policies put pages under one heading); the card stays small.</summary>
    public const int MaxSectionLength = 6000;

    public static AnswerCardData ToCardData(string questionId, School school, string question, PolicyAnswer answer, PolicyIndex index,
        AnswerFeedback feedback = AnswerFeedback.None, string? passedTo = null)
    {
        var first = answer.Citations.Count > 0 ? answer.Citations[0] : null;
        // The quote names the school whose policy it is: in a trust, staff must see that the answer is their own school's.
        var clause = first is null ? null : new QuotedClause(first.ClauseId, OfSchool(school, first.Section), first.Text);
        var related = answer.RelatedClauseIds
            .Select(index.Document.Find)
            .OfType<PolicyClause>()
            .Take(2)
            .Select(c => new QuotedClause(c.Id, c.Section, c.Text))
            .ToList();
        var sentence = answer.NextStep is { Length: > 0 } next ? $"{answer.Answer} {next}" : answer.Answer;
        return new AnswerCardData(questionId, school.Id, question, ToCardVerdict(answer.Verdict), sentence, clause,
            SectionText(index, first), related, Offers(answer), feedback, passedTo);
    }

    /// <summary>
    /// "Report a concern" when the policy says to report it; "Request a new school site" when the question is about
    /// setting one up and the policy does not forbid it.
    /// </summary>
    public static AnswerOffers Offers(PolicyAnswer answer)
    {
        var offers = AnswerOffers.None;
        if (answer.Verdict == Verdict.Report)
            offers |= AnswerOffers.ReportConcern;
        if (answer.AboutNewOfficialSite && answer.Verdict is not (Verdict.No or Verdict.Report))
            offers |= AnswerOffers.RequestSite;
        return offers;
    }

    static string OfSchool(School school, string section) =>
        string.IsNullOrWhiteSpace(section) ? school.Name : $"{school.Name}: {section}";

    public static AnswerVerdict ToCardVerdict(Verdict verdict) => verdict switch
    {
        Verdict.Yes => AnswerVerdict.Yes,
        Verdict.No => AnswerVerdict.No,
        Verdict.AskFirst => AnswerVerdict.AskFirst,
        Verdict.Report => AnswerVerdict.Report,
        Verdict.Caution => AnswerVerdict.Caution,
        _ => AnswerVerdict.NotCovered,
    };

    static string? SectionText(PolicyIndex index, Citation? first)
    {
        if (first is null || index.Document.Find(first.ClauseId) is not { } clause)
            return null;
        var section = index.Document.SectionOf(clause);
        if (section.Count < 2)
            return null;
        var text = string.Join("\n\n", section.Select(c => $"{c.Id}  {c.Text}"));
        return text.Length <= MaxSectionLength ? text : text[..MaxSectionLength].TrimEnd() + " …";
    }
}
