using PolicyBot.Cards.AdaptiveCards;
using static PolicyBot.Cards.CardParts;

namespace PolicyBot.Cards.Incidents;

/// <summary>
/// The incident log for the DSL team: every open report by reference, category and state, each with an
/// Open button that sends its inbox card. Details stay on the inbox card.
/// </summary>
public static class IncidentLogCard
{
    const int MaxItems = 12;

    public static AdaptiveCard Build(IncidentLogCardData log)
    {
        ArgumentNullException.ThrowIfNull(log);
        var body = new List<CardElement>
        {
            Heading(CardText.IncidentLogHeading),
            Subtle($"{CardText.OpenReports(log.Open.Count)} · {CardText.ClosedThisTerm(log.ClosedThisTerm)}"),
        };
        if (log.Open.Count == 0)
            body.Add(Text(CardText.NoOpenReports));

        var ordered = log.Open.OrderByDescending(e => e.Urgent).ThenBy(e => e.ReportedAt).ToList();
        foreach (var entry in ordered.Take(MaxItems))
        {
            var state = entry.State == IncidentState.Assigned && entry.AssignedTo is not null
                ? CardText.AssignedTo(CardText.Plain(entry.AssignedTo, 100))
                : CardText.DslStateLabel(entry.State);
            var status = entry.Urgent ? CardText.Urgent(state) : state;
            body.Add(new ColumnSet(
            [
                new Column(
                [
                    new TextBlock(CardText.ReferenceAndStatus(CardText.Plain(entry.Reference, 40), status))
                    {
                        Weight = TextWeight.Bolder, Size = TextSize.Small, Color = entry.Urgent ? TextColor.Attention : TextColor.Accent,
                    },
                    new TextBlock(CardText.CategoryLabel(entry.Category)) { Spacing = CardSpacing.None },
                    new TextBlock(CardText.When(entry.ReportedAt)) { IsSubtle = true, Size = TextSize.Small, Spacing = CardSpacing.None },
                ])
                { Width = "stretch" },
                new Column([Buttons(Execute(CardText.Open, Verbs.IncidentShow, new CardActionData { Id = entry.IncidentId, School = log.SchoolId }))])
                {
                    Width = "auto", VerticalContentAlignment = "center",
                },
            ])
            { Separator = true, Spacing = CardSpacing.Medium });
        }
        if (ordered.Count > MaxItems)
            body.Add(Subtle(CardText.MoreNotShown(ordered.Count - MaxItems)));

        return new AdaptiveCard { Body = body, FallbackText = CardText.OpenReports(log.Open.Count), MsTeams = new TeamsCardProperties() };
    }
}
