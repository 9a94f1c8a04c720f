using PolicyBot.BotFramework;
using PolicyBot.BotFramework.Schema;
using PolicyBot.Cards;
using PolicyBot.Schools;

namespace PolicyBot.Features.IncidentReports;

/// <summary>
/// Incidents: staff report a concern on a form; the DSL team gets the inbox card and acknowledges, assigns, escalates
/// and closes it; the reporter sees a reference and a status, never the details again.
/// </summary>
public sealed class IncidentReportsHandler
{
    /// <summary>Incident ids start with this, so a refresh can be routed by id alone.</summary>
    public const string IdPrefix = "inc-";

    public static bool IsIncidentId(string? id) => id is not null && id.StartsWith(IdPrefix, StringComparison.Ordinal);

    /// <summary>The "report a concern" command: the form, in the person's 1:1 chat only.</summary>
    public Task StartAsync(ITurnContext turn, School school, CancellationToken cancellationToken) =>
        throw new NotImplementedException();

    /// <summary>The "incident log" command: open reports, for the DSL team only.</summary>
    public Task LogAsync(ITurnContext turn, School school, string userId, CancellationToken cancellationToken) =>
        throw new NotImplementedException();

    /// <summary>The "governors report" command: anonymised counts by category and term.</summary>
    public Task GovernorsReportAsync(ITurnContext turn, School school, string userId, CancellationToken cancellationToken) =>
        throw new NotImplementedException();

    /// <summary>Every Incident* verb, and <see cref="Verbs.Refresh"/> for an incident's card.</summary>
    public Task<AdaptiveCardInvokeResponse> OnActionAsync(ITurnContext turn, string verb, CardActionRequest request, CancellationToken cancellationToken) =>
        throw new NotImplementedException();

    /// <summary>This person's own reports (reference and status only), newest first, for "my requests".</summary>
    public Task<IReadOnlyList<MyIncident>> MineAsync(School school, string userId, CancellationToken cancellationToken) =>
        throw new NotImplementedException();
}
