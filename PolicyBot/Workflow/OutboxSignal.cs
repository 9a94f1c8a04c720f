namespace PolicyBot.Workflow;

/// <summary>Wakes the dispatcher as soon as a workflow change has written outbox rows.</summary>
public sealed class OutboxSignal : IDisposable
{
    readonly SemaphoreSlim _signal = new(0, 1);

    public void Notify()
    {
        // At most one pending wake-up: many writes during one dispatch need only one more pass.
        if (_signal.CurrentCount == 0)
        {
            try { _signal.Release(); }
            catch (SemaphoreFullException) { }
        }
    }

    public void Dispose() => _signal.Dispose();

    public Task<bool> WaitAsync(TimeSpan timeout, CancellationToken cancellationToken) => _signal.WaitAsync(timeout, cancellationToken);
}
