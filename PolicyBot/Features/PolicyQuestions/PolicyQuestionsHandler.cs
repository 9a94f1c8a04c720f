using System.Diagnostics.CodeAnalysis;
using Azure;
using Microsoft.Extensions.Options;
using PolicyBot.BotFramework;
using PolicyBot.BotFramework.Schema;
using PolicyBot.Cards.AdaptiveCards;
using PolicyBot.Cards;
using PolicyBot.Cards.Ask;
using PolicyBot.Graph;
using PolicyBot.Policies;
using PolicyBot.Schools;
using PolicyBot.Storage;
using PolicyBot.Storage.Tables;
using PolicyBot.Workflow;

namespace PolicyBot.Features.PolicyQuestions;

/// <summary>
/// Ask: a question answered from the asker's own school's policy; 👍/👎 stored; "Ask a person" passes the question
/// to the school's contact (a card in each contact's chat), whose first reply goes back to the asker.
/// </summary>
public sealed partial class PolicyQuestionsHandler(
    PolicyLibrary library,
    TableServiceClient tables,
    OutboxSignal outbox,
    TimeProvider time,
    IOptions<BotOptions> botOptions,
    ILogger<PolicyQuestionsHandler> logger)
{
    /// <summary>(100 rows per transaction − state − audit) / (card + notification).</summary>
    public const int MaxRecipients = 49;

    TableClient Questions => tables.GetTableClient(QuestionEntity.TableName);
    TableClient AskPerson => tables.GetTableClient(AskPersonEntity.TableName);

    public async Task AnswerAsync(ITurnContext turn, School school, string text, CancellationToken cancellationToken)
    {
        var activity = turn.Activity;
        var question = Clip(text, QuestionEntity.MaxStoredLength);
        var answer = library.Answer(school.Id, question);
        var id = Guid.NewGuid().ToString("N");
        var entity = new QuestionEntity
        {
            PartitionKey = school.Id,
            RowKey = id,
            TenantId = SchoolResolver.TenantOf(activity) ?? "",
            AskedBy = activity.From?.AadObjectId ?? activity.From?.Id ?? "",
            AskedByName = activity.From?.Name ?? "",
            AskedAt = time.GetUtcNow(),
            Question = question,
            Verdict = answer.Verdict.ToWireName(),
            ClauseId = answer.Citations.Count > 0 ? answer.Citations[0].ClauseId : null,
        };
        try
        {
            await Questions.AddEntityAsync(entity, cancellationToken);
        }
        catch (Exception e) when (StorageFailure.Is(e, cancellationToken))
        {
            // The answer does not depend on storage; only feedback and "ask a person" do, and they say so if pressed.
            LogQuestionNotStored(logger, (e as RequestFailedException)?.Status ?? 0);
        }
        LogAnswered(logger, school.Id, entity.Verdict);
        var card = AnswerCard.Build(AnswerCards.ToCardData(id, school, question, answer, Index(school)));
        await turn.SendActivityAsync(Activity.CreateAttachmentActivity(Attachment.FromCard(card)), cancellationToken);
    }

    public async Task<AdaptiveCardInvokeResponse> FeedbackAsync(CardActionRequest request, CancellationToken cancellationToken)
    {
        var feedback = request.Data.Arg switch
        {
            "up" => AnswerFeedback.Up,
            "down" => AnswerFeedback.Down,
            _ => (AnswerFeedback?)null,
        };
        if (feedback is null)
            return CardActionResponses.BadData();
        var entity = await FindQuestionAsync(request, cancellationToken);
        if (entity is null)
            return CardActionResponses.QuestionGone();
        if (!IsAsker(entity, request))
            return CardActionResponses.NotAllowed("Only the person who asked can rate this answer.");

        entity.Feedback = feedback.Value;
        entity.FeedbackAt = time.GetUtcNow();
        // The asker's own row: the last press is the one that counts, so no condition is needed.
        // Only the feedback columns, merged: a "passed on" written at the same moment is kept.
        var change = new TableEntity(entity.PartitionKey, entity.RowKey)
        {
            [nameof(QuestionEntity.Feedback)] = entity.Feedback.ToString(),
            [nameof(QuestionEntity.FeedbackAt)] = entity.FeedbackAt,
        };
        await Questions.UpdateEntityAsync(change, ETag.All, TableUpdateMode.Merge, cancellationToken);
        LogFeedback(logger, request.School.Id, feedback.Value);
        return AdaptiveCardInvokeResponse.Card(AnswerCardFor(request.School, entity).ToJsonElement());
    }

    public async Task<AdaptiveCardInvokeResponse> AskPersonAsync(CardActionRequest request, CancellationToken cancellationToken)
    {
        var entity = await FindQuestionAsync(request, cancellationToken);
        if (entity is null)
            return CardActionResponses.QuestionGone();
        if (!IsAsker(entity, request))
            return CardActionResponses.NotAllowed("Only the person who asked can pass this question on.");
        var school = request.School;
        var recipients = school.AskPersonRecipients;
        if (recipients.Count > MaxRecipients)
        {
            // One transaction holds at most 100 rows: state, audit, and a card + a notification per person.
            LogTooManyRecipients(logger, school.Id, recipients.Count, MaxRecipients);
            recipients = recipients.Take(MaxRecipients).ToList();
        }
        if (recipients.Count == 0)
            return AdaptiveCardInvokeResponse.Message($"Nobody at {school.Name} is set up in PolicyBot to receive questions yet. Please ask your line manager.");

        var now = time.GetUtcNow();
        var question = new AskPersonQuestion(entity.RowKey, school.Id, request.TenantId, entity.AskedBy, entity.AskedByName, now, entity.Question, entity.ClauseId);
        var card = AskPersonCardFor(question);
        // If Teams will not take the card for someone (the app is not installed for them), the asker is told, not left waiting.
        var undeliverable = new OutboxMessage.Fallback(entity.AskedBy, ErrorCard.Build(CardProblem.NotDelivered,
            recipients.Count == 1
                ? $"Your question did not reach {RoleNames.Of(school.AskPersonRole)}."
                : $"Your question did not reach one of the {recipients.Count} people it went to ({RoleNames.Of(school.AskPersonRole)})."));
        var transaction = new WorkflowTransaction(question.QuestionId, now)
            .Create(AskPersonEntity.From(question))
            .Audit(request.UserId, request.UserName, "asked")
            .Send(recipients.Select(r => new OutboxMessage.CardToUser(request.TenantId, r, card, TrackCopy: true, undeliverable)));
        if (NotificationLink() is { } link)
        {
            var notification = ActivityNotification.AskPersonQuestion(Reference(question.QuestionId), NotificationName(entity.AskedByName), "staff question", link);
            transaction.Send(recipients.Select(r => new OutboxMessage.Notify(r, notification)));
        }
        try
        {
            await transaction.SubmitAsync(AskPerson, cancellationToken);
            outbox.Notify();
            LogPassedOn(logger, school.Id, recipients.Count);
        }
        catch (WorkflowConflictException)
        {
            // Pressed twice (or on two devices): it was passed on the first time.
        }

        entity.PassedOnAt ??= now;
        try
        {
            var change = new TableEntity(entity.PartitionKey, entity.RowKey) { [nameof(QuestionEntity.PassedOnAt)] = entity.PassedOnAt };
            await Questions.UpdateEntityAsync(change, ETag.All, TableUpdateMode.Merge, cancellationToken);
        }
        catch (Exception e) when (StorageFailure.Is(e, cancellationToken))
        {
            // The question was passed on (the workflow is stored); only the "passed on" mark is missing.
            LogQuestionNotStored(logger, (e as RequestFailedException)?.Status ?? 0);
        }
        return AdaptiveCardInvokeResponse.Card(AnswerCardFor(school, entity).ToJsonElement());
    }

    public async Task<AdaptiveCardInvokeResponse> ReplyAsync(CardActionRequest request, CancellationToken cancellationToken)
    {
        var school = request.School;
        if (!school.Holds(request.UserId, school.AskPersonRole))
            return CardActionResponses.NotAllowed($"Only {RoleNames.Of(school.AskPersonRole)} can answer questions passed on by staff.");
        if (!IsQuestionId(request.Data.Id))
            return CardActionResponses.BadData();

        var stored = await AskPerson.GetEntityIfExistsAsync<AskPersonEntity>(request.Data.Id, WorkflowRows.State, cancellationToken: cancellationToken);
        if (!stored.HasValue || stored.Value!.SchoolId != school.Id)
            return CardActionResponses.QuestionGone();
        var current = stored.Value;
        var transition = current.ToRecord().Answer(request.UserId, request.UserName, time.GetUtcNow(), request.Input(InputIds.AskPersonReply));
        switch (transition.Refusal)
        {
            case AskPersonRefusal.AlreadyAnswered:
                return AdaptiveCardInvokeResponse.Card(AskPersonCardFor(current.ToRecord()).ToJsonElement());
            case AskPersonRefusal.EmptyReply:
                return AdaptiveCardInvokeResponse.Error(400, "EmptyReply", "Write a reply before sending it.");
            case AskPersonRefusal.ReplyTooLong:
                return AdaptiveCardInvokeResponse.Error(400, "ReplyTooLong", $"Replies can be at most {AskPersonQuestion.MaxReplyLength} characters.");
        }

        var answered = transition.Next!;
        var answeredCard = AskPersonCardFor(answered);
        var replyCard = AskPersonReplyCard.Build(new AskPersonReplyCardData(answered.Question,
            new AskPersonReply(answered.AnsweredByName ?? "", answered.AnsweredAt!.Value, answered.Reply!)));
        var transaction = new WorkflowTransaction(answered.QuestionId, answered.AnsweredAt.Value)
            .Replace(AskPersonEntity.From(answered), current.ETag)
            .Audit(request.UserId, request.UserName, "answered")
            .Send(new OutboxMessage.CardToUser(answered.TenantId, answered.AskedBy, replyCard))
            .Send(new OutboxMessage.UpdateCardCopies(answeredCard));
        if (NotificationLink() is { } link)
            transaction.Send(new OutboxMessage.Notify(answered.AskedBy,
                ActivityNotification.AskPersonAnswered(Reference(answered.QuestionId), NotificationName(request.UserName), link)));
        try
        {
            await transaction.SubmitAsync(AskPerson, cancellationToken);
        }
        catch (WorkflowConflictException)
        {
            // Someone else replied first: show what they said.
            var latest = await AskPerson.GetEntityAsync<AskPersonEntity>(answered.QuestionId, WorkflowRows.State, cancellationToken: cancellationToken);
            return AdaptiveCardInvokeResponse.Card(AskPersonCardFor(latest.Value.ToRecord()).ToJsonElement());
        }
        outbox.Notify();
        LogReplied(logger, school.Id);
        return AdaptiveCardInvokeResponse.Card(answeredCard.ToJsonElement());
    }

    async Task<QuestionEntity?> FindQuestionAsync(CardActionRequest request, CancellationToken cancellationToken)
    {
        // Card data is untrusted: anything but one of our ids is not looked up (a key with '/' or '#' is not even valid).
        if (!IsQuestionId(request.Data.Id))
            return null;
        var found = await Questions.GetEntityIfExistsAsync<QuestionEntity>(request.School.Id, request.Data.Id, cancellationToken: cancellationToken);
        return found.HasValue ? found.Value : null;
    }

    static bool IsQuestionId([NotNullWhen(true)] string? id) => Guid.TryParseExact(id, "N", out _);

    static bool IsAsker(QuestionEntity entity, CardActionRequest request) =>
        string.Equals(entity.AskedBy, request.UserId, StringComparison.OrdinalIgnoreCase);

    /// <summary>The answer card as it stands now: the stored question answered again from the school's policy.</summary>
    AdaptiveCard AnswerCardFor(School school, QuestionEntity entity)
    {
        var answer = library.Answer(school.Id, entity.Question);
        var passedTo = entity.PassedOnAt is null ? null : RoleNames.Of(school.AskPersonRole);
        return AnswerCard.Build(AnswerCards.ToCardData(entity.RowKey, school, entity.Question, answer, Index(school), entity.Feedback, passedTo));
    }

    AdaptiveCard AskPersonCardFor(AskPersonQuestion question)
    {
        QuotedClause? best = null;
        if (question.BestClauseId is { } clauseId && library.TryGet(question.SchoolId, out var index) && index.Document.Find(clauseId) is { } clause)
            best = new QuotedClause(clause.Id, clause.Section, clause.Text);
        var reply = question.State == AskPersonState.Answered
            ? new AskPersonReply(question.AnsweredByName ?? "", question.AnsweredAt!.Value, question.Reply ?? "")
            : null;
        return AskPersonCard.Build(new AskPersonCardData(question.QuestionId, question.SchoolId, question.AskedByName, question.AskedAt, question.Question, best, reply));
    }

    PolicyIndex Index(School school) =>
        library.TryGet(school.Id, out var index) ? index : throw new KeyNotFoundException($"No policy is loaded for school '{school.Id}'.");

    Uri? NotificationLink() => TeamsDeepLink.ChatWithBotIfConfigured(botOptions.Value);

    static NotificationReference Reference(string questionId) => NotificationReference.Parse("Q-" + questionId[..8].ToUpperInvariant());

    static string NotificationName(string name)
    {
        var oneLine = string.Join(' ', name.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        return oneLine.Length == 0 ? "A member of staff" : Clip(oneLine, ActivityNotification.MaxTextLength);
    }

    static string Clip(string text, int max) => text.Length <= max ? text : text[..max];

    [LoggerMessage(Level = LogLevel.Information, Message = "Answered a question for {School}: {Verdict}")]
    static partial void LogAnswered(ILogger logger, string school, string verdict);

    [LoggerMessage(Level = LogLevel.Warning, Message = "A question could not be stored ({Status}); it was answered all the same")]
    static partial void LogQuestionNotStored(ILogger logger, int status);

    [LoggerMessage(Level = LogLevel.Information, Message = "Feedback for {School}: {Feedback}")]
    static partial void LogFeedback(ILogger logger, string school, AnswerFeedback feedback);

    [LoggerMessage(Level = LogLevel.Information, Message = "A question at {School} was passed to {Count} people")]
    static partial void LogPassedOn(ILogger logger, string school, int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{School}'s ask-a-person role has {Count} people; questions go to the first {Max}")]
    static partial void LogTooManyRecipients(ILogger logger, string school, int count, int max);

    [LoggerMessage(Level = LogLevel.Information, Message = "A passed-on question at {School} was answered")]
    static partial void LogReplied(ILogger logger, string school);
}
