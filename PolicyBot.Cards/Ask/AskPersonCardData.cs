namespace PolicyBot.Cards.Ask;

/// <summary>A question passed to the school's contact (e.g. SLT) because the policy is silent or unclear.</summary>
/// <param name="QuestionId">The stored question; the reply refers to it.</param>
/// <param name="AskedBy">The staff member's display name.</param>
/// <param name="Question">As typed (untrusted).</param>
/// <param name="BestClause">The policy's closest clause, if the policy had one.</param>
/// <param name="Reply">Set once someone has answered; the card then shows who answered and when.</param>
public sealed record AskPersonCardData(
    string QuestionId,
    string SchoolId,
    string AskedBy,
    DateTimeOffset AskedAt,
    string Question,
    QuotedClause? BestClause,
    AskPersonReply? Reply = null);

/// <summary>A person's answer to a passed-on question.</summary>
public sealed record AskPersonReply(string AnsweredBy, DateTimeOffset AnsweredAt, string Text);

/// <summary>What the asker sees when their question has been answered.</summary>
public sealed record AskPersonReplyCardData(string Question, AskPersonReply Reply);

/// <summary>Confirmation to the asker that their question went to a person.</summary>
/// <param name="SentTo">Who it went to, as the school names them ("the senior leadership team").</param>
public sealed record AskPersonSentCardData(string Question, string SentTo);
