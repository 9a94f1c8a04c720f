namespace PolicyBot.BotFramework;

/// <summary>A bot: handles one turn (one inbound activity).</summary>
public interface IBot
{
    Task OnTurnAsync(ITurnContext turnContext, CancellationToken cancellationToken = default);
}

/// <summary>The callback of a proactive turn (<see cref="CloudAdapter.ContinueConversationAsync"/>).</summary>
public delegate Task BotCallbackHandler(ITurnContext turnContext, CancellationToken cancellationToken);
