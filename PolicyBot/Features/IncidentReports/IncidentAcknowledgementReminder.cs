using Microsoft.Extensions.Options;
using PolicyBot.BotFramework;
using PolicyBot.Cards.Incidents;
using PolicyBot.Graph;
using PolicyBot.Schools;
using PolicyBot.Storage.Tables;
using PolicyBot.Workflow;

namespace PolicyBot.Features.IncidentReports;

/// <summary>
/// Once a report has waited longer than its school's <see cref="IncidentSettings.AcknowledgeWithinHours"/> without
/// being acknowledged, the DSL team is reminded, once: the inbox card again in each DSL's chat (the copy that is then
/// kept current) and, with Graph, a reminder in their activity feed carrying the reference only. The reminder is a
/// workflow change like any other: state (its mark), audit and outbox in one transaction, so two instances never
/// remind twice.
/// </summary>
public sealed partial class IncidentAcknowledgementReminder(
    TableServiceClient tables,
    SchoolDirectory schools,
    DslTeamDirectory dslTeams,
    OutboxSignal outbox,
    TimeProvider time,
    IOptions<BotOptions> botOptions,
    ILogger<IncidentAcknowledgementReminder> logger) : BackgroundService
{
    public static readonly TimeSpan CheckEvery = TimeSpan.FromMinutes(15);

    TableClient Incidents => tables.GetTableClient(IncidentEntity.TableName);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // The first pass waits one interval: the app starts (and creates its tables) first.
        using var timer = new PeriodicTimer(CheckEvery, time);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await RemindOnceAsync(stoppingToken);
            }
            catch (Exception e) when (!stoppingToken.IsCancellationRequested)
            {
                // Storage unreachable, or a row that cannot be read: the next pass tries again (a failed pass must not
                // stop the host). Nothing is marked as reminded until its messages are stored. The type only: no message text.
                LogPassFailed(logger, e.GetType().Name, (e as Azure.RequestFailedException)?.Status ?? 0);
            }
        }
    }

    /// <summary>One pass: reminds about every overdue unacknowledged report; returns how many.</summary>
    public async Task<int> RemindOnceAsync(CancellationToken cancellationToken = default)
    {
        var now = time.GetUtcNow();
        var waiting = new List<IncidentEntity>();
        var filter = TableClient.CreateQueryFilter($"RowKey eq {WorkflowRows.State} and State eq {nameof(IncidentState.New)}");
        await foreach (var row in Incidents.QueryAsync<IncidentEntity>(filter, cancellationToken: cancellationToken))
        {
            if (row.ReminderSentAt is null)
                waiting.Add(row);
        }
        var reminded = 0;
        foreach (var row in waiting)
        {
            if (schools.Find(row.SchoolId) is not { } school || row.ReportedAt + TimeSpan.FromHours(school.Incidents.AcknowledgeWithinHours) > now)
                continue;
            var incident = row.ToRecord();
            var team = await dslTeams.TeamOfAsync(school, cancellationToken);
            var recipients = team.Ids.Take(IncidentReportsHandler.MaxRecipients).ToList();
            var card = IncidentReportsHandler.InboxCard(incident, team);
            var transaction = new WorkflowTransaction(incident.IncidentId, now)
                .Replace(IncidentEntity.From(incident, reminderSentAt: now), row.ETag)
                .Audit("system", "PolicyBot", "reminded")
                .Send(recipients.Select(r => new OutboxMessage.CardToUser(incident.TenantId, r, card, TrackCopy: true)));
            if (botOptions.Value.AppId is { Length: > 0 } appId)
            {
                var notification = ActivityNotification.Reminder(NotificationReference.Parse(incident.Reference), "report " + incident.Reference, TeamsDeepLink.ChatWithBot(appId));
                transaction.Send(recipients.Select(r => new OutboxMessage.Notify(r, notification)));
            }
            try
            {
                await transaction.SubmitAsync(Incidents, cancellationToken);
            }
            catch (WorkflowConflictException)
            {
                // Acknowledged (or reminded by another instance) in the meantime.
                continue;
            }
            reminded++;
            LogReminded(logger, school.Id, incident.Reference, school.Incidents.AcknowledgeWithinHours);
        }
        if (reminded > 0)
            outbox.Notify();
        return reminded;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Report {Reference} at {School} was not acknowledged within {Hours} hours; the DSL team was reminded")]
    static partial void LogReminded(ILogger logger, string school, string reference, int hours);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The incident reminder pass failed ({Error}, {Status}); it runs again later")]
    static partial void LogPassFailed(ILogger logger, string error, int status);
}
