using Azure;
using PolicyBot.Schools;
using PolicyBot.Storage;
using PolicyBot.Storage.Tables;
using PolicyBot.Workflow;

namespace PolicyBot.Features.IncidentReports;

/// <summary>
/// A report's copies are checked against the DSL team whenever the report changes; this pass reaches the ones that no
/// longer change (closed reports, most of them). When a school's DSL team is not the one last checked for (its file
/// was edited and the app restarted), or someone outside the team has joined its DSL inbox channel, every one of the
/// school's reports has its copies checked again: a copy outside the team (the chat of someone taken out of it, a
/// channel others can read) is replaced by a card without the details, and a channel with others in it is logged for
/// the admin on every pass until it is put right. One row per school remembers what was last checked.
/// </summary>
public sealed partial class IncidentCopySweep(
    TableServiceClient tables,
    SchoolDirectory schools,
    DslTeamDirectory dslTeams,
    IncidentReportsHandler reports,
    ProactiveMessenger messenger,
    OutboxSignal outbox,
    TimeProvider time,
    ILogger<IncidentCopySweep> logger) : PeriodicPass(time, logger)
{
    TableClient Incidents => tables.GetTableClient(IncidentEntity.TableName);

    /// <summary>One pass over every school; returns how many reports had their copies checked again.</summary>
    public override async Task<int> PassAsync(CancellationToken cancellationToken = default)
    {
        var checkedReports = 0;
        foreach (var school in schools.Schools)
        {
            try
            {
                checkedReports += await SweepAsync(school, cancellationToken);
            }
            catch (Exception e) when (StorageFailure.Is(e, cancellationToken))
            {
                // This school waits for the next pass; the others go on.
                LogSchoolFailed(logger, school.Id, (e as RequestFailedException)?.Status ?? 0);
            }
        }
        if (checkedReports > 0)
            outbox.Notify();
        return checkedReports;
    }

    async Task<int> SweepAsync(School school, CancellationToken cancellationToken)
    {
        var ids = DslTeam.IdsOf(school);
        var fingerprint = string.Join(",", ids.Select(id => id.ToLowerInvariant()).Order(StringComparer.Ordinal));
        var last = (await Incidents.GetEntityIfExistsAsync<DslTeamCheckEntity>(DslTeamCheckEntity.PartitionOf(school.Id), DslTeamCheckEntity.Row, cancellationToken: cancellationToken)).Value;
        var channelOpen = await InboxHasOthersAsync(school, ids, last?.InboxHasOthers ?? false, cancellationToken);

        var due = last is null || last.Team != fingerprint || (channelOpen && !last.InboxHasOthers);
        var swept = 0;
        if (due)
        {
            var team = await dslTeams.TeamOfAsync(school, cancellationToken);
            var now = Time.GetUtcNow();
            var filter = TableClient.CreateQueryFilter($"RowKey eq {WorkflowRows.State} and SchoolId eq {school.Id}");
            var rows = new List<IncidentEntity>();
            await foreach (var row in Incidents.QueryAsync<IncidentEntity>(filter, cancellationToken: cancellationToken))
                rows.Add(row);
            foreach (var row in rows)
            {
                var incident = row.ToRecord();
                // The card as it stands, to those still in the team; the withdrawn card to every other copy.
                try
                {
                    await new WorkflowTransaction(incident.IncidentId, now)
                        .Audit("system", "PolicyBot", "copies checked")
                        .Send(new OutboxMessage.UpdateCardCopies(IncidentReportsHandler.InboxCard(incident, team), IncidentReportsHandler.CopyAudience(school, team, incident)))
                        .SubmitAsync(Incidents, cancellationToken);
                    swept++;
                }
                catch (WorkflowTooLargeException)
                {
                    // Its card cannot be stored (a team far larger than any school's); the other reports are still checked.
                    LogTooLarge(logger, school.Id, incident.Reference);
                }
            }
            LogSwept(logger, school.Id, swept, last is null ? "first check" : last.Team != fingerprint ? "the DSL team changed" : "the inbox channel has others in it");
        }
        await Incidents.UpsertEntityAsync(new DslTeamCheckEntity
        {
            PartitionKey = DslTeamCheckEntity.PartitionOf(school.Id),
            RowKey = DslTeamCheckEntity.Row,
            Team = fingerprint,
            InboxHasOthers = channelOpen,
            CheckedAt = Time.GetUtcNow(),
        }, TableUpdateMode.Replace, cancellationToken);
        return swept;
    }

    /// <summary>Whether anyone outside the team is in the DSL inbox channel; when that cannot be read, what was last known.</summary>
    async Task<bool> InboxHasOthersAsync(School school, IReadOnlyList<string> ids, bool lastKnown, CancellationToken cancellationToken)
    {
        if (school.Incidents.DslInbox is not { } inbox || ids.Count == 0)
            return false;
        try
        {
            var serviceUrl = await reports.InboxServiceUrlAsync(inbox, school.TenantId, cancellationToken);
            var outside = await messenger.CountMembersOutsideAsync(serviceUrl, inbox.ChannelId, ids.ToHashSet(StringComparer.OrdinalIgnoreCase), cancellationToken);
            if (outside > 0)
                LogInboxHasOthers(logger, school.Id, outside);
            return outside > 0;
        }
        catch (Exception e) when (e is RequestFailedException or HttpRequestException or ArgumentException || (e is TaskCanceledException && !cancellationToken.IsCancellationRequested))
        {
            LogInboxUnreadable(logger, school.Id, (e as RequestFailedException)?.Status ?? 0);
            return lastKnown;
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "{School}: the copies of {Count} report(s) were checked against the DSL team ({Reason})")]
    static partial void LogSwept(ILogger logger, string school, int count, string reason);

    [LoggerMessage(Level = LogLevel.Error, Message = "{School}: the DSL inbox channel has {Outside} member(s) outside the DSL team; reports are not shown there (docs/deploy.md, the DSL inbox)")]
    static partial void LogInboxHasOthers(ILogger logger, string school, int outside);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{School}: the DSL inbox channel's members could not be read ({Status}); checked again next pass")]
    static partial void LogInboxUnreadable(ILogger logger, string school, int status);

    [LoggerMessage(Level = LogLevel.Error, Message = "{School}: the card of report {Reference} is too large to store, so its copies were not checked")]
    static partial void LogTooLarge(ILogger logger, string school, string reference);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{School}: checking report copies failed ({Status}); it runs again next pass")]
    static partial void LogSchoolFailed(ILogger logger, string school, int status);
}

/// <summary>The DSL team a school's report copies were last checked for, and whether its inbox channel had others in it.</summary>
public sealed class DslTeamCheckEntity : ITableEntity
{
    public const string Row = "dsl-team-check";

    public static string PartitionOf(string schoolId) => "dsl-team|" + schoolId;

    public string PartitionKey { get; set; } = "";
    public string RowKey { get; set; } = "";
    public DateTimeOffset? Timestamp { get; set; }
    public ETag ETag { get; set; }

    /// <summary>The team's Entra object ids, sorted and joined: not secret, and what decides whether it changed.</summary>
    public string Team { get; set; } = "";
    public bool InboxHasOthers { get; set; }
    public DateTimeOffset CheckedAt { get; set; }
}
