using Azure;
using PolicyBot.Storage.Tables;

namespace PolicyBot.Workflow;

public enum OutboxKind
{
    /// <summary>A card in the recipient's 1:1 chat with the bot (created if need be).</summary>
    CardToUser,
    /// <summary>A card posted to a known conversation (a channel such as the DSL inbox).</summary>
    CardToConversation,
    /// <summary>Replace every posted copy of the workflow's card (its <c>copy|</c> rows) with this card.</summary>
    UpdateCardCopies,
    /// <summary>A Teams activity-feed notification through Graph.</summary>
    Notification,
}

/// <summary>
/// A message a workflow change causes, written in the same transaction as the change and deleted once
/// delivered. Card JSON is rendered at write time: it shows the state that caused it.
/// </summary>
public sealed class OutboxEntity : ITableEntity
{
    public string PartitionKey { get; set; } = "";
    public string RowKey { get; set; } = "";
    public DateTimeOffset? Timestamp { get; set; }
    public ETag ETag { get; set; }

    public OutboxKind Kind { get; set; }
    public string TenantId { get; set; } = "";
    public string? UserAadObjectId { get; set; }
    public string? ConversationId { get; set; }
    public string? ServiceUrl { get; set; }
    public string? CardJson { get; set; }
    /// <summary>Record where the card lands (a <c>copy|</c> row) so later state changes update it.</summary>
    public bool TrackCopy { get; set; }

    public string? NotificationType { get; set; }
    public string? NotificationReference { get; set; }
    public string? NotificationWebUrl { get; set; }
    public string? NotificationPreview { get; set; }
    /// <summary>The template parameters as a JSON object of strings.</summary>
    public string? NotificationParameters { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
    public int Attempts { get; set; }
    /// <summary>Not to be tried before this time: a retry's back-off, or another instance's claim.</summary>
    public DateTimeOffset NotBefore { get; set; }
    /// <summary>A short, non-sensitive reason for the last failure (a status code, "not installed").</summary>
    public string? LastError { get; set; }
    /// <summary>Gave up after too many attempts; kept for an administrator, never deleted silently.</summary>
    public bool Dead { get; set; }

    /// <summary>If this row is given up, this card goes to <see cref="FallbackUserAadObjectId"/> in its place (the asker learns their question did not reach someone).</summary>
    public string? FallbackCardJson { get; set; }
    public string? FallbackUserAadObjectId { get; set; }

    /// <summary>
    /// The people (a JSON array of Entra object ids) a card is for: for <see cref="OutboxKind.UpdateCardCopies"/> whose
    /// 1:1 copies are updated (and who alone may be in any other conversation that keeps its copy); for
    /// <see cref="OutboxKind.CardToConversation"/> who alone may be in the conversation it is posted to.
    /// </summary>
    public string? AudiencePeople { get; set; }
    /// <summary>What a copy outside the audience shows instead, once; then its copy row goes.</summary>
    public string? WithdrawnCardJson { get; set; }
}
