using Azure;
using PolicyBot.BotFramework;
using PolicyBot.BotFramework.Schema;
using PolicyBot.Cards.AdaptiveCards;
using PolicyBot.Schools;
using PolicyBot.Storage;
using PolicyBot.Workflow;

namespace PolicyBot.Features;

/// <summary>Where a card meant for one person went.</summary>
public enum PrivateDelivery { Here, Privately, Failed }

/// <summary>
/// Cards for one person's eyes (a form, their own requests and reports, a list only their role may see): answered in
/// place in their 1:1 chat with the bot; from a channel or group chat, sent to that 1:1 chat instead, and the thread is
/// told only that a private message was sent.
/// </summary>
public sealed partial class PrivateChat(ProactiveMessenger messenger, ILogger<PrivateChat> logger)
{
    /// <summary>What is said in a channel or group chat: nothing about what was sent.</summary>
    public const string SentPrivatelyText = "I've sent you a private message.";
    public const string NotReachedText = "I couldn't open a private chat with you. Please open your chat with PolicyBot and try there.";

    public static bool IsPersonal(Activity activity) => activity.Conversation?.ConversationType is null or "personal";

    public static string Said(PrivateDelivery delivery) => delivery == PrivateDelivery.Failed ? NotReachedText : SentPrivatelyText;

    /// <summary>Sends <paramref name="card"/> to the person who sent this turn's activity, privately.</summary>
    public async Task<PrivateDelivery> SendAsync(ITurnContext turn, string tenantId, string userId, AdaptiveCard card, CancellationToken cancellationToken) =>
        (await SendAndLocateAsync(turn, tenantId, userId, card, cancellationToken)).Delivery;

    /// <summary>As <see cref="SendAsync"/>, and where the card landed (when the Connector said), so that it can be kept up to date.</summary>
    public async Task<(PrivateDelivery Delivery, PostedCard? Posted)> SendAndLocateAsync(ITurnContext turn, string tenantId, string userId, AdaptiveCard card, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turn);
        ArgumentNullException.ThrowIfNull(card);
        if (IsPersonal(turn.Activity))
        {
            var sent = await turn.SendActivityAsync(Activity.CreateAttachmentActivity(Attachment.FromCard(card)), cancellationToken);
            var here = turn.Activity;
            return (PrivateDelivery.Here,
                sent.Id is { Length: > 0 } id && here.Conversation?.Id is { Length: > 0 } conversation && here.ServiceUrl is { Length: > 0 } serviceUrl
                    ? new PostedCard(conversation, id, serviceUrl)
                    : null);
        }
        if (string.IsNullOrEmpty(userId) || string.IsNullOrEmpty(tenantId))
            return (PrivateDelivery.Failed, null);
        try
        {
            var posted = await messenger.SendToUserAsync(tenantId, userId, card.ToJson(), cancellationToken);
            return (PrivateDelivery.Privately, posted.ActivityId.Length > 0 ? posted : null);
        }
        catch (Exception e) when (e is HttpRequestException or InvalidOperationException || StorageFailure.Is(e, cancellationToken))
        {
            LogNotReached(logger, (e as RequestFailedException)?.Status ?? 0);
            return (PrivateDelivery.Failed, null);
        }
    }

    /// <summary>
    /// A command typed anywhere: the card privately and, outside the 1:1 chat, a line in the thread saying where it went.
    /// </summary>
    public async Task<PrivateDelivery> AnswerCommandAsync(ITurnContext turn, School school, AdaptiveCard card, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turn);
        var activity = turn.Activity;
        var delivery = await SendAsync(turn, SchoolResolver.TenantOf(activity) ?? school.TenantId,
            activity.From?.AadObjectId ?? activity.From?.Id ?? "", card, cancellationToken);
        if (delivery != PrivateDelivery.Here)
            await turn.SendActivityAsync(Activity.CreateMessageActivity(Said(delivery)), cancellationToken);
        return delivery;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "A card could not be sent to a person's 1:1 chat ({Status})")]
    static partial void LogNotReached(ILogger logger, int status);
}
