using PolicyBot.Cards.AdaptiveCards;
using static PolicyBot.Cards.CardParts;

namespace PolicyBot.Cards.Incidents;

/// <summary>Anonymised counts of reported concerns by category and term, for the governing body.</summary>
public static class GovernorsReportCard
{
    public static AdaptiveCard Build(GovernorsReportCardData report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var body = new List<CardElement>
        {
            Heading(CardText.GovernorsReportHeading(CardText.Plain(report.SchoolYear, 40))),
            Subtle(CardText.PlainOrDash(report.SchoolName, 120)),
            Text(CardText.GovernorsReportIntro),
        };
        foreach (var term in report.Terms)
        {
            var total = term.ByCategory.Values.Sum();
            body.Add(new TextBlock(CardText.TermTotal(CardText.Plain(term.Term, 40), total)) { Weight = TextWeight.Bolder, Separator = true, Spacing = CardSpacing.Medium });
            var facts = Enum.GetValues<IncidentCategory>()
                .Where(c => term.ByCategory.GetValueOrDefault(c) > 0)
                .Select(c => new Fact(CardText.CategoryLabel(c), term.ByCategory[c].ToString(System.Globalization.CultureInfo.InvariantCulture)))
                .ToList();
            if (facts.Count > 0)
                body.Add(new FactSet(facts) { Spacing = CardSpacing.Small });
        }
        var year = report.Terms.Sum(t => t.ByCategory.Values.Sum());
        body.Add(new TextBlock(CardText.YearTotal(year)) { Weight = TextWeight.Bolder, Separator = true, Spacing = CardSpacing.Medium });

        return new AdaptiveCard { Body = body, FallbackText = CardText.GovernorsReportHeading(CardText.Plain(report.SchoolYear, 40)), MsTeams = new TeamsCardProperties() };
    }
}
