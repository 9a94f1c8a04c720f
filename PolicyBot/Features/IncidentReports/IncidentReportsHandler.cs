using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using Microsoft.Extensions.Options;
using PolicyBot.Bot;
using PolicyBot.BotFramework;
using PolicyBot.BotFramework.Schema;
using PolicyBot.Cards;
using PolicyBot.Cards.AdaptiveCards;
using PolicyBot.Cards.Incidents;
using PolicyBot.Graph;
using PolicyBot.Schools;
using PolicyBot.Storage;
using PolicyBot.Storage.Tables;
using PolicyBot.Workflow;

namespace PolicyBot.Features.IncidentReports;

/// <summary>
/// Incidents: staff report a concern on a form; the DSL team gets the inbox card and acknowledges, assigns, escalates
/// and closes it; the reporter sees a reference and a status, never the details again.
/// </summary>
/// <remarks>
/// Where details may go: the form and the DSL team's cards (the inbox channel, each DSL's 1:1 chat), and the
/// <see cref="IncidentEntity"/> row. Never a log line, an audit note, a notification, the reporter's receipt, or a
/// channel or group chat that is not the DSL inbox: the form itself only ever opens in the reporter's 1:1 chat.
/// </remarks>
public sealed partial class IncidentReportsHandler(
    TableServiceClient tables,
    OutboxSignal outbox,
    PrivateChat privateChat,
    ProactiveMessenger messenger,
    IConversationReferenceStore conversations,
    DslTeamDirectory dslTeams,
    TimeProvider time,
    IOptions<BotOptions> botOptions,
    IOptions<WorkflowOptions> workflowOptions,
    ILogger<IncidentReportsHandler> logger)
{
    /// <summary>Incident ids start with this, so a refresh can be routed by id alone.</summary>
    public const string IdPrefix = "inc-";

    public const string ReferencePrefix = "INC";

    /// <summary>(100 rows per transaction − state − audit − the inbox channel's card) / (card + notification).</summary>
    public const int MaxRecipients = 48;

    /// <summary>Characters of a report past which "shorten it" is advice that can help.</summary>
    const int MuchWritten = 1000;

    /// <summary>Teams honours at most 60 user ids in a card's refresh.</summary>
    const int MaxRefreshUsers = 60;

    TableClient Incidents => tables.GetTableClient(IncidentEntity.TableName);

    public static bool IsIncidentId([NotNullWhen(true)] string? id) => id is not null && id.StartsWith(IdPrefix, StringComparison.Ordinal);

    /// <summary>Exactly one of our ids ("inc-" and 32 hex digits): anything else in card data is not looked up.</summary>
    public static bool IsWellFormedId([NotNullWhen(true)] string? id) => WorkflowIds.IsWellFormed(IdPrefix, id);

    /// <summary>The "report a concern" command: the form, in the person's 1:1 chat only.</summary>
    public async Task StartAsync(ITurnContext turn, School school, CancellationToken cancellationToken)
    {
        var sent = await privateChat.AnswerCommandAsync(turn, school, IncidentReportFormCard.Build(new IncidentReportFormCardData(school.Id)), cancellationToken);
        LogFormOpened(logger, school.Id, sent);
    }

    /// <summary>The "incident log" command: open reports, for the DSL team only.</summary>
    public async Task LogAsync(ITurnContext turn, School school, string userId, CancellationToken cancellationToken)
    {
        if (!IsDsl(school, userId))
        {
            await SendCardAsync(turn, ErrorCard.Build(CardProblem.NotAllowed, "The incident log is only for the safeguarding team."), cancellationToken);
            return;
        }
        IncidentLogCardData log;
        try
        {
            var today = SchoolCalendar.UkDate(time.GetUtcNow());
            var all = await SummariesAsync(school, null, cancellationToken);
            var open = all.Where(i => i.State != IncidentState.Closed)
                .Select(i => new IncidentLogEntry(i.PartitionKey, i.Reference, i.Category, i.State, i.Urgent, i.ReportedAt, i.State == IncidentState.Assigned ? i.AssignedToName : null))
                .ToList();
            var closedThisTerm = all.Count(i => i is { State: IncidentState.Closed, ClosedAt: { } closed } && SchoolCalendar.SameTerm(SchoolCalendar.UkDate(closed), today));
            log = new IncidentLogCardData(school.Id, open, closedThisTerm);
        }
        catch (Exception e) when (StorageFailure.Is(e, cancellationToken))
        {
            LogStorageFailed(logger, "log", StatusOf(e));
            await SendCardAsync(turn, ErrorCard.Build(CardProblem.SomethingWentWrong, "I couldn't read the incident log just now."), cancellationToken);
            return;
        }
        await privateChat.AnswerCommandAsync(turn, school, IncidentLogCard.Build(log), cancellationToken);
    }

    /// <summary>The "governors report" command: anonymised counts by category and term.</summary>
    public async Task GovernorsReportAsync(ITurnContext turn, School school, string userId, CancellationToken cancellationToken)
    {
        if (!MaySeeGovernorsReport(school, userId))
        {
            await SendCardAsync(turn, ErrorCard.Build(CardProblem.NotAllowed, "The governors' report is for governors, senior leaders and the safeguarding team."), cancellationToken);
            return;
        }
        GovernorsReportCardData report;
        try
        {
            report = GovernorsReport(school, SchoolCalendar.UkDate(time.GetUtcNow()), await SummariesAsync(school, null, cancellationToken));
        }
        catch (Exception e) when (StorageFailure.Is(e, cancellationToken))
        {
            LogStorageFailed(logger, "governors report", StatusOf(e));
            await SendCardAsync(turn, ErrorCard.Build(CardProblem.SomethingWentWrong, "I couldn't count the reports just now."), cancellationToken);
            return;
        }
        // Counts only, but for the people entitled to them: in their own chat when asked in a channel.
        await privateChat.AnswerCommandAsync(turn, school, GovernorsReportCard.Build(report), cancellationToken);
    }

    /// <summary>Every Incident* verb, and <see cref="Verbs.Refresh"/> for an incident's card.</summary>
    public async Task<AdaptiveCardInvokeResponse> OnActionAsync(ITurnContext turn, string verb, CardActionRequest request, CancellationToken cancellationToken)
    {
        try
        {
            return verb switch
            {
                Verbs.IncidentNew => await NewFormAsync(turn, request, cancellationToken),
                Verbs.IncidentSubmit => await SubmitAsync(turn, request, cancellationToken),
                Verbs.IncidentAcknowledge or Verbs.IncidentAssign or Verbs.IncidentEscalate or Verbs.IncidentClose => await DecideAsync(verb, request, cancellationToken),
                Verbs.IncidentShow => await ShowAsync(turn, request, cancellationToken),
                Verbs.Refresh => await RefreshAsync(request, cancellationToken),
                _ => AdaptiveCardInvokeResponse.Error(400, "NotSupported", "This card action is not recognised."),
            };
        }
        catch (Exception e) when (StorageFailure.Is(e, cancellationToken))
        {
            LogStorageFailed(logger, verb, StatusOf(e));
            return CardActionResponses.NotSaved();
        }
    }

    /// <summary>This person's own reports (reference and status only), newest first, for "my requests".</summary>
    public async Task<IReadOnlyList<MyIncident>> MineAsync(School school, string userId, CancellationToken cancellationToken)
    {
        var mine = await SummariesAsync(school, userId, cancellationToken);
        return mine.OrderByDescending(i => i.ReportedAt).Select(i => new MyIncident(i.Reference, i.State, i.ReportedAt)).ToList();
    }

    async Task<AdaptiveCardInvokeResponse> NewFormAsync(ITurnContext turn, CardActionRequest request, CancellationToken cancellationToken)
    {
        var form = IncidentReportFormCard.Build(new IncidentReportFormCardData(request.School.Id));
        var sent = await privateChat.SendAsync(turn, request.TenantId, request.UserId, form, cancellationToken);
        LogFormOpened(logger, request.School.Id, sent);
        return AdaptiveCardInvokeResponse.Message(sent == PrivateDelivery.Here ? "Here is the form to report a concern." : PrivateChat.Said(sent));
    }

    async Task<AdaptiveCardInvokeResponse> SubmitAsync(ITurnContext turn, CardActionRequest request, CancellationToken cancellationToken)
    {
        var school = request.School;
        var now = time.GetUtcNow();
        var today = SchoolCalendar.UkDate(now);
        var submission = IncidentSubmission.Read(request.Input, today);
        if (submission.Report is not { } report)
        {
            LogRefused(logger, school.Id, submission.Problems.Count);
            return await FormAgainAsync(turn, request, submission.Draft, string.Join(" ", submission.Problems), cancellationToken);
        }

        var team = await dslTeams.TeamOfAsync(school, cancellationToken);
        if (team.IsEmpty)
        {
            LogNoDslTeam(logger, school.Id);
            return await FormAgainAsync(turn, request, submission.Draft,
                $"Nobody at {school.Name} is set up in PolicyBot to receive reports, so this was not sent. Please speak to your Designated Safeguarding Lead in person today.",
                cancellationToken);
        }
        var recipients = team.Ids.ToList();
        if (recipients.Count > MaxRecipients)
        {
            LogTooManyRecipients(logger, school.Id, recipients.Count, MaxRecipients);
            recipients = recipients.Take(MaxRecipients).ToList();
        }

        var id = WorkflowIds.ForFormMessage(IdPrefix, school.Id, request.UserId, turn.Activity.Conversation?.Id, turn.Activity.ReplyToId);
        Incident incident;
        try
        {
            // Sent before (a double press, a retry after a timeout): its receipt, and no reference number taken for nothing.
            if (await LoadAsync(id, school, cancellationToken) is { } sentBefore)
                return SentBefore(sentBefore, request);
            var reference = await ReferenceCounter.NextAsync(Incidents, school.Id, ReferencePrefix, today.Year, cancellationToken);
            incident = Incident.Report(id, school.Id, request.TenantId, reference, report, new Actor(request.UserId, request.UserName), now);
            var card = InboxCard(incident, team);
            var transaction = new WorkflowTransaction(id, now)
                .Create(IncidentEntity.From(incident))
                .Audit(request.UserId, request.UserName, "reported");
            if (school.Incidents.DslInbox is { } inbox)
                // Only if the channel is the DSL team's alone: checked against its members just before posting.
                transaction.Send(new OutboxMessage.CardToConversation(request.TenantId, inbox.ChannelId, await InboxServiceUrlAsync(inbox, request.TenantId, cancellationToken), card,
                    OnlyIfMembersAmong: team.Ids.ToList()));
            transaction.Send(recipients.Select(r => new OutboxMessage.CardToUser(request.TenantId, r, card, TrackCopy: true)));
            if (NotificationLink() is { } link)
                transaction.Send(recipients.Select(r => new OutboxMessage.Notify(r, ActivityNotification.IncidentReported(NotificationReference.Parse(incident.Reference), link))));
            await transaction.SubmitAsync(Incidents, cancellationToken);
        }
        catch (WorkflowConflictException)
        {
            // The same form sent twice at the same moment (two devices): it was reported by the other send.
            var first = await LoadAsync(id, school, cancellationToken);
            return first is null ? CardActionResponses.BadData() : SentBefore(first, request);
        }
        catch (WorkflowTooLargeException)
        {
            // Trying again cannot help, so the reporter is not told to: the form comes back with everything they wrote.
            // Shortening helps only when they wrote a lot; otherwise the school's set-up is the cause (a DSL team far
            // larger than any school's makes the card too big), and the admin learns it from the log.
            LogTooLarge(logger, school.Id, Verbs.IncidentSubmit, recipients.Count);
            var written = report.WhatHappened.Length + (report.Where?.Length ?? 0) + (report.PeopleInvolved?.Length ?? 0);
            return await FormAgainAsync(turn, request, submission.Draft,
                written >= MuchWritten
                    ? "Your report is too long for PolicyBot to store, so it was not sent. Please shorten what you wrote and press Send again. If someone may be at risk, speak to the DSL in person now."
                    : "PolicyBot could not store this report, so it was not sent. Please speak to the DSL in person today, and tell whoever looks after PolicyBot at your school.",
                cancellationToken);
        }
        catch (Exception e) when (StorageFailure.Is(e, cancellationToken))
        {
            LogStorageFailed(logger, Verbs.IncidentSubmit, StatusOf(e));
            return await FormAgainAsync(turn, request, submission.Draft,
                "I couldn't send your report just now. Nothing was lost: press Send again in a minute. If someone may be at risk, speak to the DSL in person now.",
                cancellationToken);
        }
        outbox.Notify();
        LogReported(logger, school.Id, incident.Reference, incident.Urgent, recipients.Count);
        // The receipt takes the form's place: the details leave the reporter's chat.
        return AdaptiveCardInvokeResponse.Card(ReceiptCard(incident).ToJsonElement());
    }

    AdaptiveCardInvokeResponse SentBefore(IncidentEntity first, CardActionRequest request) =>
        string.Equals(first.ReportedBy, request.UserId, StringComparison.OrdinalIgnoreCase)
            ? AdaptiveCardInvokeResponse.Card(ReceiptCard(first.ToRecord()).ToJsonElement())
            : CardActionResponses.BadData();

    async Task<AdaptiveCardInvokeResponse> DecideAsync(string verb, CardActionRequest request, CancellationToken cancellationToken)
    {
        var school = request.School;
        if (!IsDsl(school, request.UserId))
            return NotDslTeam();
        if (!IsWellFormedId(request.Data.Id))
            return CardActionResponses.BadData();
        var stored = await LoadAsync(request.Data.Id, school, cancellationToken);
        if (stored is null)
            return CardActionResponses.IncidentGone();
        var team = await dslTeams.TeamOfAsync(school, cancellationToken);
        var by = new Actor(request.UserId, request.UserName);

        // A second try only when the row changed without a new revision (the reminder marks it): the card is still current.
        for (var attempt = 0; attempt < 2; attempt++)
        {
            var current = stored.ToRecord();
            if (request.Data.Version != Version(current))
            {
                // Clicked on an older card: someone else acted first. The card as it stands now, nothing changed.
                LogStale(logger, school.Id, current.Reference);
                return AdaptiveCardInvokeResponse.Card(InboxCard(current, team).ToJsonElement());
            }
            var now = time.GetUtcNow();
            IncidentTransition transition;
            switch (verb)
            {
                case Verbs.IncidentAcknowledge:
                    transition = current.Acknowledge(by, team, now);
                    break;
                case Verbs.IncidentAssign:
                    transition = current.Assign(by, team, request.Input(InputIds.AssignTo), now);
                    break;
                case Verbs.IncidentEscalate:
                    var targetText = request.Input(InputIds.EscalateTo);
                    if (targetText is null || !Enum.GetNames<EscalationTarget>().Contains(targetText, StringComparer.Ordinal))
                        return AdaptiveCardInvokeResponse.Error(400, "NoEscalationTarget", "Choose who the report is escalated to.");
                    transition = current.Escalate(by, team, Enum.Parse<EscalationTarget>(targetText), request.Input(InputIds.EscalateNote), now);
                    break;
                default:
                    transition = current.Close(by, team, request.Input(InputIds.CloseOutcome), now);
                    break;
            }
            if (transition.Refusal is { } refusal)
                return Refused(refusal, current);

            var next = transition.Next!;
            var card = InboxCard(next, team);
            var transaction = new WorkflowTransaction(next.IncidentId, now)
                .Replace(IncidentEntity.From(next, stored.ReminderSentAt), stored.ETag)
                .Audit(by.Id, by.Name, AuditAction(next.State), AuditNote(next))
                .Send(new OutboxMessage.UpdateCardCopies(card, CopyAudience(school, team, next)));
            AddNotifications(transaction, school, current, next, by);
            try
            {
                await transaction.SubmitAsync(Incidents, cancellationToken);
            }
            catch (WorkflowConflictException)
            {
                stored = await LoadAsync(next.IncidentId, school, cancellationToken);
                if (stored is null)
                    return CardActionResponses.IncidentGone();
                continue;
            }
            catch (WorkflowTooLargeException)
            {
                // An error keeps the card as it is, with what the DSL typed in it.
                LogTooLarge(logger, school.Id, verb, team.Members.Count);
                var typed = (request.Input(InputIds.EscalateNote)?.Length ?? 0) + (request.Input(InputIds.CloseOutcome)?.Length ?? 0);
                return AdaptiveCardInvokeResponse.Error(400, "TooLarge", typed >= MuchWritten
                    ? $"That is too long to store with report {current.Reference}, so nothing was changed. Please shorten what you typed and try again."
                    : $"PolicyBot could not store that change to report {current.Reference}, so nothing was changed. Please tell whoever looks after PolicyBot at your school.");
            }
            outbox.Notify();
            LogDecided(logger, school.Id, next.Reference, next.State);
            return AdaptiveCardInvokeResponse.Card(card.ToJsonElement());
        }
        return AdaptiveCardInvokeResponse.Card(InboxCard(stored.ToRecord(), team).ToJsonElement());
    }

    /// <summary>
    /// A card opened from the incident log is a copy like the others: later changes reach it, and it is withdrawn if its
    /// owner leaves the DSL team. Not a change of the report, so a row of its own outside a transaction.
    /// </summary>
    async Task TrackAsync(Incident incident, PostedCard posted, string owner, CancellationToken cancellationToken)
    {
        try
        {
            // The card opened before it in this chat is now out of date.
            await CardCopies.TrackAsync(Incidents, messenger, CardCopies.Row(incident.IncidentId, posted, owner), cancellationToken);
        }
        catch (Exception e) when (StorageFailure.Is(e, cancellationToken) || e is HttpRequestException)
        {
            // The card is shown; it may not follow later changes. Said in the log, by reference only.
            LogCopyNotTracked(logger, incident.SchoolId, incident.Reference);
        }
    }

    /// <summary>Who hears about a change: the assignee, the Headteacher on an escalation to them, the reporter when their status changes.</summary>
    void AddNotifications(WorkflowTransaction transaction, School school, Incident before, Incident next, Actor by)
    {
        if (next.State == IncidentState.Closed)
        {
            // The reporter's last word on it, in their 1:1 chat: the reference and "closed", nothing else.
            transaction.Send(new OutboxMessage.CardToUser(next.TenantId, next.ReportedBy.Id, ReceiptCard(next)));
        }
        if (NotificationLink() is not { } link)
            return;
        var reference = NotificationReference.Parse(next.Reference);
        if (next.State == IncidentState.Assigned && next.AssignedTo is { } assignee && !string.Equals(assignee.Id, by.Id, StringComparison.OrdinalIgnoreCase))
            transaction.Send(new OutboxMessage.Notify(assignee.Id, ActivityNotification.IncidentAssigned(reference, link)));
        if (next.State == IncidentState.Escalated && next.EscalatedTo == EscalationTarget.Headteacher)
        {
            // The Headteacher learns the reference only; the details reach them from the DSL, who knows what to share.
            foreach (var head in school.PeopleIn(SchoolRole.Headteacher).Where(h => !string.Equals(h, by.Id, StringComparison.OrdinalIgnoreCase)))
                transaction.Send(new OutboxMessage.Notify(head, ActivityNotification.IncidentEscalated(reference, "Headteacher", link)));
        }
        if (CardText.ReporterStatus(before.State) != CardText.ReporterStatus(next.State))
            transaction.Send(new OutboxMessage.Notify(next.ReportedBy.Id,
                ActivityNotification.IncidentStatusChanged(reference, CardText.ReporterStatus(next.State).ToLowerInvariant(), link)));
    }

    async Task<AdaptiveCardInvokeResponse> ShowAsync(ITurnContext turn, CardActionRequest request, CancellationToken cancellationToken)
    {
        if (!IsDsl(request.School, request.UserId))
            return NotDslTeam();
        if (!IsWellFormedId(request.Data.Id))
            return CardActionResponses.BadData();
        var stored = await LoadAsync(request.Data.Id, request.School, cancellationToken);
        if (stored is null)
            return CardActionResponses.IncidentGone();
        var incident = stored.ToRecord();
        var card = InboxCard(incident, await dslTeams.TeamOfAsync(request.School, cancellationToken));
        var (sent, posted) = await privateChat.SendAndLocateAsync(turn, request.TenantId, request.UserId, card, cancellationToken);
        if (posted is not null)
            await TrackAsync(incident, posted, request.UserId, cancellationToken);
        return AdaptiveCardInvokeResponse.Message(sent == PrivateDelivery.Here ? $"Report {incident.Reference} is below." : PrivateChat.Said(sent));
    }

    async Task<AdaptiveCardInvokeResponse> RefreshAsync(CardActionRequest request, CancellationToken cancellationToken)
    {
        if (!IsDsl(request.School, request.UserId))
            return NotDslTeam();
        if (!IsWellFormedId(request.Data.Id))
            return CardActionResponses.BadData();
        var stored = await LoadAsync(request.Data.Id, request.School, cancellationToken);
        if (stored is null)
            return CardActionResponses.IncidentGone();
        return AdaptiveCardInvokeResponse.Card(InboxCard(stored.ToRecord(), await dslTeams.TeamOfAsync(request.School, cancellationToken)).ToJsonElement());
    }

    /// <summary>The form again with what was typed and why it was not sent; only ever in the reporter's 1:1 chat.</summary>
    async Task<AdaptiveCardInvokeResponse> FormAgainAsync(ITurnContext turn, CardActionRequest request, IncidentDraft draft, string problem, CancellationToken cancellationToken)
    {
        var form = IncidentReportFormCard.Build(new IncidentReportFormCardData(request.School.Id, draft, problem));
        if (PrivateChat.IsPersonal(turn.Activity))
            return AdaptiveCardInvokeResponse.Card(form.ToJsonElement());
        // A form sent from anywhere else (it is never posted there) does not come back there with the draft in it.
        var sent = await privateChat.SendAsync(turn, request.TenantId, request.UserId, form, cancellationToken);
        return AdaptiveCardInvokeResponse.Message(PrivateChat.Said(sent));
    }

    AdaptiveCardInvokeResponse Refused(IncidentRefusal refusal, Incident current) => refusal switch
    {
        IncidentRefusal.NotDslTeam => NotDslTeam(),
        IncidentRefusal.WrongState => AdaptiveCardInvokeResponse.Error(400, "NotPossible",
            $"That can't be done to report {current.Reference} now: it is {CardText.DslStateLabel(current.State).ToLowerInvariant()}."),
        IncidentRefusal.AssigneeNotInTeam => AdaptiveCardInvokeResponse.Error(400, "NotInDslTeam", "A report can only be assigned to the DSL or a deputy DSL."),
        IncidentRefusal.UnknownEscalationTarget => AdaptiveCardInvokeResponse.Error(400, "NoEscalationTarget", "Choose who the report is escalated to."),
        IncidentRefusal.EmptyNote => AdaptiveCardInvokeResponse.Error(400, "EmptyNote", "Write a note for the record before escalating."),
        IncidentRefusal.NoteTooLong => AdaptiveCardInvokeResponse.Error(400, "NoteTooLong", $"The note can be at most {Incident.MaxNoteLength} characters."),
        IncidentRefusal.EmptyOutcome => AdaptiveCardInvokeResponse.Error(400, "EmptyOutcome", "Write the outcome before closing the report."),
        _ => AdaptiveCardInvokeResponse.Error(400, "OutcomeTooLong", $"The outcome can be at most {Incident.MaxOutcomeLength} characters."),
    };

    static AdaptiveCardInvokeResponse NotDslTeam() =>
        CardActionResponses.NotAllowed("Only the safeguarding team (the DSL and deputy DSLs) can see and act on reports. Nothing was changed.");

    async Task<IncidentEntity?> LoadAsync(string id, School school, CancellationToken cancellationToken)
    {
        var found = await Incidents.GetEntityIfExistsAsync<IncidentEntity>(id, WorkflowRows.State, cancellationToken: cancellationToken);
        // Another school's report is as unknown as a missing one.
        return found.HasValue && found.Value!.SchoolId == school.Id ? found.Value : null;
    }

    /// <summary>The state rows of a school's reports (of one reporter's), without their details.</summary>
    async Task<List<IncidentEntity>> SummariesAsync(School school, string? reportedBy, CancellationToken cancellationToken)
    {
        // A scan of the state rows: a school has tens to hundreds of reports a year, and a separate index could not be
        // written in the same transaction as the report.
        var filter = TableClient.CreateQueryFilter($"RowKey eq {WorkflowRows.State} and SchoolId eq {school.Id}");
        if (reportedBy is not null)
            filter += " and " + TableClient.CreateQueryFilter($"ReportedBy eq {reportedBy}");
        string[] columns =
        [
            // The keys too: the Table service returns only what $select names.
            nameof(IncidentEntity.PartitionKey), nameof(IncidentEntity.RowKey),
            nameof(IncidentEntity.SchoolId), nameof(IncidentEntity.Reference), nameof(IncidentEntity.Category), nameof(IncidentEntity.State),
            nameof(IncidentEntity.Urgent), nameof(IncidentEntity.ReportedAt), nameof(IncidentEntity.ClosedAt), nameof(IncidentEntity.AssignedToName),
        ];
        var rows = new List<IncidentEntity>();
        await foreach (var row in Incidents.QueryAsync<IncidentEntity>(filter, select: columns, cancellationToken: cancellationToken))
            rows.Add(row);
        return rows;
    }

    static GovernorsReportCardData GovernorsReport(School school, DateOnly today, IReadOnlyList<IncidentEntity> all)
    {
        var year = SchoolCalendar.SchoolYearOf(today);
        var thisYear = all.Select(i => (i.Category, Day: SchoolCalendar.UkDate(i.ReportedAt)))
            .Where(i => SchoolCalendar.SchoolYearOf(i.Day) == year)
            .ToList();
        var terms = Enum.GetValues<Term>()
            .Where(t => t <= SchoolCalendar.TermOf(today))
            .Select(t => new TermCounts(SchoolCalendar.TermName(t, year),
                thisYear.Where(i => SchoolCalendar.TermOf(i.Day) == t).GroupBy(i => i.Category).ToDictionary(g => g.Key, g => g.Count())))
            .ToList();
        return new GovernorsReportCardData(school.Name, SchoolCalendar.SchoolYearName(year), terms);
    }

    static bool IsDsl(School school, string userId) => DslTeam.IdsOf(school).Contains(userId, StringComparer.OrdinalIgnoreCase);

    static bool MaySeeGovernorsReport(School school, string userId) =>
        IsDsl(school, userId)
        || school.Holds(userId, SchoolRole.Governor)
        || school.Holds(userId, SchoolRole.Slt)
        || school.Holds(userId, SchoolRole.Headteacher);

    static IncidentReceiptCardData ReceiptData(Incident incident) =>
        new(incident.Reference, incident.State, incident.ReportedAt, incident.UpdatedAt);

    static AdaptiveCard ReceiptCard(Incident incident) => IncidentReceiptCard.Build(ReceiptData(incident));

    internal static AdaptiveCard InboxCard(Incident incident, DslTeam team) => IncidentInboxCard.Build(new IncidentInboxCardData(
        incident.IncidentId, incident.SchoolId, Version(incident), incident.Reference, incident.Category, incident.Urgent,
        incident.ReportedBy.Name, incident.ReportedAt, incident.WhatHappened, incident.HappenedOn, incident.Where, incident.PeopleInvolved,
        incident.State, team.Members,
        incident.History.Select(e => new IncidentHistoryEntry(e.At, e.ByName, e.What)).ToList(),
        team.Ids.Take(MaxRefreshUsers).ToList(),
        incident.AssignedTo?.Name, incident.EscalatedTo, incident.Outcome, incident.EscalationNote));

    /// <summary>
    /// Who keeps seeing a report's copies: the DSL team as configured now, in their own chats or in a channel that only
    /// they are in. Someone taken out of the team since, or a channel someone else has joined, gets a card without the
    /// details in place of its copy.
    /// </summary>
    internal static OutboxMessage.CopyAudience CopyAudience(School school, DslTeam team, Incident incident) =>
        new(team.Ids.ToList(), IncidentWithdrawnCard.Build(incident.Reference, school.Name));

    static string Version(Incident incident) => incident.Revision.ToString(CultureInfo.InvariantCulture);

    static string AuditAction(IncidentState state) => state switch
    {
        IncidentState.Acknowledged => "acknowledged",
        IncidentState.Assigned => "assigned",
        IncidentState.Escalated => "escalated",
        _ => "closed",
    };

    /// <summary>Safe for the record: who it went to, never the note or the outcome (they are the concern's content).</summary>
    static string? AuditNote(Incident next) => next.State switch
    {
        IncidentState.Assigned => next.AssignedTo?.Id,
        IncidentState.Escalated => next.EscalatedTo?.ToString(),
        _ => null,
    };

    internal async Task<string> InboxServiceUrlAsync(DslInbox inbox, string tenantId, CancellationToken cancellationToken) =>
        inbox.ServiceUrl is { Length: > 0 } configured
            ? configured
            : await conversations.GetServiceUrlForTenantAsync(tenantId, cancellationToken) ?? workflowOptions.Value.DefaultServiceUrl;

    static async Task SendCardAsync(ITurnContext turn, AdaptiveCard card, CancellationToken cancellationToken) =>
        await turn.SendActivityAsync(Activity.CreateAttachmentActivity(Attachment.FromCard(card)), cancellationToken);

    internal Uri? NotificationLink() => TeamsDeepLink.ChatWithBotIfConfigured(botOptions.Value);

    static int StatusOf(Exception e) => (e as Azure.RequestFailedException)?.Status ?? 0;

    [LoggerMessage(Level = LogLevel.Information, Message = "Report form for {School} opened ({Delivery})")]
    static partial void LogFormOpened(ILogger logger, string school, PrivateDelivery delivery);

    [LoggerMessage(Level = LogLevel.Information, Message = "A report at {School} was sent back to the reporter with {Problems} problem(s)")]
    static partial void LogRefused(ILogger logger, string school, int problems);

    [LoggerMessage(Level = LogLevel.Information, Message = "Report {Reference} at {School} (urgent: {Urgent}) sent to {Count} DSL team members")]
    static partial void LogReported(ILogger logger, string school, string reference, bool urgent, int count);

    [LoggerMessage(Level = LogLevel.Information, Message = "Report {Reference} at {School} is now {State}")]
    static partial void LogDecided(ILogger logger, string school, string reference, IncidentState state);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Report {Reference} at {School} was opened from the log, but storage failed, so that card will not follow later changes")]
    static partial void LogCopyNotTracked(ILogger logger, string school, string reference);

    [LoggerMessage(Level = LogLevel.Information, Message = "A click on an older card of report {Reference} at {School} was answered with the current card")]
    static partial void LogStale(ILogger logger, string school, string reference);

    [LoggerMessage(Level = LogLevel.Error, Message = "{School} has no DSL or deputy DSL configured: a report could not be sent and its reporter was told to speak to the DSL in person")]
    static partial void LogNoDslTeam(ILogger logger, string school);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{School}'s DSL team has {Count} people; reports go to the first {Max}")]
    static partial void LogTooManyRecipients(ILogger logger, string school, int count, int max);

    [LoggerMessage(Level = LogLevel.Error, Message = "A change to a report at {School} ({Operation}) was too large to store, so nothing was changed; the DSL team has {TeamSize} people, and each is listed on the card")]
    static partial void LogTooLarge(ILogger logger, string school, string operation, int teamSize);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Incident storage failed during {Operation} ({Status}); nothing was changed")]
    static partial void LogStorageFailed(ILogger logger, string operation, int status);

}
