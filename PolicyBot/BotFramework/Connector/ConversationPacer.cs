namespace PolicyBot.BotFramework.Connector;

/// <summary>
/// Spaces the messages sent to one conversation (thread): Teams accepts about 7 per second per thread and answers
/// 429 beyond that, so a burst (a reminder run, a status change copied to many cards) is paced instead of refused.
/// </summary>
public sealed class ConversationPacer(TimeProvider time)
{
    public static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(150);
    const int PruneAbove = 10_000;

    readonly Dictionary<string, DateTimeOffset> _nextSlot = new(StringComparer.Ordinal);
    readonly Lock _lock = new();

    /// <summary>Reserves the next send slot for the conversation; returns how long to wait for it.</summary>
    public TimeSpan Reserve(string conversationId)
    {
        var now = time.GetUtcNow();
        lock (_lock)
        {
            var slot = _nextSlot.TryGetValue(conversationId, out var next) && next > now ? next : now;
            _nextSlot[conversationId] = slot + Interval;
            if (_nextSlot.Count > PruneAbove)
            {
                foreach (var idle in _nextSlot.Where(p => p.Value <= now).Select(p => p.Key).ToList())
                    _nextSlot.Remove(idle);
            }
            return slot - now;
        }
    }

    public async Task WaitTurnAsync(string conversationId, CancellationToken cancellationToken)
    {
        var wait = Reserve(conversationId);
        if (wait > TimeSpan.Zero)
            await Task.Delay(wait, time, cancellationToken).ConfigureAwait(false);
    }
}
