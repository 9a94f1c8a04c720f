using PolicyBot.BotFramework.Schema;

namespace PolicyBot.BotFramework;

/// <summary>One turn of a conversation: the inbound activity and the means to answer it.</summary>
public interface ITurnContext
{
    /// <summary>The inbound activity (for a proactive turn, a continuation event addressed to the conversation).</summary>
    Activity Activity { get; }

    /// <summary>Per-turn state; the invoke response lives here under <see cref="TurnContext.InvokeResponseKey"/>.</summary>
    IDictionary<string, object> TurnState { get; }

    /// <summary>True once something was sent in this turn.</summary>
    bool Responded { get; }

    /// <summary>
    /// Sends an activity to the turn's conversation, addressed from the bot to the sender. A reply to the inbound
    /// activity (POST …/activities/{id}) when it has an id, else a new message in the conversation.
    /// </summary>
    Task<ResourceResponse> SendActivityAsync(Activity activity, CancellationToken cancellationToken = default);

    /// <summary>Replaces a message the bot sent earlier; <paramref name="activity"/>'s <c>Id</c> names it.</summary>
    Task<ResourceResponse> UpdateActivityAsync(Activity activity, CancellationToken cancellationToken = default);
}
