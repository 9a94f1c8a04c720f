using PolicyBot.Cards.AdaptiveCards;
using static PolicyBot.Cards.CardParts;

namespace PolicyBot.Cards.SiteApproval;

/// <summary>
/// The shared, live view of a site request: what was asked, each approval step with who decided, when and
/// why, and the overall state. Every copy (requester, each approver, a channel) shows the same facts; only
/// the buttons depend on the viewer, and Teams fetches each person's view through <c>refresh</c>.
/// </summary>
public static class SiteRequestCard
{
    public const string RejectCardId = "rejectReason";

    public static AdaptiveCard Build(SiteRequestCardData request, SiteRequestViewer viewer = SiteRequestViewer.Observer)
    {
        ArgumentNullException.ThrowIfNull(request);
        var data = new CardActionData { Id = request.RequestId, School = request.SchoolId, Version = request.Version };
        var pendingStep = request.State == SiteRequestState.Pending
            ? request.Steps.Select((s, i) => (Step: s, Number: i + 1)).FirstOrDefault(s => s.Step.State == ApprovalStepState.Pending)
            : default;

        var summary = CardText.Plain(request.Summary, 200);
        var body = new List<CardElement>
        {
            StateBadge(request, pendingStep.Number),
            new TextBlock(summary.Length > 0 ? summary : CardText.SiteRequestHeading) { Weight = TextWeight.Bolder, Size = TextSize.Medium, Spacing = CardSpacing.Medium },
            Subtle(CardText.RequestedByOn(CardText.Plain(request.Reference, 40), CardText.Plain(request.RequestedBy, 100), CardText.When(request.RequestedAt))),
        };

        body.Add(new TextBlock(CardText.Approvals) { Weight = TextWeight.Bolder, Separator = true, Spacing = CardSpacing.Medium });
        for (var i = 0; i < request.Steps.Count; i++)
            body.Add(Step(i + 1, request.Steps[i]));

        if (request.State == SiteRequestState.Withdrawn && request.WithdrawnAt is { } withdrawnAt)
            body.Add(Subtle(CardText.WithdrawnOn(CardText.When(withdrawnAt))));

        if (request.Answers.Count > 0)
        {
            body.Add(new TextBlock(CardText.WhatWasAsked) { Weight = TextWeight.Bolder, Separator = true, Spacing = CardSpacing.Medium });
            foreach (var answer in request.Answers)
                body.Add(Field(CardText.Plain(answer.Label, 200), answer.Value, 500));
        }

        var mayAct = request.State == SiteRequestState.Pending;
        if (mayAct && viewer == SiteRequestViewer.CurrentApprover && pendingStep.Step is not null)
            body.AddRange(ApproverControls(data));
        else if (mayAct && viewer == SiteRequestViewer.Requester)
            body.Add(Buttons(Execute(CardText.Withdraw, Verbs.SiteWithdraw, data, "destructive")));

        return new AdaptiveCard
        {
            Body = body,
            Refresh = mayAct ? Refresh(data, request.RefreshUserIds) : null,
            FallbackText = $"{CardText.Plain(request.Reference, 40)}: {CardText.SiteStateLabel(request.State)}",
            MsTeams = new TeamsCardProperties(),
        };
    }

    static Container StateBadge(SiteRequestCardData request, int pendingNumber) => request.State switch
    {
        SiteRequestState.Approved => Badge(CardText.SiteStateLabel(request.State), ContainerStyle.Good, TextColor.Good),
        SiteRequestState.Rejected => Badge(CardText.SiteStateLabel(request.State), ContainerStyle.Attention, TextColor.Attention),
        SiteRequestState.Withdrawn => Badge(CardText.SiteStateLabel(request.State), ContainerStyle.Emphasis, TextColor.Default),
        _ => Badge(CardText.SiteStateLabel(request.State), ContainerStyle.Accent, TextColor.Accent,
            pendingNumber > 0 ? CardText.StepOf(pendingNumber, request.Steps.Count) : null),
    };

    static Container Step(int number, ApprovalStep step)
    {
        var role = CardText.Plain(step.Role, 100);
        var color = step.State switch
        {
            ApprovalStepState.Approved => TextColor.Good,
            ApprovalStepState.Rejected => TextColor.Attention,
            ApprovalStepState.Pending => TextColor.Accent,
            _ => TextColor.Default,
        };
        var items = new List<CardElement>
        {
            new TextBlock(CardText.StepLine(number, role, CardText.StepStateLabel(step.State))) { Color = color, Weight = TextWeight.Bolder, Size = TextSize.Small },
        };
        var who = step.State switch
        {
            ApprovalStepState.Approved or ApprovalStepState.Rejected when step.DecidedBy is not null =>
                CardText.DecidedByAt(CardText.Plain(step.DecidedBy, 100), step.DecidedAt is { } at ? CardText.When(at) : null),
            ApprovalStepState.Pending or ApprovalStepState.Waiting when step.Approvers.Count > 0 =>
                string.Join(", ", step.Approvers.Take(5).Select(a => CardText.Plain(a, 80))),
            _ => null,
        };
        if (who is not null)
            items.Add(new TextBlock(who) { IsSubtle = true, Size = TextSize.Small, Spacing = CardSpacing.None });
        if (!string.IsNullOrWhiteSpace(step.Comment))
            items.Add(new TextBlock(CardText.Quoted(CardText.Plain(step.Comment, 500))) { Size = TextSize.Small, Spacing = CardSpacing.None });
        return new Container(items) { Spacing = CardSpacing.Small };
    }

    static IEnumerable<CardElement> ApproverControls(CardActionData data)
    {
        yield return new InputText
        {
            Id = InputIds.ApprovalComment,
            Label = CardText.CommentOptional,
            Placeholder = CardText.CommentPlaceholder,
            IsMultiline = true,
            MaxLength = 500,
            Separator = true,
            Spacing = CardSpacing.Medium,
        };
        var reject = new AdaptiveCard
        {
            Schema = null,
            Body =
            [
                new InputText
                {
                    Id = InputIds.RejectionReason,
                    Label = CardText.RejectionReason,
                    IsMultiline = true,
                    IsRequired = true,
                    MaxLength = 500,
                    ErrorMessage = CardText.RejectionReasonRequired,
                },
            ],
            Actions = [Execute(CardText.ConfirmReject, Verbs.SiteReject, data, "destructive", sendsInputs: true)],
        };
        yield return Buttons(
            Execute(CardText.Approve, Verbs.SiteApprove, data, "positive", sendsInputs: true),
            new ShowCardAction(reject) { Title = CardText.Reject });
    }
}
