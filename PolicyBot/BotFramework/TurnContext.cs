using PolicyBot.BotFramework.Connector;
using PolicyBot.BotFramework.Schema;

namespace PolicyBot.BotFramework;

/// <summary>The <see cref="ITurnContext"/> the <see cref="CloudAdapter"/> builds; sends through the Connector.</summary>
public sealed class TurnContext : ITurnContext
{
    /// <summary>The SDK's key for the invoke response a handler leaves for the adapter.</summary>
    public const string InvokeResponseKey = "BotFrameworkAdapter.InvokeResponse";

    readonly ConnectorClient _connector;

    public TurnContext(Activity activity, ConnectorClient connector)
    {
        Activity = activity;
        _connector = connector;
    }

    public Activity Activity { get; }
    public IDictionary<string, object> TurnState { get; } = new Dictionary<string, object>();
    public bool Responded { get; private set; }

    /// <summary>The invoke response a handler set, if any.</summary>
    public InvokeResponse? InvokeResponse => TurnState.TryGetValue(InvokeResponseKey, out var value) ? value as InvokeResponse : null;

    public async Task<ResourceResponse> SendActivityAsync(Activity activity, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(activity);
        var reference = Activity.GetConversationReference();
        activity.ApplyConversationReference(reference);
        var serviceUrl = Required(activity.ServiceUrl, "serviceUrl");
        var conversationId = Required(activity.Conversation?.Id, "conversation.id");

        var response = string.IsNullOrEmpty(activity.ReplyToId)
            ? await _connector.SendToConversationAsync(serviceUrl, conversationId, activity, cancellationToken).ConfigureAwait(false)
            : await _connector.ReplyToActivityAsync(serviceUrl, conversationId, activity.ReplyToId, activity, cancellationToken).ConfigureAwait(false);
        Responded = true;
        return response;
    }

    public async Task<ResourceResponse> UpdateActivityAsync(Activity activity, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(activity);
        var id = Required(activity.Id, "id of the activity to update");
        activity.ApplyConversationReference(Activity.GetConversationReference());
        activity.ReplyToId = null;
        var response = await _connector.UpdateActivityAsync(
            Required(activity.ServiceUrl, "serviceUrl"), Required(activity.Conversation?.Id, "conversation.id"), id, activity, cancellationToken).ConfigureAwait(false);
        Responded = true;
        return response;
    }

    static string Required(string? value, string what) =>
        string.IsNullOrEmpty(value) ? throw new InvalidOperationException($"Cannot send: the activity has no {what}.") : value;
}
