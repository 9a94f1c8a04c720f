namespace PolicyBot.BotFramework;

/// <summary>
/// Remembers which activities were taken on, so that a redelivery (Teams retries slow turns) is processed once.
/// </summary>
public interface IActivityDeduplicator
{
    /// <summary>True the first time <paramref name="key"/> is seen (the caller processes it); false for a redelivery.</summary>
    ValueTask<bool> TryBeginAsync(string key, CancellationToken cancellationToken = default);

    /// <summary>Forgets a key whose processing failed, so the channel's retry is processed.</summary>
    ValueTask ForgetAsync(string key, CancellationToken cancellationToken = default);
}
