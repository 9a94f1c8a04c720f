namespace PolicyBot.BotFramework;

/// <summary>
/// The default <see cref="IActivityDeduplicator"/>: keys kept in memory for <see cref="Ttl"/>, at most
/// <see cref="Capacity"/> of them (oldest dropped first). Good for one instance; several instances need a shared store.
/// </summary>
public sealed class InMemoryActivityDeduplicator(TimeProvider time) : IActivityDeduplicator
{
    public static readonly TimeSpan Ttl = TimeSpan.FromMinutes(30);
    public const int Capacity = 50_000;

    readonly Dictionary<string, DateTimeOffset> _seen = new(StringComparer.Ordinal);
    readonly Lock _lock = new();

    public int Count
    {
        get { lock (_lock) return _seen.Count; }
    }

    public ValueTask<bool> TryBeginAsync(string key, CancellationToken cancellationToken = default)
    {
        var now = time.GetUtcNow();
        lock (_lock)
        {
            if (_seen.TryGetValue(key, out var seenAt) && now - seenAt < Ttl)
                return ValueTask.FromResult(false);
            if (_seen.Count >= Capacity)
                Prune(now);
            _seen[key] = now;
            return ValueTask.FromResult(true);
        }
    }

    public ValueTask ForgetAsync(string key, CancellationToken cancellationToken = default)
    {
        lock (_lock)
            _seen.Remove(key);
        return ValueTask.CompletedTask;
    }

    // Called under the lock when full: drop the expired keys, then the oldest tenth if still full.
    void Prune(DateTimeOffset now)
    {
        foreach (var key in _seen.Where(p => now - p.Value >= Ttl).Select(p => p.Key).ToList())
            _seen.Remove(key);
        if (_seen.Count < Capacity)
            return;
        foreach (var key in _seen.OrderBy(p => p.Value).Take(Capacity / 10).Select(p => p.Key).ToList())
            _seen.Remove(key);
    }
}
