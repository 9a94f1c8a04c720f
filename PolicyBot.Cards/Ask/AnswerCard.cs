using PolicyBot.Cards.AdaptiveCards;
using static PolicyBot.Cards.CardParts;

namespace PolicyBot.Cards.Ask;

/// <summary>
/// The answer to a staff question: verdict first, then one sentence, then the clause quoted with its number
/// and section, the whole section on demand, up to two related clauses, next steps and 👍/👎.
/// Pressing 👍/👎 updates the card in place with <see cref="AnswerCardData.Feedback"/> set.
/// </summary>
public static class AnswerCard
{
    public const string SectionContainerId = "wholeSection";
    const int MaxRelated = 2;

    public static AdaptiveCard Build(AnswerCardData answer)
    {
        ArgumentNullException.ThrowIfNull(answer);
        var data = new CardActionData { Id = answer.AnswerId, School = answer.SchoolId };
        // No verdict without a clause to show for it (DESIGN decision 9).
        var covered = answer.Verdict != AnswerVerdict.NotCovered && CardText.Plain(answer.Clause?.Text).Length > 0;

        var body = new List<CardElement> { VerdictBadge(covered ? answer.Verdict : AnswerVerdict.NotCovered) };

        var question = CardText.Plain(answer.Question, 200);
        if (question.Length > 0)
            body.Add(Subtle(CardText.YouAsked(question)));

        if (covered)
        {
            var sentence = CardText.Plain(answer.Answer, 400);
            if (sentence.Length > 0)
                body.Add(new TextBlock(sentence) { Spacing = CardSpacing.Medium });
            body.Add(Quote(answer.Clause!));
            var section = CardText.Plain(answer.SectionText, 6000);
            if (section.Length > 0)
            {
                body.Add(Buttons(new ToggleVisibilityAction([SectionContainerId]) { Title = CardText.ShowWholeSection }));
                var heading = CardText.Plain(answer.Clause!.Section, 200);
                CardElement[] items = heading.Length > 0
                    ? [Subtle(heading), new TextBlock(section) { Size = TextSize.Small }]
                    : [new TextBlock(section) { Size = TextSize.Small }];
                body.Add(new Container(items)
                {
                    Id = SectionContainerId,
                    IsVisible = false,
                    Style = ContainerStyle.Emphasis,
                });
            }
            var related = answer.Related.Where(r => CardText.Plain(r.Text).Length > 0).Take(MaxRelated).ToList();
            if (related.Count > 0)
            {
                body.Add(new TextBlock(CardText.AlsoRelevant) { Weight = TextWeight.Bolder, Spacing = CardSpacing.Medium, Separator = true });
                foreach (var clause in related)
                {
                    body.Add(Subtle(CardText.ClauseReference(CardText.Plain(clause.Number, 20), CardText.Plain(clause.Section, 120))));
                    body.Add(new TextBlock(CardText.Plain(clause.Text, 300)) { Size = TextSize.Small, Spacing = CardSpacing.None });
                }
            }
        }
        else
        {
            body.Add(new TextBlock(CardText.NotCoveredExplanation) { Spacing = CardSpacing.Medium });
        }

        var nextSteps = NextSteps(answer, data, covered).ToList();
        if (nextSteps.Count > 0)
            body.Add(Buttons(nextSteps));
        if (!string.IsNullOrWhiteSpace(answer.PassedTo))
            body.Add(new TextBlock(CardText.QuestionPassedTo(CardText.Plain(answer.PassedTo, 100))) { Color = TextColor.Good, Spacing = CardSpacing.Medium });
        body.Add(FeedbackRow(answer.Feedback, data));

        return new AdaptiveCard
        {
            Body = body,
            FallbackText = covered
                ? $"{CardText.VerdictLabel(answer.Verdict)}: {CardText.Plain(answer.Answer, 300)}"
                : CardText.NotCoveredExplanation,
            MsTeams = new TeamsCardProperties(),
        };
    }

    internal static Container VerdictBadge(AnswerVerdict verdict)
    {
        var (style, color) = verdict switch
        {
            AnswerVerdict.Yes => (ContainerStyle.Good, TextColor.Good),
            AnswerVerdict.No => (ContainerStyle.Attention, TextColor.Attention),
            AnswerVerdict.AskFirst => (ContainerStyle.Accent, TextColor.Accent),
            AnswerVerdict.Report => (ContainerStyle.Warning, TextColor.Attention),
            AnswerVerdict.Caution => (ContainerStyle.Warning, TextColor.Warning),
            _ => (ContainerStyle.Emphasis, TextColor.Default),
        };
        return Badge(CardText.VerdictLabel(verdict), style, color);
    }

    internal static Container Quote(QuotedClause clause) => new(
    [
        new TextBlock(CardText.ClauseReference(CardText.Plain(clause.Number, 20), CardText.Plain(clause.Section, 120)))
        {
            Weight = TextWeight.Bolder, Size = TextSize.Small,
        },
        new TextBlock(CardText.Quoted(CardText.Plain(clause.Text))) { Spacing = CardSpacing.Small },
    ])
    { Style = ContainerStyle.Emphasis, Spacing = CardSpacing.Medium };

    static IEnumerable<CardAction> NextSteps(AnswerCardData answer, CardActionData data, bool covered)
    {
        if (answer.Offers.HasFlag(AnswerOffers.ReportConcern))
            yield return Execute(CardText.ReportConcern, Verbs.IncidentNew, data with { Id = null }, "positive");
        if (answer.Offers.HasFlag(AnswerOffers.RequestSite))
            yield return Execute(CardText.RequestSite, Verbs.SiteNew, data with { Id = null }, "positive");
        if (string.IsNullOrWhiteSpace(answer.PassedTo))
            yield return Execute(CardText.AskAPerson, Verbs.AnswerAskPerson, data, covered ? null : "positive");
    }

    static CardElement FeedbackRow(AnswerFeedback feedback, CardActionData data)
    {
        if (feedback != AnswerFeedback.None)
            return new TextBlock(CardText.FeedbackThanks) { IsSubtle = true, Separator = true, Spacing = CardSpacing.Medium };

        return new ColumnSet(
        [
            new Column([new TextBlock(CardText.WasThisHelpful) { IsSubtle = true }]) { Width = "stretch", VerticalContentAlignment = "center" },
            new Column([Buttons(
                Execute(CardText.ThumbsUp, Verbs.AnswerFeedback, data with { Arg = "up" }),
                Execute(CardText.ThumbsDown, Verbs.AnswerFeedback, data with { Arg = "down" }))])
            { Width = "auto" },
        ])
        { Separator = true, Spacing = CardSpacing.Medium };
    }
}
