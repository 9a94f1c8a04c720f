using Azure;
using PolicyBot.Storage.Tables;

namespace PolicyBot.Features.PolicyQuestions;

/// <summary>
/// The state row of an <see cref="AskPersonQuestion"/> (table <c>AskPerson</c>; partition = question id, which
/// also holds its audit, outbox and card-copy rows).
/// </summary>
public sealed class AskPersonEntity : ITableEntity
{
    public const string TableName = "AskPerson";

    public string PartitionKey { get; set; } = "";
    public string RowKey { get; set; } = "";
    public DateTimeOffset? Timestamp { get; set; }
    public ETag ETag { get; set; }

    public string SchoolId { get; set; } = "";
    public string TenantId { get; set; } = "";
    public string AskedBy { get; set; } = "";
    public string AskedByName { get; set; } = "";
    public DateTimeOffset AskedAt { get; set; }
    public string Question { get; set; } = "";
    public string? BestClauseId { get; set; }
    public AskPersonState State { get; set; }
    public string? AnsweredBy { get; set; }
    public string? AnsweredByName { get; set; }
    public DateTimeOffset? AnsweredAt { get; set; }
    public string? Reply { get; set; }

    public AskPersonQuestion ToRecord() => new(PartitionKey, SchoolId, TenantId, AskedBy, AskedByName, AskedAt, Question,
        BestClauseId, State, AnsweredBy, AnsweredByName, AnsweredAt, Reply);

    public static AskPersonEntity From(AskPersonQuestion q) => new()
    {
        PartitionKey = q.QuestionId,
        SchoolId = q.SchoolId,
        TenantId = q.TenantId,
        AskedBy = q.AskedBy,
        AskedByName = q.AskedByName,
        AskedAt = q.AskedAt,
        Question = q.Question,
        BestClauseId = q.BestClauseId,
        State = q.State,
        AnsweredBy = q.AnsweredBy,
        AnsweredByName = q.AnsweredByName,
        AnsweredAt = q.AnsweredAt,
        Reply = q.Reply,
    };
}
