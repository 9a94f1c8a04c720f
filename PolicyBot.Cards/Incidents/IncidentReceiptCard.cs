using PolicyBot.Cards.AdaptiveCards;
using static PolicyBot.Cards.CardParts;

namespace PolicyBot.Cards.Incidents;

/// <summary>
/// The reporter's copy: a reference and a status, never the details (its data record has none to show).
/// Escalation is shown only as "being dealt with": who the DSL involves is not the reporter's to see.
/// </summary>
public static class IncidentReceiptCard
{
    public static AdaptiveCard Build(IncidentReceiptCardData receipt)
    {
        ArgumentNullException.ThrowIfNull(receipt);
        var reference = CardText.Plain(receipt.Reference, 40);
        var (style, color) = receipt.State switch
        {
            IncidentState.New => (ContainerStyle.Accent, TextColor.Accent),
            IncidentState.Closed => (ContainerStyle.Good, TextColor.Good),
            _ => (ContainerStyle.Emphasis, TextColor.Default),
        };
        var body = new List<CardElement>
        {
            Badge(CardText.ReporterStatus(receipt.State), style, color),
            new TextBlock(CardText.ReportReference(reference)) { Weight = TextWeight.Bolder, Size = TextSize.Medium, Spacing = CardSpacing.Medium },
            Subtle(CardText.ReportedOn(CardText.When(receipt.ReportedAt))),
        };
        if (receipt.UpdatedAt is { } updated && receipt.State != IncidentState.New)
            body.Add(Subtle(CardText.UpdatedOn(CardText.When(updated))));
        body.Add(Text(CardText.ReporterExplanation(receipt.State)));
        body.Add(Subtle(CardText.KeepReference));

        return new AdaptiveCard
        {
            Body = body,
            FallbackText = $"{CardText.ReportReference(reference)}: {CardText.ReporterStatus(receipt.State)}",
            MsTeams = new TeamsCardProperties(),
        };
    }
}
