using PolicyBot.Cards.AdaptiveCards;
using static PolicyBot.Cards.CardParts;

namespace PolicyBot.Cards;

/// <summary>What went wrong, in kind words the reader can act on.</summary>
public enum CardProblem
{
    /// <summary>Something failed on our side; the reader can try again.</summary>
    SomethingWentWrong,
    /// <summary>The reader may not do this (not in the approval chain, not in the DSL team ...).</summary>
    NotAllowed,
    /// <summary>Someone else acted first; the detail says what happened ("Already approved by …").</summary>
    AlreadyDone,
    /// <summary>The request, report or question no longer exists.</summary>
    NotFound,
    /// <summary>The reader's school is not set up in PolicyBot.</summary>
    SchoolNotSetUp,
    /// <summary>Something the reader sent could not be delivered to the person it was for; the detail says to whom.</summary>
    NotDelivered,
}

/// <summary>A clear, kind message and what to do next, in place of a card that could not be shown.</summary>
public static class ErrorCard
{
    /// <param name="detail">Trusted text from the handler that adds a fact ("Already approved by Jane Smith").</param>
    /// <param name="supportReference">A short id the reader can quote to IT (never a stack trace).</param>
    public static AdaptiveCard Build(CardProblem problem, string? detail = null, string? supportReference = null)
    {
        var body = new List<CardElement>
        {
            Badge(CardText.ProblemTitle(problem), problem == CardProblem.AlreadyDone ? ContainerStyle.Emphasis : ContainerStyle.Warning, TextColor.Default),
        };
        var detailText = CardText.Plain(detail, 300);
        if (detailText.Length > 0)
            body.Add(new TextBlock(detailText) { Weight = TextWeight.Bolder, Spacing = CardSpacing.Medium });
        body.Add(Text(CardText.ProblemAdvice(problem)));
        if (!string.IsNullOrWhiteSpace(supportReference))
            body.Add(Subtle(CardText.SupportReference(CardText.Plain(supportReference, 40))));

        return new AdaptiveCard
        {
            Body = body,
            // After "someone got there first" there is nothing to learn; otherwise help is one tap away.
            Actions = problem == CardProblem.AlreadyDone
                ? null
                : [Execute(CardText.HowToUse, Verbs.HelpTopic, new CardActionData { Arg = nameof(HelpTopic.Overview) })],
            FallbackText = CardText.ProblemTitle(problem),
            MsTeams = new TeamsCardProperties(),
        };
    }
}
