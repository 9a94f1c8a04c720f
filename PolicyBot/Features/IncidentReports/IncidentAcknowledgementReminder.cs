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
    ILogger<IncidentAcknowledgementReminder> logger) : PeriodicPass(time, logger)
{
    TableClient Incidents => tables.GetTableClient(IncidentEntity.TableName);

    /// <summary>One pass: reminds about every overdue unacknowledged report; returns how many.</summary>
    public override async Task<int> PassAsync(CancellationToken cancellationToken = default)
    {
        var now = Time.GetUtcNow();
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
            SendNotifications(transaction, incident, recipients);
            try
            {
                await transaction.SubmitAsync(Incidents, cancellationToken);
            }
            catch (WorkflowConflictException)
            {
                // Acknowledged (or reminded by another instance) in the meantime.
                continue;
            }
            catch (WorkflowTooLargeException)
            {
                // Trying again next pass cannot help: the reminder is marked as made, without its cards, so that it is
                // logged once rather than every pass; the other reports are still reminded about.
                LogTooLarge(logger, school.Id, incident.Reference);
                await RemindWithoutCardsAsync(incident, row, recipients, now, cancellationToken);
                continue;
            }
            reminded++;
            LogReminded(logger, school.Id, incident.Reference, school.Incidents.AcknowledgeWithinHours);
        }
        if (reminded > 0)
            outbox.Notify();
        return reminded;
    }

    /// <summary>Activity-feed notifications of the reminder, when the bot's Teams app id is configured (they carry only the reference).</summary>
    void SendNotifications(WorkflowTransaction transaction, Incident incident, IReadOnlyList<string> recipients)
    {
        if (TeamsDeepLink.ChatWithBotIfConfigured(botOptions.Value) is not { } link)
            return;
        var notification = ActivityNotification.Reminder(NotificationReference.Parse(incident.Reference), "report " + incident.Reference, link);
        transaction.Send(recipients.Select(r => new OutboxMessage.Notify(r, notification)));
    }

    /// <summary>The reminder without its cards (only the activity-feed notifications, which carry the reference), marked as made.</summary>
    async Task RemindWithoutCardsAsync(Incident incident, IncidentEntity row, IReadOnlyList<string> recipients, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var transaction = new WorkflowTransaction(incident.IncidentId, now)
            .Replace(IncidentEntity.From(incident, reminderSentAt: now), row.ETag)
            .Audit("system", "PolicyBot", "reminded without cards: the card is too large to store");
        SendNotifications(transaction, incident, recipients);
        try
        {
            await transaction.SubmitAsync(Incidents, cancellationToken);
        }
        catch (WorkflowConflictException)
        {
            // Acknowledged in the meantime: nothing to remind about.
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Report {Reference} at {School} was not acknowledged within {Hours} hours; the DSL team was reminded")]
    static partial void LogReminded(ILogger logger, string school, string reference, int hours);

    [LoggerMessage(Level = LogLevel.Error, Message = "The reminder for report {Reference} at {School} is too large to store; it was not sent")]
    static partial void LogTooLarge(ILogger logger, string school, string reference);

}
