namespace PolicyBot.Features.PolicyQuestions;

public enum AskPersonState { Open, Answered }

/// <summary>
/// A question passed from a member of staff to the school's contact (e.g. SLT) and its one reply. The first
/// reply wins: a second is refused with who answered first.
/// </summary>
public sealed record AskPersonQuestion(
    string QuestionId,
    string SchoolId,
    string TenantId,
    string AskedBy,
    string AskedByName,
    DateTimeOffset AskedAt,
    string Question,
    string? BestClauseId,
    AskPersonState State = AskPersonState.Open,
    string? AnsweredBy = null,
    string? AnsweredByName = null,
    DateTimeOffset? AnsweredAt = null,
    string? Reply = null)
{
    public const int MaxReplyLength = 2000;

    /// <summary>The question answered, or the reason it cannot be.</summary>
    public AskPersonTransition Answer(string by, string byName, DateTimeOffset at, string? reply)
    {
        if (State == AskPersonState.Answered)
            return AskPersonTransition.Refused(AskPersonRefusal.AlreadyAnswered);
        var text = reply?.Trim() ?? "";
        if (text.Length == 0)
            return AskPersonTransition.Refused(AskPersonRefusal.EmptyReply);
        if (text.Length > MaxReplyLength)
            return AskPersonTransition.Refused(AskPersonRefusal.ReplyTooLong);
        return AskPersonTransition.To(this with
        {
            State = AskPersonState.Answered,
            AnsweredBy = by,
            AnsweredByName = byName,
            AnsweredAt = at,
            Reply = text,
        });
    }
}

public enum AskPersonRefusal { AlreadyAnswered, EmptyReply, ReplyTooLong }

public sealed record AskPersonTransition(AskPersonQuestion? Next, AskPersonRefusal? Refusal)
{
    public static AskPersonTransition To(AskPersonQuestion next) => new(next, null);
    public static AskPersonTransition Refused(AskPersonRefusal refusal) => new(null, refusal);
}
