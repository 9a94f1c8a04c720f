using PolicyBot.Cards.AdaptiveCards;
using static PolicyBot.Cards.CardParts;

namespace PolicyBot.Cards.Ask;

/// <summary>
/// A staff question passed to the school's contact (e.g. SLT), with the policy's closest clause and a
/// reply box. Once answered, every copy shows who answered, when, and the reply.
/// </summary>
public static class AskPersonCard
{
    public static AdaptiveCard Build(AskPersonCardData question)
    {
        ArgumentNullException.ThrowIfNull(question);
        var asker = CardText.Plain(question.AskedBy, 100);
        var body = new List<CardElement>
        {
            Heading(CardText.AskPersonHeading),
            Subtle(CardText.AskedByAt(asker, CardText.When(question.AskedAt))),
            new Container([Untrusted(question.Question, 2000)]) { Style = ContainerStyle.Emphasis },
        };

        if (question.BestClause is { } clause)
        {
            body.Add(new TextBlock(CardText.ClosestClause) { Weight = TextWeight.Bolder, Size = TextSize.Small, Spacing = CardSpacing.Medium });
            body.Add(AnswerCard.Quote(clause) with { Spacing = CardSpacing.Small });
        }
        else
        {
            body.Add(Subtle(CardText.PolicyHasNoClause));
        }

        if (question.Reply is { } reply)
        {
            body.Add(Badge(CardText.Answered, ContainerStyle.Good, TextColor.Good,
                CardText.AnsweredByAt(CardText.Plain(reply.AnsweredBy, 100), CardText.When(reply.AnsweredAt))));
            body.Add(Untrusted(reply.Text, 2000));
        }
        else
        {
            body.Add(new InputText
            {
                Id = InputIds.AskPersonReply,
                Label = CardText.YourReply(asker),
                Placeholder = CardText.ReplyPlaceholder,
                IsMultiline = true,
                IsRequired = true,
                MaxLength = 2000,
                ErrorMessage = CardText.ReplyRequired,
                Spacing = CardSpacing.Medium,
            });
            body.Add(Buttons(Execute(CardText.SendReply, Verbs.AskPersonReply,
                new CardActionData { Id = question.QuestionId, School = question.SchoolId }, "positive", sendsInputs: true)));
        }

        return new AdaptiveCard
        {
            Body = body,
            FallbackText = CardText.AskPersonFallback(asker),
            MsTeams = new TeamsCardProperties(),
        };
    }
}
