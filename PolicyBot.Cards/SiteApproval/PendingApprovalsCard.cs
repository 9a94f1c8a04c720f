using PolicyBot.Cards.AdaptiveCards;
using static PolicyBot.Cards.CardParts;

namespace PolicyBot.Cards.SiteApproval;

/// <summary>
/// Site requests waiting for the viewer. Each has an Open button that sends its live card (where the
/// approver decides), so this list never goes stale in a way that matters.
/// </summary>
public static class PendingApprovalsCard
{
    const int MaxItems = 10;

    public static AdaptiveCard Build(PendingApprovalsCardData pending)
    {
        ArgumentNullException.ThrowIfNull(pending);
        var body = new List<CardElement> { Heading(CardText.PendingApprovalsHeading) };
        if (pending.Items.Count == 0)
            body.Add(Text(CardText.NothingToApprove));

        foreach (var item in pending.Items.Take(MaxItems))
        {
            body.Add(new ColumnSet(
            [
                new Column(
                [
                    new TextBlock(CardText.PlainOrDash(item.Summary, 120)) { Weight = TextWeight.Bolder, MaxLines = 2 },
                    new TextBlock(CardText.PendingLine(CardText.Plain(item.Reference, 40), CardText.Plain(item.Role, 80))) { IsSubtle = true, Size = TextSize.Small, Spacing = CardSpacing.None },
                    new TextBlock(CardText.RequestedByWaiting(CardText.Plain(item.RequestedBy, 100), CardText.When(item.WaitingSince))) { IsSubtle = true, Size = TextSize.Small, Spacing = CardSpacing.None },
                ])
                { Width = "stretch" },
                new Column([Buttons(Execute(CardText.Open, Verbs.SiteShow, new CardActionData { Id = item.RequestId, School = pending.SchoolId }))])
                {
                    Width = "auto", VerticalContentAlignment = "center",
                },
            ])
            { Separator = true, Spacing = CardSpacing.Medium });
        }
        if (pending.Items.Count > MaxItems)
            body.Add(Subtle(CardText.MoreNotShown(pending.Items.Count - MaxItems)));

        return new AdaptiveCard { Body = body, FallbackText = CardText.PendingApprovalsHeading, MsTeams = new TeamsCardProperties() };
    }
}
