using System.ComponentModel.DataAnnotations;

namespace PolicyBot.Workflow;

/// <summary>Configuration section "Workflow": how the outbox is delivered.</summary>
public sealed class WorkflowOptions
{
    public const string SectionName = "Workflow";

    /// <summary>How often the dispatcher looks for undelivered messages besides being woken by new ones.</summary>
    [Range(typeof(TimeSpan), "00:00:00.050", "01:00:00")]
    public TimeSpan DispatchInterval { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// How long a claimed message is left to its claimer before another instance may try it. Longer than the
    /// slowest delivery (the Connector client's own retries with Retry-After can take a few minutes), or a slow
    /// send would be sent twice.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:05", "01:00:00")]
    public TimeSpan ClaimDuration { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>The first retry's delay; each further one doubles, up to <see cref="MaxRetryDelay"/>.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "01:00:00")]
    public TimeSpan FirstRetryDelay { get; set; } = TimeSpan.FromSeconds(5);

    [Range(typeof(TimeSpan), "00:00:00", "1.00:00:00")]
    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromHours(1);

    /// <summary>After this many failed attempts a message is marked dead (kept, logged) instead of retried.</summary>
    [Range(1, 1000)]
    public int MaxAttempts { get; set; } = 20;

    /// <summary>
    /// Where to create a 1:1 chat for someone the bot has never talked to, when no conversation in their
    /// tenant has told us the tenant's service URL yet.
    /// </summary>
    [Required]
    public string DefaultServiceUrl { get; set; } = "https://smba.trafficmanager.net/teams/";
}
