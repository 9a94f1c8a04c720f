using PolicyBot.Cards.AdaptiveCards;
using static PolicyBot.Cards.CardParts;

namespace PolicyBot.Cards;

/// <summary>The person's own site requests and incident references with their status; a list, not a table.</summary>
public static class MyRequestsCard
{
    const int MaxItems = 15;

    public static AdaptiveCard Build(MyRequestsCardData mine)
    {
        ArgumentNullException.ThrowIfNull(mine);
        var body = new List<CardElement> { Heading(CardText.MyRequestsHeading) };

        if (mine.SiteRequests.Count == 0 && mine.Incidents.Count == 0)
            body.Add(Text(CardText.NothingYet));

        if (mine.SiteRequests.Count > 0)
        {
            body.Add(new TextBlock(CardText.SiteRequestsHeading) { Weight = TextWeight.Bolder, Spacing = CardSpacing.Medium });
            foreach (var request in mine.SiteRequests.Take(MaxItems))
            {
                var status = request.State == SiteApproval.SiteRequestState.Pending && !string.IsNullOrWhiteSpace(request.WaitingFor)
                    ? CardText.WaitingFor(CardText.Plain(request.WaitingFor, 100))
                    : CardText.SiteStateLabel(request.State);
                body.Add(Item(CardText.Plain(request.Reference, 40), CardText.Plain(request.Summary, 120), status, StatusColor(request.State), request.UpdatedAt));
            }
        }

        if (mine.Incidents.Count > 0)
        {
            body.Add(new TextBlock(CardText.ReportsHeading) { Weight = TextWeight.Bolder, Spacing = CardSpacing.Medium, Separator = true });
            foreach (var incident in mine.Incidents.Take(MaxItems))
            {
                var color = incident.State == Incidents.IncidentState.Closed ? TextColor.Good : TextColor.Accent;
                body.Add(Item(CardText.Plain(incident.Reference, 40), null, CardText.ReporterStatus(incident.State), color, incident.ReportedAt));
            }
        }

        var school = new CardActionData { School = mine.SchoolId };
        body.Add(Buttons(
            Execute(CardText.RequestSite, Verbs.SiteNew, school),
            Execute(CardText.ReportConcern, Verbs.IncidentNew, school)));

        return new AdaptiveCard { Body = body, FallbackText = CardText.MyRequestsHeading, MsTeams = new TeamsCardProperties() };
    }

    static Container Item(string reference, string? summary, string status, TextColor color, DateTimeOffset at)
    {
        var items = new List<CardElement>
        {
            new TextBlock(CardText.ReferenceAndStatus(reference, status)) { Weight = TextWeight.Bolder, Color = color, Size = TextSize.Small },
        };
        if (!string.IsNullOrEmpty(summary))
            items.Add(new TextBlock(summary) { Spacing = CardSpacing.None, MaxLines = 2 });
        items.Add(new TextBlock(CardText.When(at)) { IsSubtle = true, Size = TextSize.Small, Spacing = CardSpacing.None });
        return new Container(items) { Spacing = CardSpacing.Small };
    }

    static TextColor StatusColor(SiteApproval.SiteRequestState state) => state switch
    {
        SiteApproval.SiteRequestState.Approved => TextColor.Good,
        SiteApproval.SiteRequestState.Rejected => TextColor.Attention,
        SiteApproval.SiteRequestState.Withdrawn => TextColor.Default,
        _ => TextColor.Accent,
    };
}
