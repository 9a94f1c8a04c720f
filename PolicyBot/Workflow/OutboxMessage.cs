using System.Text.Json;
using PolicyBot.Cards.AdaptiveCards;
using PolicyBot.Graph;

namespace PolicyBot.Workflow;

/// <summary>What a workflow change asks to be delivered; becomes an <see cref="OutboxEntity"/> in its transaction.</summary>
public abstract record OutboxMessage
{
    OutboxMessage() { }

    /// <summary>A card in the person's 1:1 chat with the bot; if it cannot be delivered, <paramref name="IfUndeliverable"/> goes instead.</summary>
    public sealed record CardToUser(string TenantId, string UserAadObjectId, AdaptiveCard Card, bool TrackCopy = false, Fallback? IfUndeliverable = null) : OutboxMessage;

    /// <summary>A card for another person (in the same tenant) when a card cannot be delivered.</summary>
    public sealed record Fallback(string UserAadObjectId, AdaptiveCard Card);

    /// <summary>
    /// A card posted to a conversation the bot is in (a channel, a group chat). With <paramref name="OnlyIfMembersAmong"/>
    /// (Entra object ids) it is posted only if everyone in the conversation is one of them, checked just before sending;
    /// otherwise it is not posted at all (the row is given up and kept, and the log says why).
    /// </summary>
    public sealed record CardToConversation(string TenantId, string ConversationId, string ServiceUrl, AdaptiveCard Card, bool TrackCopy = true,
        IReadOnlyCollection<string>? OnlyIfMembersAmong = null) : OutboxMessage;

    /// <summary>
    /// Every posted copy of the workflow's card now shows this. With an <paramref name="Audience"/>, only the copies
    /// its people can alone see do: any other copy shows the audience's withdrawn card instead and is updated no more
    /// (someone taken out of the DSL team, an inbox channel someone else has joined).
    /// </summary>
    public sealed record UpdateCardCopies(AdaptiveCard Card, CopyAudience? Audience = null) : OutboxMessage;

    /// <summary>
    /// Who may still see a card's copies, by Entra object id. A copy in a person's 1:1 chat is judged by its owner; any
    /// other (a channel, a group chat, a copy recorded before owners were) by the conversation's member list, just
    /// before it is updated: it stays only while everyone in it is one of <paramref name="People"/>.
    /// </summary>
    public sealed record CopyAudience(IReadOnlyCollection<string> People, AdaptiveCard Withdrawn);

    /// <summary>A Teams activity-feed notification to a person.</summary>
    public sealed record Notify(string UserAadObjectId, ActivityNotification Notification) : OutboxMessage;

    internal OutboxEntity ToEntity(string partitionKey, string rowKey, DateTimeOffset now)
    {
        var entity = new OutboxEntity { PartitionKey = partitionKey, RowKey = rowKey, CreatedAt = now, NotBefore = now };
        switch (this)
        {
            case CardToUser m:
                entity.Kind = OutboxKind.CardToUser;
                entity.TenantId = m.TenantId;
                entity.UserAadObjectId = m.UserAadObjectId;
                entity.CardJson = m.Card.ToJson();
                entity.TrackCopy = m.TrackCopy;
                entity.FallbackUserAadObjectId = m.IfUndeliverable?.UserAadObjectId;
                entity.FallbackCardJson = m.IfUndeliverable?.Card.ToJson();
                break;
            case CardToConversation m:
                entity.Kind = OutboxKind.CardToConversation;
                entity.TenantId = m.TenantId;
                entity.ConversationId = m.ConversationId;
                entity.ServiceUrl = m.ServiceUrl;
                entity.CardJson = m.Card.ToJson();
                entity.TrackCopy = m.TrackCopy;
                if (m.OnlyIfMembersAmong is { } people)
                    entity.AudiencePeople = JsonSerializer.Serialize(people);
                break;
            case UpdateCardCopies m:
                entity.Kind = OutboxKind.UpdateCardCopies;
                entity.CardJson = m.Card.ToJson();
                if (m.Audience is { } audience)
                {
                    entity.AudiencePeople = JsonSerializer.Serialize(audience.People);
                    entity.WithdrawnCardJson = audience.Withdrawn.ToJson();
                }
                break;
            case Notify m:
                entity.Kind = OutboxKind.Notification;
                entity.UserAadObjectId = m.UserAadObjectId;
                entity.NotificationType = m.Notification.ActivityType;
                entity.NotificationReference = m.Notification.Reference.Value;
                entity.NotificationWebUrl = m.Notification.WebUrl.ToString();
                entity.NotificationPreview = m.Notification.IsSafeguarding ? null : m.Notification.PreviewText;
                entity.NotificationParameters = JsonSerializer.Serialize(m.Notification.TemplateParameters.ToDictionary(p => p.Key, p => p.Value));
                break;
        }
        return entity;
    }
}
