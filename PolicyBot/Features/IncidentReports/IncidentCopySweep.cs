using Azure;
using PolicyBot.Schools;
using PolicyBot.Storage;
using PolicyBot.Storage.Tables;
using PolicyBot.Workflow;

namespace PolicyBot.Features.IncidentReports;

/// <summary>
/// A report's copies are checked against the DSL team whenever the report changes; this pass reaches the ones that no
/// longer change (closed reports, most of them). When a school's DSL team or inbox channel is not the one last checked
/// for (its file was edited and the app restarted), or someone outside the team has joined the inbox channel, every
/// one of the school's reports has its copies checked again: a copy outside the team (the chat of someone taken out of
/// it, a channel others can read) is replaced by a card without the details. A channel with others in it is logged
/// for the admin on every pass until it is put right. The check goes <see cref="BatchSize"/> reports a pass, and one
/// row per school remembers how far it got, so a trust's first check after an upgrade does not crowd out live reports
/// and a failure part-way loses nothing.
/// </summary>
public sealed partial class IncidentCopySweep(
    TableServiceClient tables,
    SchoolDirectory schools,
    DslTeamDirectory dslTeams,
    IncidentReportsHandler reports,
    ProactiveMessenger messenger,
    OutboxSignal outbox,
    TimeProvider time,
    ILogger<IncidentCopySweep> logger,
    int batchSize = IncidentCopySweep.BatchSize) : PeriodicPass(time, logger)
{
    /// <summary>Reports per school per pass: each is an update of every copy, and the outbox serves live reports too.</summary>
    public const int BatchSize = 25;

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
            catch (Exception e) when (!cancellationToken.IsCancellationRequested)
            {
                // This school waits for the next pass, from where it got to; the others go on.
                LogSchoolFailed(logger, school.Id, e.GetType().Name, (e as RequestFailedException)?.Status ?? 0);
            }
        }
        if (checkedReports > 0)
            outbox.Notify();
        return checkedReports;
    }

    async Task<int> SweepAsync(School school, CancellationToken cancellationToken)
    {
        var ids = DslTeam.IdsOf(school);
        var last = (await Incidents.GetEntityIfExistsAsync<DslTeamCheckEntity>(DslTeamCheckEntity.PartitionOf(school.Id), DslTeamCheckEntity.Row, cancellationToken: cancellationToken)).Value;
        var inbox = school.Incidents.DslInbox;
        var inboxServiceUrl = inbox is null ? null : await reports.InboxServiceUrlAsync(inbox, school.TenantId, cancellationToken);
        var channelOpen = inbox is not null && await HasOthersAsync(school, inboxServiceUrl, inbox.ChannelId, ids, last?.InboxHasOthers ?? false, former: false, cancellationToken) is true;
        // A channel that used to be the inbox still holds the cards posted there while it was: it is watched like the
        // inbox, so that someone who joins it later does not find them. One that no longer exists needs no watching.
        var formerInboxes = new List<WatchedChannel>();
        foreach (var former in FormerInboxes(last, inbox?.ChannelId, inboxServiceUrl))
            if (await HasOthersAsync(school, former.ServiceUrl, former.ChannelId, ids, former.HasOthers, former: true, cancellationToken) is { } hasOthers)
                formerInboxes.Add(former with { HasOthers = hasOthers });
        var formerOpen = formerInboxes.Where(f => f.HasOthers).Select(f => f.ChannelId).ToList();
        // What the copies must be checked for: the team, where its inbox is, and whether others can read it or a former one.
        var target = string.Join(",", ids.Select(id => id.ToLowerInvariant()).Order(StringComparer.Ordinal))
                     + InboxMark + (inbox?.ChannelId ?? "")
                     + (channelOpen ? "|others-in-inbox" : "")
                     + string.Concat(formerOpen.Order(StringComparer.Ordinal).Select(OthersInFormer));
        if (last is not null && last.Team == target && last.Sweeping is null)
        {
            if (last.FormerInboxes != WatchedChannel.Format(formerInboxes) || last.InboxServiceUrl != inboxServiceUrl || last.Inbox is null)
            {
                last.Inbox = inbox?.ChannelId ?? "";
                last.FormerInboxes = WatchedChannel.Format(formerInboxes);
                last.InboxServiceUrl = inboxServiceUrl;
                await Incidents.UpdateEntityAsync(last, last.ETag, TableUpdateMode.Replace, cancellationToken);
            }
            return 0;
        }

        var after = last?.Sweeping == target ? last.After ?? "" : "";
        var filter = TableClient.CreateQueryFilter($"RowKey eq {WorkflowRows.State} and SchoolId eq {school.Id} and PartitionKey gt {after}");
        var rows = new List<IncidentEntity>();
        await foreach (var row in Incidents.QueryAsync<IncidentEntity>(filter, cancellationToken: cancellationToken))
            rows.Add(row);
        var batch = rows.OrderBy(r => r.PartitionKey, StringComparer.Ordinal).Take(batchSize).ToList();
        var team = batch.Count > 0 ? await dslTeams.TeamOfAsync(school, cancellationToken) : null;
        foreach (var row in batch)
            await CheckAsync(school, team!, row, cancellationToken);

        var finished = rows.Count <= batchSize;
        await Incidents.UpsertEntityAsync(new DslTeamCheckEntity
        {
            PartitionKey = DslTeamCheckEntity.PartitionOf(school.Id),
            RowKey = DslTeamCheckEntity.Row,
            Team = finished ? target : last?.Team ?? "",
            Sweeping = finished ? null : target,
            After = finished ? null : batch[^1].PartitionKey,
            InboxHasOthers = channelOpen,
            Inbox = inbox?.ChannelId ?? "",
            InboxServiceUrl = inboxServiceUrl,
            FormerInboxes = WatchedChannel.Format(formerInboxes),
            CheckedAt = Time.GetUtcNow(),
        }, TableUpdateMode.Replace, cancellationToken);
        if (finished)
            LogSwept(logger, school.Id, channelOpen ? "its inbox channel has others in it" : formerOpen.Count > 0 ? "a former inbox channel has others in it" : "its DSL team or inbox changed");
        return batch.Count;
    }

    /// <summary>
    /// One report: the card as it stands to those still in the team, the withdrawn card to every other copy. Written
    /// against the report's ETag, so a change made meanwhile (which carried the current team itself) is not overtaken
    /// by an older card.
    /// </summary>
    async Task CheckAsync(School school, DslTeam team, IncidentEntity row, CancellationToken cancellationToken)
    {
        var incident = row.ToRecord();
        var now = Time.GetUtcNow();
        var audience = IncidentReportsHandler.CopyAudience(school, team, incident);
        try
        {
            await new WorkflowTransaction(incident.IncidentId, now)
                .Replace(IncidentEntity.From(incident, row.ReminderSentAt), row.ETag)
                .Audit("system", "PolicyBot", "copies checked")
                .Send(new OutboxMessage.UpdateCardCopies(IncidentReportsHandler.InboxCard(incident, team), audience))
                .SubmitAsync(Incidents, cancellationToken);
        }
        catch (WorkflowConflictException)
        {
            // Changed meanwhile: that change updated every copy for the current team.
        }
        catch (WorkflowTooLargeException)
        {
            // Its card cannot be stored (a team far larger than any school's): every copy gets the card without the
            // details instead, so nobody outside the team keeps them; the team opens it from the incident log.
            LogTooLarge(logger, school.Id, incident.Reference);
            await new WorkflowTransaction(incident.IncidentId, now)
                .Audit("system", "PolicyBot", "copies withdrawn: the card is too large to store")
                .Send(new OutboxMessage.UpdateCardCopies(audience.Withdrawn, audience with { People = [] }))
                .SubmitAsync(Incidents, cancellationToken);
        }
    }

    const string InboxMark = "|inbox=";

    static string OthersInFormer(string channelId) => "|others-in-former=" + channelId;

    /// <summary>Former inbox channels a school keeps watching; more than a school changes its inbox in years.</summary>
    public const int MaxFormerInboxes = 10;

    /// <summary>
    /// The channels that were the school's DSL inbox before the current one, newest first: those last watched and, when
    /// the inbox has moved since the last check, the one it moved from. A channel that is the inbox again is the inbox.
    /// </summary>
    static List<WatchedChannel> FormerInboxes(DslTeamCheckEntity? last, string? inbox, string? inboxServiceUrl)
    {
        var formers = WatchedChannel.Parse(last?.FormerInboxes);
        // Rows written before former inboxes were watched name the inbox only inside Team.
        var lastInbox = last?.Inbox ?? InboxIn(last?.Team);
        if (!string.IsNullOrEmpty(lastInbox) && lastInbox != inbox && (last?.InboxServiceUrl ?? inboxServiceUrl) is { Length: > 0 } serviceUrl)
            formers.Insert(0, new WatchedChannel(lastInbox, serviceUrl, HasOthers: false));
        return formers.Where(f => f.ChannelId != inbox).DistinctBy(f => f.ChannelId).Take(MaxFormerInboxes).ToList();
    }

    static string? InboxIn(string? team)
    {
        var at = team?.IndexOf(InboxMark, StringComparison.Ordinal) ?? -1;
        if (at < 0)
            return null;
        var rest = team![(at + InboxMark.Length)..];
        var end = rest.IndexOf('|', StringComparison.Ordinal);
        return end < 0 ? rest : rest[..end];
    }

    /// <summary>
    /// Whether anyone outside the team is in a channel; when that cannot be read, what was last known. Null for a former
    /// inbox that no longer exists (404). The inbox with others in it is logged on every pass, as reports are not posted
    /// there until it is put right; a former one when it is first found, as its cards are then withdrawn.
    /// </summary>
    async Task<bool?> HasOthersAsync(School school, string? serviceUrl, string channelId, IReadOnlyList<string> ids, bool lastKnown, bool former, CancellationToken cancellationToken)
    {
        if (ids.Count == 0 || string.IsNullOrEmpty(serviceUrl))
            return false;
        try
        {
            var outside = await messenger.CountMembersOutsideAsync(serviceUrl, channelId, ids.ToHashSet(StringComparer.OrdinalIgnoreCase), cancellationToken);
            if (outside > 0 && !former)
                LogInboxHasOthers(logger, school.Id, outside);
            else if (outside > 0 && !lastKnown)
                LogFormerInboxHasOthers(logger, school.Id, outside);
            return outside > 0;
        }
        catch (RequestFailedException e) when (former && e.Status == 404)
        {
            return null;
        }
        catch (Exception e) when (e is RequestFailedException or HttpRequestException or ArgumentException || (e is TaskCanceledException && !cancellationToken.IsCancellationRequested))
        {
            LogInboxUnreadable(logger, school.Id, former ? "a former DSL inbox channel" : "the DSL inbox channel", (e as RequestFailedException)?.Status ?? 0);
            return lastKnown;
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "{School}: every report's copies were checked against the DSL team ({Reason})")]
    static partial void LogSwept(ILogger logger, string school, string reason);

    [LoggerMessage(Level = LogLevel.Error, Message = "{School}: the DSL inbox channel has {Outside} member(s) outside the DSL team; reports are not shown there (docs/deploy.md, the DSL inbox)")]
    static partial void LogInboxHasOthers(ILogger logger, string school, int outside);

    [LoggerMessage(Level = LogLevel.Error, Message = "{School}: a former DSL inbox channel has {Outside} member(s) outside the DSL team; the report cards posted there are replaced by ones without the details (docs/deploy.md, the DSL inbox)")]
    static partial void LogFormerInboxHasOthers(ILogger logger, string school, int outside);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{School}: the members of {Channel} could not be read ({Status}); checked again next pass")]
    static partial void LogInboxUnreadable(ILogger logger, string school, string channel, int status);

    [LoggerMessage(Level = LogLevel.Error, Message = "{School}: the card of report {Reference} is too large to store, so its copies were replaced by one without the details")]
    static partial void LogTooLarge(ILogger logger, string school, string reference);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{School}: checking report copies failed ({Error}, {Status}); it carries on next pass")]
    static partial void LogSchoolFailed(ILogger logger, string school, string error, int status);
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

    /// <summary>What every report's copies were last checked for: the team's Entra object ids, sorted and joined, the inbox channel and whether others were in it.</summary>
    public string Team { get; set; } = "";
    /// <summary>What a check under way is for; with <see cref="After"/>, the last report it has done (reports go in id order).</summary>
    public string? Sweeping { get; set; }
    public string? After { get; set; }
    public bool InboxHasOthers { get; set; }
    /// <summary>The inbox channel last checked for, and where its conversation is served.</summary>
    public string? Inbox { get; set; }
    public string? InboxServiceUrl { get; set; }
    /// <summary>Channels that were the inbox before, still watched (<see cref="WatchedChannel.Format"/>).</summary>
    public string? FormerInboxes { get; set; }
    public DateTimeOffset CheckedAt { get; set; }
}

/// <summary>
/// A channel whose members are checked, the Bot Connector address its conversation is served from, and whether someone
/// outside the DSL team was in it at the last check (what stands when its members cannot be read).
/// </summary>
public sealed record WatchedChannel(string ChannelId, string ServiceUrl, bool HasOthers)
{
    const string Others = "others";

    /// <summary>One channel a line: its id, its service URL and "others" or nothing, tab-separated (none holds a tab).</summary>
    public static string? Format(IReadOnlyList<WatchedChannel> channels) =>
        channels.Count == 0 ? null : string.Join("\n", channels.Select(c => $"{c.ChannelId}\t{c.ServiceUrl}\t{(c.HasOthers ? Others : "")}"));

    public static List<WatchedChannel> Parse(string? text) =>
        (text ?? "").Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(line => line.Split('\t'))
            .Where(parts => parts.Length >= 2 && parts[0].Length > 0 && parts[1].Length > 0)
            .Select(parts => new WatchedChannel(parts[0], parts[1], parts is [_, _, Others]))
            .ToList();
}
