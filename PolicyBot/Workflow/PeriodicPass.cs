namespace PolicyBot.Workflow;

/// <summary>
/// A background job that makes one pass every <see cref="Interval"/> (the reminders). The first pass waits one
/// interval, so the app has started and created its tables. A failed pass is logged (its exception type, never a
/// message that could hold a record's content) and the next one tries again: a pass must never stop the host.
/// </summary>
public abstract partial class PeriodicPass(TimeProvider time, ILogger logger) : BackgroundService
{
    /// <summary>Reminders are counted in hours, so a quarter of an hour is plenty.</summary>
    public static readonly TimeSpan Interval = TimeSpan.FromMinutes(15);

    protected TimeProvider Time { get; } = time;

    /// <summary>One pass; returns how many records it acted on.</summary>
    public abstract Task<int> PassAsync(CancellationToken cancellationToken = default);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval, Time);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await PassAsync(stoppingToken);
            }
            catch (Exception e) when (!stoppingToken.IsCancellationRequested)
            {
                LogPassFailed(logger, GetType().Name, e.GetType().Name, (e as Azure.RequestFailedException)?.Status ?? 0);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Job} pass failed ({Error}, {Status}); it runs again later")]
    static partial void LogPassFailed(ILogger logger, string job, string error, int status);
}
