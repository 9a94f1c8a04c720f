using System.Text.Json;
using PolicyBot.BotFramework.Schema;

namespace PolicyBot.BotFramework;

/// <summary>
/// Routes a turn by activity type to overridable methods, named as in the Bot Framework SDK. Differences, kept
/// on purpose: an Action.Submit press (a message with a <c>value</c> object and no text) goes to
/// <see cref="OnAdaptiveCardSubmitAsync"/>, so a card's fallback reaches the same handler as Action.Execute;
/// and <see cref="OnMembersAddedAsync"/> is called whenever members were added, the bot included, so the bot
/// can greet the conversation it was added to.
/// </summary>
public abstract class ActivityHandler : IBot
{
    public const string AdaptiveCardActionInvokeName = "adaptiveCard/action";
    public const string ActionExecute = "Action.Execute";

    public virtual Task OnTurnAsync(ITurnContext turnContext, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        return turnContext.Activity.Type switch
        {
            ActivityTypes.Message when turnContext.Activity.IsCardSubmit() =>
                OnAdaptiveCardSubmitAsync(turnContext, turnContext.Activity.Value!.Value, cancellationToken),
            ActivityTypes.Message => OnMessageActivityAsync(turnContext, cancellationToken),
            ActivityTypes.Invoke => OnInvokeTurnAsync(turnContext, cancellationToken),
            ActivityTypes.ConversationUpdate => OnConversationUpdateActivityAsync(turnContext, cancellationToken),
            ActivityTypes.InstallationUpdate => OnInstallationUpdateActivityAsync(turnContext, cancellationToken),
            _ => OnUnrecognizedActivityTypeAsync(turnContext, cancellationToken),
        };
    }

    protected virtual Task OnMessageActivityAsync(ITurnContext turnContext, CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>An Action.Submit press; <paramref name="value"/> is the action's data merged with the card's inputs.</summary>
    protected virtual Task OnAdaptiveCardSubmitAsync(ITurnContext turnContext, JsonElement value, CancellationToken cancellationToken) => Task.CompletedTask;

    async Task OnInvokeTurnAsync(ITurnContext turnContext, CancellationToken cancellationToken)
    {
        var response = await OnInvokeActivityAsync(turnContext, cancellationToken).ConfigureAwait(false);
        if (response is not null)
            turnContext.TurnState[TurnContext.InvokeResponseKey] = response;
    }

    /// <summary>Answers an invoke; the adapter writes the result as the HTTP response. Unknown names get 501.</summary>
    protected virtual async Task<InvokeResponse?> OnInvokeActivityAsync(ITurnContext turnContext, CancellationToken cancellationToken)
    {
        if (turnContext.Activity.Name != AdaptiveCardActionInvokeName)
            return new InvokeResponse(501);

        var value = ReadInvokeValue(turnContext.Activity);
        if (value?.Action is null)
            return new InvokeResponse(400, AdaptiveCardInvokeResponse.Error(400, "BadRequest", "The invoke has no action."));
        if (value.Action.Type != ActionExecute)
            return new InvokeResponse(400, AdaptiveCardInvokeResponse.Error(400, "NotSupported", "Only Action.Execute is supported."));

        var result = await OnAdaptiveCardInvokeAsync(turnContext, value, cancellationToken).ConfigureAwait(false);
        // The body's statusCode is what Teams reads; an error is also the HTTP status so that it shows in logs.
        // As the Bot Framework SDK does: the handler's answer, error or not, travels in an HTTP 200 body whose own
        // statusCode Teams reads; only an invoke we cannot read at all is an HTTP 400.
        return new InvokeResponse(200, result);
    }

    protected virtual Task<AdaptiveCardInvokeResponse> OnAdaptiveCardInvokeAsync(ITurnContext turnContext, AdaptiveCardInvokeValue invokeValue, CancellationToken cancellationToken) =>
        Task.FromResult(AdaptiveCardInvokeResponse.Error(501, "NotImplemented", "This bot does not handle card actions."));

    protected virtual Task OnConversationUpdateActivityAsync(ITurnContext turnContext, CancellationToken cancellationToken)
    {
        var added = turnContext.Activity.MembersAdded;
        return added is { Count: > 0 } ? OnMembersAddedAsync(added, turnContext, cancellationToken) : Task.CompletedTask;
    }

    protected virtual Task OnMembersAddedAsync(IList<ChannelAccount> membersAdded, ITurnContext turnContext, CancellationToken cancellationToken) => Task.CompletedTask;

    protected virtual Task OnInstallationUpdateActivityAsync(ITurnContext turnContext, CancellationToken cancellationToken) =>
        turnContext.Activity.Action switch
        {
            "add" or "add-upgrade" => OnInstallationUpdateAddAsync(turnContext, cancellationToken),
            "remove" or "remove-upgrade" => OnInstallationUpdateRemoveAsync(turnContext, cancellationToken),
            _ => Task.CompletedTask,
        };

    protected virtual Task OnInstallationUpdateAddAsync(ITurnContext turnContext, CancellationToken cancellationToken) => Task.CompletedTask;

    protected virtual Task OnInstallationUpdateRemoveAsync(ITurnContext turnContext, CancellationToken cancellationToken) => Task.CompletedTask;

    protected virtual Task OnUnrecognizedActivityTypeAsync(ITurnContext turnContext, CancellationToken cancellationToken) => Task.CompletedTask;

    static AdaptiveCardInvokeValue? ReadInvokeValue(Activity activity)
    {
        if (activity.Value is not { ValueKind: JsonValueKind.Object } value)
            return null;
        try
        {
            return value.Deserialize<AdaptiveCardInvokeValue>(BotJson.Options);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
