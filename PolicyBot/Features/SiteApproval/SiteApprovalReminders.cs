using Azure;
using Microsoft.Extensions.Options;
using PolicyBot.BotFramework;
using PolicyBot.Cards.SiteApproval;
using PolicyBot.Graph;
using PolicyBot.Schools;
using PolicyBot.Storage;
using PolicyBot.Storage.Tables;
using PolicyBot.Workflow;

namespace PolicyBot.Features.SiteApproval;

/// <summary>
/// Reminds the approvers of a step that has waited longer than the school's <see cref="School.ApprovalReminderHours"/>:
/// the card again in their chat (and a notification), then again each time as long passes. A reminder is a workflow
/// change like any other (state If-Match, audit, outbox in one transaction), so two instances never both send one.
/// </summary>
public sealed partial class SiteApprovalReminders(
    TableServiceClient tables,
    SchoolDirectory schools,
    OutboxSignal outbox,
    TimeProvider time,
    IOptions<BotOptions> botOptions,
    ILogger<SiteApprovalReminders> logger) : PeriodicPass(time, logger)
{
    TableClient Requests => tables.GetTableClient(SiteRequestEntity.TableName);

    /// <summary>One pass: reminds every step that is due; returns how many requests were reminded about.</summary>
    public override async Task<int> PassAsync(CancellationToken cancellationToken = default)
    {
        var now = Time.GetUtcNow();
        var reminded = 0;
        var pending = Requests.QueryAsync<SiteRequestEntity>(
            TableClient.CreateQueryFilter($"RowKey eq {WorkflowRows.State} and State eq {nameof(SiteRequestState.Pending)}"), cancellationToken: cancellationToken);
        await foreach (var entity in pending)
        {
            try
            {
                if (await RemindAsync(entity, now, cancellationToken))
                    reminded++;
            }
            catch (Exception e) when (e is not OperationCanceledException && !StorageFailure.Is(e, cancellationToken))
            {
                // One record that cannot be read as a request must not stop the others being reminded, nor the bot.
                LogRowSkipped(logger, entity.PartitionKey, e.GetType().Name);
            }
        }
        if (reminded > 0)
            outbox.Notify();
        return reminded;
    }

    async Task<bool> RemindAsync(SiteRequestEntity entity, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (schools.Find(entity.SchoolId) is not { } school || !IsDue(entity, school, now))
            return false;
        var request = entity.ToRecord();
        if (request.PendingStep is not { } step)
            return false;
        // Those who still have to decide: for an "all" step, not the ones who already approved.
        var waitingOn = SiteRequest.OthersIn(school, step.Role, request.RequestedBy)
            .Where(id => request.MayDecide(school, id)).Take(SiteApprovalHandler.MaxRecipients).ToList();
        if (waitingOn.Count == 0)
            return false;

        entity.RemindedAt = now;
        var card = SiteRequestCards.Card(request, school, SiteRequestViewer.CurrentApprover);
        var transaction = new WorkflowTransaction(entity.PartitionKey, now)
            .Replace(entity, entity.ETag)
            .Audit("system", "PolicyBot", "reminded")
            .Send(waitingOn.Select(id => new OutboxMessage.CardToUser(request.TenantId, id, card, TrackCopy: true)));
        if (TeamsDeepLink.ChatWithBotIfConfigured(botOptions.Value) is { } link)
        {
            var notification = ActivityNotification.Reminder(NotificationReference.Parse(request.Reference), request.Reference, link);
            transaction.Send(waitingOn.Select(id => new OutboxMessage.Notify(id, notification)));
        }
        try
        {
            await transaction.SubmitAsync(Requests, cancellationToken);
            LogReminded(logger, school.Id, request.Reference, waitingOn.Count);
            return true;
        }
        catch (WorkflowConflictException)
        {
            // Decided (or reminded by another instance) since it was read: nothing to remind about now.
            return false;
        }
    }

    /// <summary>Waited the school's hours since the step became pending, and since the last reminder for that step.</summary>
    static bool IsDue(SiteRequestEntity entity, School school, DateTimeOffset now)
    {
        if (entity.PendingSince is not { } since)
            return false;
        var wait = TimeSpan.FromHours(school.ApprovalReminderHours);
        var last = entity.RemindedAt is { } remindedAt && remindedAt >= since ? remindedAt : since;
        return now - last >= wait;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Reminded {Count} approvers of {Reference} at {School}")]
    static partial void LogReminded(ILogger logger, string school, string reference, int count);

    [LoggerMessage(Level = LogLevel.Error, Message = "Site request {RequestId} could not be reminded about ({Error}); the others were")]
    static partial void LogRowSkipped(ILogger logger, string requestId, string error);

}
