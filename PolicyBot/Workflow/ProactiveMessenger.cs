using System.Text.Json;
using Microsoft.Extensions.Options;
using PolicyBot.Bot;
using PolicyBot.BotFramework;
using PolicyBot.BotFramework.Connector;
using PolicyBot.BotFramework.Schema;
using PolicyBot.Cards.AdaptiveCards;

namespace PolicyBot.Workflow;

/// <summary>Where a card landed: enough to update it later.</summary>
public sealed record PostedCard(string ConversationId, string ActivityId, string ServiceUrl);

/// <summary>
/// Posts and updates cards outside a turn: in a person's 1:1 chat with the bot (created if the bot has never
/// talked to them: personal scope, by Entra object id) or in a known conversation.
/// </summary>
public sealed class ProactiveMessenger(
    ConnectorClient connector,
    IConversationReferenceStore conversations,
    IOptions<BotOptions> botOptions,
    IOptions<WorkflowOptions> workflowOptions)
{
    const string TeamsChannelId = "msteams";

    string BotId => "28:" + (botOptions.Value.AppId ?? "policybot-development");

    public async Task<PostedCard> SendToUserAsync(string tenantId, string userAadObjectId, string cardJson, CancellationToken cancellationToken)
    {
        var reference = await conversations.GetForUserAsync(userAadObjectId, cancellationToken);
        string conversationId, serviceUrl;
        if (reference is { Conversation.Id: { } knownId, ServiceUrl: { } knownUrl })
        {
            (conversationId, serviceUrl) = (knownId, knownUrl);
        }
        else
        {
            // The tenant's own service URL when any conversation there has shown it; Teams' global one otherwise.
            serviceUrl = await conversations.GetServiceUrlForTenantAsync(tenantId, cancellationToken) ?? workflowOptions.Value.DefaultServiceUrl;
            var created = await connector.CreateConversationAsync(serviceUrl, new ConversationParameters
            {
                IsGroup = false,
                Bot = new ChannelAccount { Id = BotId },
                Members = [new ChannelAccount { Id = userAadObjectId }],
                TenantId = tenantId,
                ChannelData = new TeamsChannelData { Tenant = new TenantInfo { Id = tenantId } },
            }, cancellationToken);
            conversationId = created.Id ?? throw new InvalidOperationException("The Connector created a conversation without an id.");
            serviceUrl = created.ServiceUrl ?? serviceUrl;
            await conversations.SaveAsync(new ConversationReference
            {
                ChannelId = TeamsChannelId,
                ServiceUrl = serviceUrl,
                Bot = new ChannelAccount { Id = BotId },
                User = new ChannelAccount { Id = userAadObjectId, AadObjectId = userAadObjectId },
                Conversation = new ConversationAccount { Id = conversationId, ConversationType = "personal", TenantId = tenantId },
            }, userAadObjectId, cancellationToken);
        }
        return await SendToConversationAsync(serviceUrl, conversationId, cardJson, cancellationToken);
    }

    public async Task<PostedCard> SendToConversationAsync(string serviceUrl, string conversationId, string cardJson, CancellationToken cancellationToken)
    {
        var sent = await connector.SendToConversationAsync(serviceUrl, conversationId, CardActivity(cardJson), cancellationToken);
        return new PostedCard(conversationId, sent.Id ?? "", serviceUrl);
    }

    /// <summary>
    /// How many people in the conversation are not among <paramref name="people"/> (Entra object ids): the check
    /// before a card meant only for them goes to a channel. Bots in the roster do not count; a member the Connector
    /// gives no object id for does (it cannot be shown to be one of them). A list that names nobody is unreadable,
    /// not empty: it throws, and whoever asked sends nothing.
    /// </summary>
    public async Task<int> CountMembersOutsideAsync(string serviceUrl, string conversationId, IReadOnlySet<string> people, CancellationToken cancellationToken)
    {
        var outside = 0;
        var listed = 0;
        string? continuation = null;
        for (var page = 0; page < MaxRosterPages; page++)
        {
            var result = await connector.GetPagedMembersAsync(serviceUrl, conversationId, RosterPageSize, continuation, cancellationToken);
            foreach (var member in result.Members ?? [])
            {
                if (member.Id?.StartsWith("28:", StringComparison.Ordinal) == true || member.Role == "bot")
                    continue;
                listed++;
                if (string.IsNullOrEmpty(member.AadObjectId) || !people.Contains(member.AadObjectId))
                    outside++;
            }
            continuation = result.ContinuationToken;
            if (string.IsNullOrEmpty(continuation))
                return listed > 0 ? outside : throw new Azure.RequestFailedException(502, "The conversation's member list named nobody.");
        }
        // A roster longer than this is no restricted channel.
        return Math.Max(outside, 1);
    }

    const int RosterPageSize = 500;
    const int MaxRosterPages = 20;

    public async Task UpdateAsync(CardCopyEntity copy, string cardJson, CancellationToken cancellationToken)
    {
        var activity = CardActivity(cardJson);
        activity.Id = copy.ActivityId;
        await connector.UpdateActivityAsync(copy.ServiceUrl, copy.ConversationId, copy.ActivityId, activity, cancellationToken);
    }

    static Activity CardActivity(string cardJson)
    {
        using var document = JsonDocument.Parse(cardJson);
        return Activity.CreateAttachmentActivity(new Attachment { ContentType = AdaptiveCard.ContentType, Content = document.RootElement.Clone() });
    }
}
