using System.Text.Json;
using Microsoft.Extensions.Logging;
using PolicyBot.BotFramework;
using PolicyBot.BotFramework.Schema;
using PolicyBot.Cards;
using PolicyBot.Cards.AdaptiveCards;
using PolicyBot.Features;
using PolicyBot.Features.IncidentReports;
using PolicyBot.Features.PolicyQuestions;
using PolicyBot.Features.SiteApproval;
using PolicyBot.Schools;
using PolicyBot.Storage;

namespace PolicyBot.Bot;

/// <summary>
/// PolicyBot's turn router. It only routes: a command or a question to a feature, each card verb to one handler,
/// installation to the welcome. Card data carries ids, never authority; bad card data is answered with a 400, never
/// a crash.
/// </summary>
public partial class PolicyBotHandler(
    IConversationReferenceStore conversations,
    SchoolResolver schools,
    PolicyQuestionsHandler questions,
    SiteApprovalHandler sites,
    IncidentReportsHandler incidents,
    PrivateChat privateChat,
    ILogger<PolicyBotHandler> logger) : ActivityHandler
{
    /// <summary>What cards call a school that is not set up.</summary>
    public const string DefaultSchoolName = "your school";

    protected override async Task OnMessageActivityAsync(ITurnContext turnContext, CancellationToken cancellationToken)
    {
        var command = BotCommand.Parse(turnContext.Activity.RemoveRecipientMention());
        switch (command.Kind)
        {
            case BotCommandKind.Help:
                await SendCardAsync(turnContext, HelpCard.Build(await SchoolNameOfAsync(turnContext, cancellationToken)), cancellationToken);
                return;
            case BotCommandKind.Question:
                await OnQuestionAsync(turnContext, command.Text, cancellationToken);
                return;
        }
        if (await SchoolOrExplainAsync(turnContext, cancellationToken) is not { } school)
            return;
        var userId = turnContext.Activity.From?.AadObjectId ?? turnContext.Activity.From?.Id ?? "";
        switch (command.Kind)
        {
            case BotCommandKind.NewSiteRequest:
                await sites.StartAsync(turnContext, school, cancellationToken);
                break;
            case BotCommandKind.PendingApprovals:
                await sites.PendingAsync(turnContext, school, userId, cancellationToken);
                break;
            case BotCommandKind.ReportConcern:
                await incidents.StartAsync(turnContext, school, cancellationToken);
                break;
            case BotCommandKind.IncidentLog:
                await incidents.LogAsync(turnContext, school, userId, cancellationToken);
                break;
            case BotCommandKind.GovernorsReport:
                await incidents.GovernorsReportAsync(turnContext, school, userId, cancellationToken);
                break;
            case BotCommandKind.MyRequests:
                // Someone's own requests and reports are nobody else's business: never posted in a channel.
                await privateChat.AnswerCommandAsync(turnContext, school, await MyRequestsOrErrorAsync(school, userId, cancellationToken), cancellationToken);
                break;
        }
    }

    /// <summary>Any text that is not a command: a question about the school's policy.</summary>
    protected virtual async Task OnQuestionAsync(ITurnContext turnContext, string text, CancellationToken cancellationToken)
    {
        if (await SchoolOrExplainAsync(turnContext, cancellationToken) is { } school)
            await questions.AnswerAsync(turnContext, school, text, cancellationToken);
    }

    /// <summary>The sender's school; when it cannot be decided, a card that says why, and null.</summary>
    async Task<School?> SchoolOrExplainAsync(ITurnContext turnContext, CancellationToken cancellationToken)
    {
        switch (await schools.ResolveAsync(turnContext.Activity, cancellationToken))
        {
            case { School: { } school }:
                return school;
            case { DirectoryUnavailable: true }:
                await SendCardAsync(turnContext, ErrorCard.Build(CardProblem.SomethingWentWrong, CardText.SchoolCheckUnavailable), cancellationToken);
                return null;
            default:
                await SendCardAsync(turnContext, ErrorCard.Build(CardProblem.SchoolNotSetUp), cancellationToken);
                return null;
        }
    }

    async Task<AdaptiveCard> MyRequestsOrErrorAsync(School school, string userId, CancellationToken cancellationToken)
    {
        try
        {
            return await MyRequestsAsync(school, userId, cancellationToken);
        }
        catch (Exception e) when (StorageFailure.Is(e, cancellationToken))
        {
            LogMyRequestsUnavailable(logger, (e as Azure.RequestFailedException)?.Status ?? 0);
            return ErrorCard.Build(CardProblem.SomethingWentWrong, "PolicyBot couldn't look up your requests just now. Please try again in a minute.");
        }
    }

    async Task<AdaptiveCard> MyRequestsAsync(School school, string userId, CancellationToken cancellationToken)
    {
        var mySites = await sites.MineAsync(school, userId, cancellationToken);
        var myReports = await incidents.MineAsync(school, userId, cancellationToken);
        return MyRequestsCard.Build(new MyRequestsCardData(school.Id, mySites, myReports));
    }

    protected override Task<AdaptiveCardInvokeResponse> OnAdaptiveCardInvokeAsync(ITurnContext turnContext, AdaptiveCardInvokeValue invokeValue, CancellationToken cancellationToken) =>
        OnCardActionAsync(turnContext, invokeValue.Action?.Verb, invokeValue.Action?.Data, cancellationToken);

    /// <summary>The Action.Submit fallback: same routing; the answer replaces the card (or is sent as a message).</summary>
    protected override async Task OnAdaptiveCardSubmitAsync(ITurnContext turnContext, JsonElement value, CancellationToken cancellationToken)
    {
        var verb = value.TryGetProperty("verb", out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
        var result = await OnCardActionAsync(turnContext, verb, value, cancellationToken);
        var replyToId = turnContext.Activity.ReplyToId;
        switch (result)
        {
            case { Type: AdaptiveCardInvokeResponse.CardType, Value: JsonElement card } when !string.IsNullOrEmpty(replyToId):
                var update = Activity.CreateAttachmentActivity(new Attachment { ContentType = AdaptiveCard.ContentType, Content = card });
                update.Id = replyToId;
                await turnContext.UpdateActivityAsync(update, cancellationToken);
                break;
            case { Type: AdaptiveCardInvokeResponse.CardType, Value: JsonElement card }:
                await turnContext.SendActivityAsync(Activity.CreateAttachmentActivity(new Attachment { ContentType = AdaptiveCard.ContentType, Content = card }), cancellationToken);
                break;
            case { Type: AdaptiveCardInvokeResponse.MessageType, Value: string message }:
                await turnContext.SendActivityAsync(Activity.CreateMessageActivity(message), cancellationToken);
                break;
            case { Value: InvokeError error }:
                await turnContext.SendActivityAsync(Activity.CreateMessageActivity(error.Message), cancellationToken);
                break;
        }
    }

    /// <summary>One verb, one handler.</summary>
    protected virtual async Task<AdaptiveCardInvokeResponse> OnCardActionAsync(ITurnContext turnContext, string? verb, JsonElement? data, CancellationToken cancellationToken)
    {
        if (!TryReadData(data, out var actionData))
            return CardActionResponses.BadData();
        if (verb == Verbs.HelpTopic)
            return await OnHelpTopicAsync(turnContext, actionData, cancellationToken);
        if (!IsKnownVerb(verb))
            return UnknownVerb();
        var activity = turnContext.Activity;
        var userId = activity.From?.AadObjectId ?? activity.From?.Id;
        var resolution = await schools.ResolveAsync(activity, cancellationToken);
        if (resolution.DirectoryUnavailable)
            return CardActionResponses.SchoolCheckUnavailable();
        if (resolution.School is not { } school || string.IsNullOrEmpty(userId))
            return CardActionResponses.SchoolNotSetUp();
        if (actionData.School is { } cardSchool && !string.Equals(cardSchool, school.Id, StringComparison.OrdinalIgnoreCase))
            return CardActionResponses.NotYourSchool();
        // Who pressed, and their school, come from the verified activity; the card contributes only ids and inputs.
        var request = new CardActionRequest(school, SchoolResolver.TenantOf(activity) ?? school.TenantId, userId, activity.From?.Name ?? "", actionData, data);
        return verb switch
        {
            Verbs.AnswerFeedback => await questions.FeedbackAsync(request, cancellationToken),
            Verbs.AnswerAskPerson => await questions.AskPersonAsync(request, cancellationToken),
            Verbs.AskPersonReply => await questions.ReplyAsync(request, cancellationToken),
            Verbs.MyRequests => AdaptiveCardInvokeResponse.Card((await MyRequestsOrErrorAsync(school, userId, cancellationToken)).ToJsonElement()),
            Verbs.Refresh when SiteApprovalHandler.IsRequestId(actionData.Id) => await sites.OnActionAsync(turnContext, verb, request, cancellationToken),
            Verbs.Refresh when IncidentReportsHandler.IsIncidentId(actionData.Id) => await incidents.OnActionAsync(turnContext, verb, request, cancellationToken),
            Verbs.Refresh => CardActionResponses.BadData(),
            _ when verb!.StartsWith(SitePrefix, StringComparison.Ordinal) => await sites.OnActionAsync(turnContext, verb, request, cancellationToken),
            _ when verb!.StartsWith(IncidentPrefix, StringComparison.Ordinal) => await incidents.OnActionAsync(turnContext, verb, request, cancellationToken),
            _ => UnknownVerb(),
        };
    }

    const string SitePrefix = "site.";
    const string IncidentPrefix = "incident.";

    static readonly HashSet<string> KnownVerbs = typeof(Verbs)
        .GetFields(System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.Static)
        .Where(f => f.IsLiteral)
        .Select(f => (string)f.GetRawConstantValue()!)
        .Where(v => v != Verbs.HelpTopic)
        .ToHashSet(StringComparer.Ordinal);

    static bool IsKnownVerb([System.Diagnostics.CodeAnalysis.NotNullWhen(true)] string? verb) => verb is not null && KnownVerbs.Contains(verb);

    async Task<string> SchoolNameOfAsync(ITurnContext turnContext, CancellationToken cancellationToken) =>
        (await schools.ResolveAsync(turnContext.Activity, cancellationToken)).School?.Name ?? DefaultSchoolName;

    async Task<AdaptiveCardInvokeResponse> OnHelpTopicAsync(ITurnContext turnContext, CardActionData data, CancellationToken cancellationToken)
    {
        // Enum.TryParse also accepts numbers and comma lists; only a defined name is a topic.
        if (data.Arg is not { } arg || !Enum.GetNames<HelpTopic>().Contains(arg, StringComparer.OrdinalIgnoreCase))
            return CardActionResponses.BadData();
        var topic = Enum.Parse<HelpTopic>(arg, ignoreCase: true);
        return AdaptiveCardInvokeResponse.Card(HelpCard.Build(await SchoolNameOfAsync(turnContext, cancellationToken), topic).ToJsonElement());
    }

    protected override async Task OnMembersAddedAsync(IList<ChannelAccount> membersAdded, ITurnContext turnContext, CancellationToken cancellationToken)
    {
        var botId = turnContext.Activity.Recipient?.Id;
        if (botId is not null && membersAdded.Any(m => m.Id == botId))
            await OnBotAddedAsync(turnContext, cancellationToken);
    }

    protected override Task OnInstallationUpdateAddAsync(ITurnContext turnContext, CancellationToken cancellationToken) =>
        OnBotAddedAsync(turnContext, cancellationToken);

    protected override async Task OnInstallationUpdateRemoveAsync(ITurnContext turnContext, CancellationToken cancellationToken)
    {
        if (turnContext.Activity.Conversation?.Id is { } conversationId)
            await conversations.RemoveAsync(conversationId, cancellationToken);
    }

    // Teams sends both an installationUpdate and a conversationUpdate on install: the store says whether this
    // conversation is new, so the welcome goes out once.
    async Task OnBotAddedAsync(ITurnContext turnContext, CancellationToken cancellationToken)
    {
        var activity = turnContext.Activity;
        if (string.IsNullOrEmpty(activity.Conversation?.Id))
            return;
        var isPersonal = activity.Conversation.ConversationType is null or "personal";
        var reference = activity.GetConversationReference();
        // Teams often names the tenant only in channelData; the stored reference needs it for proactive messages.
        if (reference.Conversation is { TenantId: null } conversation && SchoolResolver.TenantOf(activity) is { } tenantId)
            conversation.TenantId = tenantId;
        var isNew = await conversations.SaveAsync(reference, isPersonal ? activity.From?.AadObjectId : null, cancellationToken);
        LogBotAdded(logger, activity.Conversation.ConversationType ?? "personal", isNew);
        if (isNew)
            await SendCardAsync(turnContext, WelcomeCard.Build(await SchoolNameOfAsync(turnContext, cancellationToken)), cancellationToken);
    }

    static async Task SendCardAsync(ITurnContext turnContext, AdaptiveCard card, CancellationToken cancellationToken) =>
        await turnContext.SendActivityAsync(Activity.CreateAttachmentActivity(Attachment.FromCard(card)), cancellationToken);

    static bool TryReadData(JsonElement? data, out CardActionData actionData)
    {
        actionData = new CardActionData();
        if (data is null || data.Value.ValueKind is JsonValueKind.Null or JsonValueKind.Undefined)
            return true;
        if (data.Value.ValueKind != JsonValueKind.Object)
            return false;
        try
        {
            actionData = data.Value.Deserialize<CardActionData>(CardJson.Options) ?? actionData;
            return true;
        }
        catch (JsonException)
        {
            return false;
        }
    }

    static AdaptiveCardInvokeResponse UnknownVerb() =>
        AdaptiveCardInvokeResponse.Error(400, "NotSupported", "This card action is not recognised.");

    [LoggerMessage(Level = LogLevel.Warning, Message = "A person's requests could not be looked up ({Status})")]
    static partial void LogMyRequestsUnavailable(ILogger logger, int status);

    [LoggerMessage(Level = LogLevel.Information, Message = "Bot added to a {ConversationType} conversation (new: {IsNew})")]
    static partial void LogBotAdded(ILogger logger, string conversationType, bool isNew);
}
