using System.Text.Json;
using Azure;
using PolicyBot.Cards.AdaptiveCards;
using PolicyBot.Cards.SiteApproval;
using PolicyBot.Schools;
using PolicyBot.Storage.Tables;

namespace PolicyBot.Features.SiteApproval;

/// <summary>
/// The state row of a <see cref="SiteRequest"/> (table <c>SiteRequests</c>; partition = request id, which also holds its
/// audit, outbox and card-copy rows; the partition <c>counter</c> holds the SITE- reference counters). The answers and the
/// steps are JSON columns: each is bounded (at most <see cref="MaxJsonLength"/> characters, well inside Table Storage's
/// 64 KiB per string) because every answer and comment is limited before it gets here.
/// </summary>
public sealed class SiteRequestEntity : ITableEntity
{
    public const string TableName = "SiteRequests";

    /// <summary>32,000 UTF-16 characters = 64 KiB, Table Storage's limit for one string property.</summary>
    public const int MaxJsonLength = 32_000;

    // Stored, never put in HTML: only what JSON requires is escaped, so the length check below measures the text itself.
    static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Encoder = MinimalJsonEncoder.Instance };

    public string PartitionKey { get; set; } = "";
    public string RowKey { get; set; } = "";
    public DateTimeOffset? Timestamp { get; set; }
    public ETag ETag { get; set; }

    public string SchoolId { get; set; } = "";
    public string TenantId { get; set; } = "";
    public string Reference { get; set; } = "";
    public string RequestedBy { get; set; } = "";
    public string RequestedByName { get; set; } = "";
    public DateTimeOffset RequestedAt { get; set; }
    public SiteRequestState State { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    public int Revision { get; set; }
    public DateTimeOffset? WithdrawnAt { get; set; }
    /// <summary>When the pending step became pending (for "waiting since" and reminders); null once the request is over.</summary>
    public DateTimeOffset? PendingSince { get; set; }
    /// <summary>When a reminder was last sent for the pending step.</summary>
    public DateTimeOffset? RemindedAt { get; set; }
    public string AnswersJson { get; set; } = "[]";
    public string StepsJson { get; set; } = "[]";

    public SiteRequest ToRecord() => new(
        PartitionKey, SchoolId, TenantId, Reference, RequestedBy, RequestedByName, RequestedAt,
        JsonSerializer.Deserialize<List<SiteAnswer>>(AnswersJson, Json) ?? [],
        (JsonSerializer.Deserialize<List<StoredStep>>(StepsJson, Json) ?? []).Select(s => s.ToStep()).ToList(),
        State, UpdatedAt, Revision, WithdrawnAt);

    public static SiteRequestEntity From(SiteRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var entity = new SiteRequestEntity
        {
            PartitionKey = request.RequestId,
            SchoolId = request.SchoolId,
            TenantId = request.TenantId,
            Reference = request.Reference,
            RequestedBy = request.RequestedBy,
            RequestedByName = request.RequestedByName,
            RequestedAt = request.RequestedAt,
            State = request.State,
            UpdatedAt = request.UpdatedAt,
            Revision = request.Revision,
            WithdrawnAt = request.WithdrawnAt,
            PendingSince = request.PendingStep?.PendingSince,
            AnswersJson = JsonSerializer.Serialize(request.Answers, Json),
            StepsJson = JsonSerializer.Serialize(request.Steps.Select(StoredStep.Of), Json),
        };
        if (entity.AnswersJson.Length > MaxJsonLength || entity.StepsJson.Length > MaxJsonLength)
            throw new ArgumentException("A site request's answers or decisions are too long to store.", nameof(request));
        return entity;
    }

    /// <summary>Whether the answers fit in one column once stored (escaping can lengthen them).</summary>
    public static bool AnswersFit(IReadOnlyList<SiteAnswer> answers) => JsonSerializer.Serialize(answers, Json).Length <= MaxJsonLength;

    /// <summary>A step as stored: enums by name, decisions compact.</summary>
    sealed record StoredStep(string Role, string Mode, string State, List<SiteDecision> Decisions, DateTimeOffset? PendingSince)
    {
        public static StoredStep Of(SiteStep step) =>
            new(step.Role.ToString(), step.Mode.ToString(), step.State.ToString(), step.Decisions.ToList(), step.PendingSince);

        public SiteStep ToStep() => new(Enum.Parse<SchoolRole>(Role), Enum.Parse<ApprovalMode>(Mode), Enum.Parse<ApprovalStepState>(State), Decisions, PendingSince);
    }
}
