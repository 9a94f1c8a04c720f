using Azure;
using PolicyBot.Cards.Ask;
using PolicyBot.Storage.Tables;

namespace PolicyBot.Features.PolicyQuestions;

/// <summary>
/// A question a member of staff asked and the verdict they were given (table <c>Questions</c>, partition = school
/// id, row = question id). Kept so that feedback and "ask a person" refer to the question by id, never by what a
/// card says, and so that the school can see which questions its policy does not answer.
/// </summary>
public sealed class QuestionEntity : ITableEntity
{
    public const string TableName = "Questions";

    /// <summary>Questions are stored clipped: enough to pass on, never a wall of pasted text.</summary>
    public const int MaxStoredLength = 2000;

    public string PartitionKey { get; set; } = "";
    public string RowKey { get; set; } = "";
    public DateTimeOffset? Timestamp { get; set; }
    public ETag ETag { get; set; }

    public string TenantId { get; set; } = "";
    public string AskedBy { get; set; } = "";
    public string AskedByName { get; set; } = "";
    public DateTimeOffset AskedAt { get; set; }
    public string Question { get; set; } = "";
    /// <summary>The verdict's wire name (yes, no, ask_first, report, caution, not_covered).</summary>
    public string Verdict { get; set; } = "";
    public string? ClauseId { get; set; }
    public AnswerFeedback Feedback { get; set; }
    public DateTimeOffset? FeedbackAt { get; set; }
    /// <summary>Set once the asker passed the question to a person.</summary>
    public DateTimeOffset? PassedOnAt { get; set; }
}
