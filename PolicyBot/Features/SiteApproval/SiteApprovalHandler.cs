using System.Diagnostics.CodeAnalysis;
using Azure;
using Microsoft.Extensions.Options;
using PolicyBot.BotFramework;
using PolicyBot.BotFramework.Schema;
using PolicyBot.Cards;
using PolicyBot.Cards.AdaptiveCards;
using PolicyBot.Cards.SiteApproval;
using PolicyBot.Graph;
using PolicyBot.Schools;
using PolicyBot.Storage;
using PolicyBot.Storage.Tables;
using PolicyBot.Workflow;

namespace PolicyBot.Features.SiteApproval;

/// <summary>
/// Site approval: the request form, the school's approval chain deciding on cards, every copy showing the live state.
/// Every change is read → pure transition (<see cref="SiteRequest"/>) → one transaction in the request's partition
/// (state If-Match, audit, outbox). Who may act is decided here from the verified user against the school's roles.
/// </summary>
public sealed partial class SiteApprovalHandler(
    TableServiceClient tables,
    PrivateChat privateChat,
    ProactiveMessenger messenger,
    OutboxSignal outbox,
    TimeProvider time,
    IOptions<BotOptions> botOptions,
    ILogger<SiteApprovalHandler> logger)
{
    /// <summary>Site request ids start with this, so a refresh can be routed by id alone.</summary>
    public const string IdPrefix = "site-";

    public const string ReferencePrefix = "SITE";

    /// <summary>(100 rows per transaction − state − audit − copy − update − requester's card and notification) / (card + notification).</summary>
    public const int MaxRecipients = 47;

    TableClient Requests => tables.GetTableClient(SiteRequestEntity.TableName);

    public static bool IsRequestId(string? id) => id is not null && id.StartsWith(IdPrefix, StringComparison.Ordinal);

    /// <summary>One of our ids exactly ("site-" and 32 hex digits); anything else in card data is not looked up.</summary>
    static bool IsValidRequestId([NotNullWhen(true)] string? id) => WorkflowIds.IsWellFormed(IdPrefix, id);

    /// <summary>The "new site request" command: the form, in the person's 1:1 chat.</summary>
    public async Task StartAsync(ITurnContext turn, School school, CancellationToken cancellationToken)
    {
        await privateChat.AnswerCommandAsync(turn, school, FormCard(school), cancellationToken);
    }

    /// <summary>The "pending approvals" command: the requests waiting for this person's decision.</summary>
    public async Task PendingAsync(ITurnContext turn, School school, string userId, CancellationToken cancellationToken)
    {
        AdaptiveCard card;
        try
        {
            var items = new List<PendingApproval>();
            await foreach (var entity in Requests.QueryAsync<SiteRequestEntity>(
                               TableClient.CreateQueryFilter($"RowKey eq {WorkflowRows.State} and SchoolId eq {school.Id} and State eq {nameof(SiteRequestState.Pending)}"),
                               cancellationToken: cancellationToken))
            {
                var request = entity.ToRecord();
                if (request.MayDecide(school, userId) && request.PendingStep is { } step)
                    items.Add(new PendingApproval(request.RequestId, request.Reference, SiteRequestForm.Summary(request.Answers, request.Reference),
                        request.RequestedByName, SiteRequestCards.RoleTitle(step.Role), step.PendingSince ?? request.UpdatedAt));
            }
            card = PendingApprovalsCard.Build(new PendingApprovalsCardData(school.Id, items.OrderBy(i => i.WaitingSince).ToList()));
        }
        catch (Exception e) when (StorageFailure.Is(e, cancellationToken))
        {
            LogStorageFailed(logger, "pending", (e as RequestFailedException)?.Status ?? 0);
            card = ErrorCard.Build(CardProblem.SomethingWentWrong, "PolicyBot couldn't look up your approvals just now. Please try again in a minute.");
        }
        await privateChat.AnswerCommandAsync(turn, school, card, cancellationToken);
    }

    /// <summary>This person's own requests, newest first, for "my requests".</summary>
    public async Task<IReadOnlyList<MySiteRequest>> MineAsync(School school, string userId, CancellationToken cancellationToken)
    {
        var mine = new List<(DateTimeOffset RequestedAt, MySiteRequest Item)>();
        await foreach (var entity in Requests.QueryAsync<SiteRequestEntity>(
                           TableClient.CreateQueryFilter($"RowKey eq {WorkflowRows.State} and SchoolId eq {school.Id} and RequestedBy eq {userId}"),
                           cancellationToken: cancellationToken))
        {
            var request = entity.ToRecord();
            var waitingFor = request.PendingStep is { } step ? SiteRequestCards.RoleTitle(step.Role) : null;
            mine.Add((request.RequestedAt, new MySiteRequest(request.Reference, SiteRequestForm.Summary(request.Answers, request.Reference),
                request.State, request.UpdatedAt, waitingFor)));
        }
        return mine.OrderByDescending(m => m.RequestedAt).Select(m => m.Item).ToList();
    }

    /// <summary>Every Site* verb, and <see cref="Verbs.Refresh"/> for a site request's card.</summary>
    public async Task<AdaptiveCardInvokeResponse> OnActionAsync(ITurnContext turn, string verb, CardActionRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turn);
        ArgumentNullException.ThrowIfNull(request);
        if (verb == Verbs.SiteSubmit)
            return await SubmitAsync(turn, request, cancellationToken);
        try
        {
            return verb switch
            {
                Verbs.SiteNew => await NewFormAsync(turn, request, cancellationToken),
                Verbs.SiteApprove => await DecideAsync(request, approve: true, cancellationToken),
                Verbs.SiteReject => await DecideAsync(request, approve: false, cancellationToken),
                Verbs.SiteWithdraw => await WithdrawAsync(request, cancellationToken),
                Verbs.SiteShow => await ShowAsync(turn, request, cancellationToken),
                Verbs.Refresh => await RefreshAsync(request, cancellationToken),
                _ => AdaptiveCardInvokeResponse.Error(400, "NotSupported", "This card action is not recognised."),
            };
        }
        catch (Exception e) when (StorageFailure.Is(e, cancellationToken))
        {
            // Nothing was written: a transaction is all or nothing, and a read that failed changed nothing.
            LogStorageFailed(logger, verb, (e as RequestFailedException)?.Status ?? 0);
            return CardActionResponses.NotSaved();
        }
    }

    /// <summary>"Request a new school site" pressed on a card: the form as a new message; the card it was pressed on stays.</summary>
    async Task<AdaptiveCardInvokeResponse> NewFormAsync(ITurnContext turn, CardActionRequest request, CancellationToken cancellationToken)
    {
        var sent = await privateChat.SendAsync(turn, request.TenantId, request.UserId, FormCard(request.School), cancellationToken);
        return AdaptiveCardInvokeResponse.Message(sent == PrivateDelivery.Here ? "Here is the site request form." : PrivateChat.Said(sent));
    }

    async Task<AdaptiveCardInvokeResponse> SubmitAsync(ITurnContext turn, CardActionRequest request, CancellationToken cancellationToken)
    {
        var school = request.School;
        var fields = SiteFormFields.For(school);
        var now = time.GetUtcNow();
        var form = SiteRequestForm.Read(fields, request.Input, DateOnly.FromDateTime(now.UtcDateTime));
        if (form.Problem is not null)
            return FormAgain(school, fields, form.Values, form.Problem);
        if (SiteRequest.StepWithoutOtherApprover(school, request.UserId) is { } blocked)
            return FormAgain(school, fields, form.Values, NoOtherApproverProblem(school, blocked));

        var activity = turn.Activity;
        var id = WorkflowIds.ForFormMessage(IdPrefix, school.Id, request.UserId, activity.Conversation?.Id, activity.ReplyToId);
        try
        {
            // The same form sent twice (a double press, two devices) is one request: the first one's card is the answer.
            if (await FindAsync(id, school, cancellationToken) is { } existing)
                return CardFor(existing.Record, school, request.UserId);

            var reference = await ReferenceCounter.NextAsync(Requests, school.Id, ReferencePrefix, now.Year, cancellationToken);
            var submitted = SiteRequest.Submit(id, school, request.TenantId, reference, request.UserId, request.UserName, now, form.Answers).Next!;
            var transaction = new WorkflowTransaction(id, now)
                .Create(SiteRequestEntity.From(submitted))
                .Audit(request.UserId, submitted.RequestedByName, "submitted");
            // The form message becomes the requester's live copy of the request card (this answer replaces it).
            if (!string.IsNullOrEmpty(activity.ReplyToId) && activity.Conversation?.Id is { Length: > 0 } conversationId && activity.ServiceUrl is { Length: > 0 } serviceUrl)
                transaction.Copy(conversationId, activity.ReplyToId, serviceUrl);
            var recipients = SendToPendingStep(transaction, submitted, school);
            await transaction.SubmitAsync(Requests, cancellationToken);
            outbox.Notify();
            LogSubmitted(logger, school.Id, submitted.Reference, recipients);
            return CardFor(submitted, school, request.UserId);
        }
        catch (WorkflowConflictException)
        {
            var latest = await FindAsync(id, school, cancellationToken);
            return latest is null ? CardActionResponses.SiteRequestGone() : CardFor(latest.Record, school, request.UserId);
        }
        catch (WorkflowTooLargeException)
        {
            // Trying again cannot help, so the requester is not told to: the form comes back with everything they wrote.
            LogTooLarge(logger, school.Id, Verbs.SiteSubmit);
            return FormAgain(school, fields, form.Values, "Your request is too long for PolicyBot to store, so it was not sent. Please shorten the longest answers and press Send for approval again.");
        }
        catch (Exception e) when (StorageFailure.Is(e, cancellationToken))
        {
            LogStorageFailed(logger, Verbs.SiteSubmit, (e as RequestFailedException)?.Status ?? 0);
            return FormAgain(school, fields, form.Values, "PolicyBot couldn't save your request just now. Nothing was lost: please press Send for approval again in a minute.");
        }
    }

    async Task<AdaptiveCardInvokeResponse> DecideAsync(CardActionRequest request, bool approve, CancellationToken cancellationToken)
    {
        var school = request.School;
        if (!IsValidRequestId(request.Data.Id))
            return CardActionResponses.BadData();
        if (request.Data.Version is not { Length: > 0 })
            return CardActionResponses.BadData();
        // A reminder writes the record without changing what it says (its revision); a decision that meets one is
        // made again on the record as it now is, so it is never lost to it.
        for (var attempt = 0; ; attempt++)
        {
            if (await FindAsync(request.Data.Id, school, cancellationToken) is not { } found)
                return CardActionResponses.SiteRequestGone();
            var result = await DecideOnceAsync(request, approve, found, cancellationToken);
            if (result is not null)
                return result;
            if (attempt == 2)
                return CardActionResponses.NotSaved();
        }
    }

    /// <summary>One attempt; null when the write met a change that left the request as it was (retry).</summary>
    async Task<AdaptiveCardInvokeResponse?> DecideOnceAsync(CardActionRequest request, bool approve, Found found, CancellationToken cancellationToken)
    {
        var school = request.School;
        var current = found.Record;
        var version = request.Data.Version!;
        // Someone outside the request learns nothing of it, not even from a stale card.
        if (!current.Involves(school, request.UserId))
            return NotInvolved();
        // A click on a card that no longer shows the request as it is: the current card, decided on nothing.
        if (version != current.Revision.ToString(System.Globalization.CultureInfo.InvariantCulture))
            return CardFor(current, school, request.UserId);

        var now = time.GetUtcNow();
        var transition = approve
            ? current.Approve(school, request.UserId, request.UserName, now, request.Input(InputIds.ApprovalComment))
            : current.Reject(school, request.UserId, request.UserName, now, request.Input(InputIds.RejectionReason));
        if (transition.Refusal is { } refusal)
            return Refused(refusal, current, school, request.UserId);

        var next = transition.Next!;
        var decision = next.Steps[current.PendingStepIndex].Decisions[^1];
        var transaction = new WorkflowTransaction(next.RequestId, now)
            .Replace(SiteRequestEntity.From(next), found.ETag)
            .Audit(request.UserId, decision.ByName, approve ? "approved" : "rejected", decision.Comment)
            .Send(new OutboxMessage.UpdateCardCopies(SiteRequestCards.Card(next, school)));
        if (next.PendingStepIndex > current.PendingStepIndex)
            SendToPendingStep(transaction, next, school);
        if (next.State is SiteRequestState.Approved or SiteRequestState.Rejected)
            SendOutcome(transaction, next, school);
        try
        {
            await transaction.SubmitAsync(Requests, cancellationToken);
        }
        catch (WorkflowConflictException)
        {
            var latest = await FindAsync(next.RequestId, school, cancellationToken);
            if (latest is null)
                return CardActionResponses.SiteRequestGone();
            if (latest.Record.Revision == current.Revision)
                return null;
            // Someone else acted first: show what they did.
            return CardFor(latest.Record, school, request.UserId);
        }
        catch (WorkflowTooLargeException)
        {
            // An error keeps the card as it is, with what the approver typed in it.
            LogTooLarge(logger, school.Id, approve ? Verbs.SiteApprove : Verbs.SiteReject);
            return TooLarge(current);
        }
        outbox.Notify();
        LogDecided(logger, school.Id, next.Reference, approve ? "approved" : "rejected", next.State);
        return CardFor(next, school, request.UserId);
    }

    async Task<AdaptiveCardInvokeResponse> WithdrawAsync(CardActionRequest request, CancellationToken cancellationToken)
    {
        var school = request.School;
        if (!IsValidRequestId(request.Data.Id))
            return CardActionResponses.BadData();
        if (await FindAsync(request.Data.Id, school, cancellationToken) is not { } found)
            return CardActionResponses.SiteRequestGone();
        var current = found.Record;
        var now = time.GetUtcNow();
        var transition = current.Withdraw(request.UserId, now);
        if (transition.Refusal is { } refusal)
            return Refused(refusal, current, school, request.UserId);

        var next = transition.Next!;
        var transaction = new WorkflowTransaction(next.RequestId, now)
            .Replace(SiteRequestEntity.From(next), found.ETag)
            .Audit(request.UserId, current.RequestedByName, "withdrawn")
            .Send(new OutboxMessage.UpdateCardCopies(SiteRequestCards.Card(next, school)));
        try
        {
            await transaction.SubmitAsync(Requests, cancellationToken);
        }
        catch (WorkflowConflictException)
        {
            var latest = await FindAsync(next.RequestId, school, cancellationToken);
            return latest is null ? CardActionResponses.SiteRequestGone() : CardFor(latest.Record, school, request.UserId);
        }
        catch (WorkflowTooLargeException)
        {
            LogTooLarge(logger, school.Id, Verbs.SiteWithdraw);
            return TooLarge(current);
        }
        outbox.Notify();
        LogDecided(logger, school.Id, next.Reference, "withdrawn", next.State);
        return CardFor(next, school, request.UserId);
    }

    /// <summary>"Open" on the pending approvals list: the live card as a new message in this chat, kept up to date from now on.</summary>
    async Task<AdaptiveCardInvokeResponse> ShowAsync(ITurnContext turn, CardActionRequest request, CancellationToken cancellationToken)
    {
        var school = request.School;
        if (!IsValidRequestId(request.Data.Id))
            return CardActionResponses.BadData();
        if (await FindAsync(request.Data.Id, school, cancellationToken) is not { } found)
            return CardActionResponses.SiteRequestGone();
        var current = found.Record;
        if (!current.Involves(school, request.UserId))
            return NotInvolved();

        var card = SiteRequestCards.Card(current, school, SiteRequestCards.ViewerOf(current, school, request.UserId));
        var posted = await turn.SendActivityAsync(Activity.CreateAttachmentActivity(Attachment.FromCard(card)), cancellationToken);
        var activity = turn.Activity;
        if (posted.Id is { Length: > 0 } activityId && activity.Conversation?.Id is { Length: > 0 } conversationId && activity.ServiceUrl is { Length: > 0 } serviceUrl)
        {
            // Not a change of the request: a copy row of its own, so this message is updated with the others, and the
            // one opened before it in this chat is now out of date.
            var copy = CardCopies.Row(current.RequestId, new PostedCard(conversationId, activityId, serviceUrl), PrivateChat.IsPersonal(activity) ? request.UserId : null);
            try
            {
                await CardCopies.TrackAsync(Requests, messenger, copy, cancellationToken);
            }
            catch (Exception e) when (e is HttpRequestException or Azure.RequestFailedException && !cancellationToken.IsCancellationRequested)
            {
                // The card is shown; it may not follow later changes (an older one in this chat still does).
            }
        }
        return AdaptiveCardInvokeResponse.Message($"{current.Reference} is below.");
    }

    /// <summary>Universal Actions refresh: the card as this person should see it, for the people involved only.</summary>
    async Task<AdaptiveCardInvokeResponse> RefreshAsync(CardActionRequest request, CancellationToken cancellationToken)
    {
        var school = request.School;
        if (!IsValidRequestId(request.Data.Id))
            return CardActionResponses.BadData();
        if (await FindAsync(request.Data.Id, school, cancellationToken) is not { } found)
            return CardActionResponses.SiteRequestGone();
        if (!found.Record.Involves(school, request.UserId))
            return NotInvolved();
        return CardFor(found.Record, school, request.UserId);
    }

    /// <summary>The cards and notifications for the approvers of the step that has just become pending; returns how many.</summary>
    int SendToPendingStep(WorkflowTransaction transaction, SiteRequest request, School school)
    {
        var step = request.PendingStep!;
        var recipients = SiteRequest.OthersIn(school, step.Role, request.RequestedBy).ToList();
        if (recipients.Count > MaxRecipients)
        {
            LogTooManyRecipients(logger, school.Id, recipients.Count, MaxRecipients);
            recipients = recipients.Take(MaxRecipients).ToList();
        }
        var card = SiteRequestCards.Card(request, school, SiteRequestViewer.CurrentApprover);
        // If Teams will not take the card for an approver (the app is not installed for them), the requester hears of it.
        var undeliverable = new OutboxMessage.Fallback(request.RequestedBy, ErrorCard.Build(CardProblem.NotDelivered,
            $"Your site request {request.Reference} did not reach one of its approvers ({SiteRequestCards.RoleTitle(step.Role)}). Please let them know."));
        transaction.Send(recipients.Select(r => new OutboxMessage.CardToUser(request.TenantId, r, card, TrackCopy: true, undeliverable)));
        if (NotificationLink() is { } link)
        {
            var notification = ActivityNotification.ApprovalRequested(NotificationReference.Parse(request.Reference),
                NotificationText(request.RequestedByName, "A member of staff"), NotificationText(SiteRequestForm.Summary(request.Answers, request.Reference), request.Reference), link);
            transaction.Send(recipients.Select(r => new OutboxMessage.Notify(r, notification)));
        }
        return recipients.Count;
    }

    /// <summary>The outcome to the requester: the final card in their chat, and a notification.</summary>
    void SendOutcome(WorkflowTransaction transaction, SiteRequest request, School school)
    {
        // Not tracked: their live copy (the form message) is already updated with every copy.
        transaction.Send(new OutboxMessage.CardToUser(request.TenantId, request.RequestedBy, SiteRequestCards.Card(request, school, SiteRequestViewer.Requester)));
        if (NotificationLink() is { } link)
        {
            var decision = request.State == SiteRequestState.Approved ? "approved" : "rejected";
            transaction.Send(new OutboxMessage.Notify(request.RequestedBy, ActivityNotification.ApprovalDecided(NotificationReference.Parse(request.Reference),
                NotificationText(SiteRequestForm.Summary(request.Answers, request.Reference), request.Reference), decision, link)));
        }
    }

    AdaptiveCardInvokeResponse Refused(SiteRefusal refusal, SiteRequest current, School school, string userId)
    {
        var role = current.PendingStep is { } step ? SiteRequestCards.RoleTitle(step.Role) : null;
        return refusal switch
        {
            // Decided already (by this person or someone else): the card as it stands says by whom.
            SiteRefusal.NotPending or SiteRefusal.AlreadyDecided => CardFor(current, school, userId),
            SiteRefusal.NotYourTurn => CardActionResponses.NotAllowed($"It isn't your turn yet: {current.Reference} is waiting for the {role}."),
            SiteRefusal.NotAnApprover => CardActionResponses.NotAllowed($"Only the people in {school.Name}'s approval chain can decide site requests."),
            SiteRefusal.OwnRequest => CardActionResponses.NotAllowed("You can't approve or reject your own request: someone else in the chain has to."),
            SiteRefusal.NotRequester => CardActionResponses.NotAllowed("Only the person who made the request can withdraw it."),
            SiteRefusal.EmptyReason => AdaptiveCardInvokeResponse.Error(400, "EmptyReason", "Please say why it is rejected, so the requester can put it right."),
            SiteRefusal.TooLong => AdaptiveCardInvokeResponse.Error(400, "TooLong", $"Please keep it to {SiteRequest.MaxCommentLength} characters."),
            _ => CardActionResponses.BadData(),
        };
    }

    static string NoOtherApproverProblem(School school, int stepIndex)
    {
        var role = SiteRequestCards.RoleTitle(school.SiteApproval.Chain[stepIndex].Role);
        return $"Step {stepIndex + 1} ({role}) can only be decided by you, and nobody approves their own request. " +
               $"Please ask whoever looks after PolicyBot at {school.Name} to add another {role}; nothing was sent.";
    }

    static AdaptiveCardInvokeResponse TooLarge(SiteRequest current) => AdaptiveCardInvokeResponse.Error(400, "TooLarge",
        $"That is too long to store with request {current.Reference}, so nothing was changed. Please shorten what you typed and try again.");

    static AdaptiveCardInvokeResponse NotInvolved() =>
        CardActionResponses.NotAllowed("This site request is only shown to the person who made it and its approvers.");

    AdaptiveCardInvokeResponse CardFor(SiteRequest request, School school, string userId) =>
        AdaptiveCardInvokeResponse.Card(SiteRequestCards.Card(request, school, SiteRequestCards.ViewerOf(request, school, userId)).ToJsonElement());

    static AdaptiveCard FormCard(School school, IReadOnlyDictionary<string, string>? values = null, string? problem = null) =>
        SiteRequestFormCard.Build(new SiteRequestFormCardData(school.Id, school.Name, SiteFormFields.For(school), values, problem));

    static AdaptiveCardInvokeResponse FormAgain(School school, IReadOnlyList<FormField> fields, IReadOnlyDictionary<string, string> values, string problem) =>
        AdaptiveCardInvokeResponse.Card(SiteRequestFormCard.Build(new SiteRequestFormCardData(school.Id, school.Name, fields, values, problem)).ToJsonElement());

    sealed record Found(SiteRequest Record, ETag ETag);

    async Task<Found?> FindAsync(string id, School school, CancellationToken cancellationToken)
    {
        var stored = await Requests.GetEntityIfExistsAsync<SiteRequestEntity>(id, WorkflowRows.State, cancellationToken: cancellationToken);
        // Another school's request is not this person's to see: the same answer as no request at all.
        if (!stored.HasValue || !string.Equals(stored.Value!.SchoolId, school.Id, StringComparison.Ordinal))
            return null;
        return new Found(stored.Value.ToRecord(), stored.Value.ETag);
    }

    Uri? NotificationLink() => TeamsDeepLink.ChatWithBotIfConfigured(botOptions.Value);

    static string NotificationText(string text, string whenEmpty)
    {
        var oneLine = string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        if (oneLine.Length == 0)
            return whenEmpty;
        return oneLine.Length <= ActivityNotification.MaxTextLength ? oneLine : oneLine[..(ActivityNotification.MaxTextLength - 1)].TrimEnd() + "…";
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Site request {Reference} submitted at {School}; sent to {Count} approvers")]
    static partial void LogSubmitted(ILogger logger, string school, string reference, int count);

    [LoggerMessage(Level = LogLevel.Information, Message = "Site request {Reference} at {School}: {Action}, now {State}")]
    static partial void LogDecided(ILogger logger, string school, string reference, string action, SiteRequestState state);

    [LoggerMessage(Level = LogLevel.Warning, Message = "A change to a site request at {School} ({Action}) was too large to store; nothing was changed and the person was asked to shorten it")]
    static partial void LogTooLarge(ILogger logger, string school, string action);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Site approval storage failed during {Action} ({Status}); nothing was changed")]
    static partial void LogStorageFailed(ILogger logger, string action, int status);


    [LoggerMessage(Level = LogLevel.Warning, Message = "{School}'s approval step has {Count} people; cards go to the first {Max}")]
    static partial void LogTooManyRecipients(ILogger logger, string school, int count, int max);
}
