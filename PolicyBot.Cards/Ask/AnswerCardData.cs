namespace PolicyBot.Cards.Ask;

/// <summary>The verdict an answer gives, derived by the policy layer from the clause's own wording.</summary>
public enum AnswerVerdict { Yes, No, AskFirst, Report, Caution, NotCovered }

/// <summary>What the person said about an answer; <see cref="None"/> until they press 👍 or 👎.</summary>
public enum AnswerFeedback { None, Up, Down }

/// <summary>Next steps an answer offers besides "Ask a person", where they fit the question.</summary>
[Flags]
public enum AnswerOffers { None = 0, RequestSite = 1, ReportConcern = 2 }

/// <summary>A policy clause as quoted on a card: its number ("6.6", "A3"), its section heading and its text.</summary>
public sealed record QuotedClause(string Number, string Section, string Text);

/// <summary>Everything an answer card shows. Ids identify the answer; the card carries no authority.</summary>
/// <param name="AnswerId">The stored answer (feedback and "ask a person" refer to it).</param>
/// <param name="SchoolId">The school whose policy answered.</param>
/// <param name="Question">The question as typed (untrusted; escaped and clipped on the card).</param>
/// <param name="Answer">One sentence built from the verdict and the clause.</param>
/// <param name="Clause">The clause that answers; null when the policy does not cover the question.</param>
/// <param name="SectionText">The whole section the clause belongs to, shown on demand.</param>
/// <param name="Related">Up to two further clauses worth reading (more are ignored).</param>
/// <param name="PassedTo">Set once "Ask a person" was pressed: who the question went to; the button becomes a note.</param>
public sealed record AnswerCardData(
    string AnswerId,
    string SchoolId,
    string Question,
    AnswerVerdict Verdict,
    string Answer,
    QuotedClause? Clause,
    string? SectionText,
    IReadOnlyList<QuotedClause> Related,
    AnswerOffers Offers = AnswerOffers.None,
    AnswerFeedback Feedback = AnswerFeedback.None,
    string? PassedTo = null);
