using PolicyBot.Cards;

namespace PolicyBot.Tests.Cards.Common;

public sealed class ErrorCardTests
{
    [Theory]
    [InlineData(CardProblem.SomethingWentWrong)]
    [InlineData(CardProblem.NotAllowed)]
    [InlineData(CardProblem.AlreadyDone)]
    [InlineData(CardProblem.NotFound)]
    [InlineData(CardProblem.SchoolNotSetUp)]
    [InlineData(CardProblem.NotDelivered)]
    public void Every_problem_has_a_title_and_advice_on_what_to_do(CardProblem problem)
    {
        var card = new CardInspector(ErrorCard.Build(problem));

        card.Texts().Should().Equal(CardText.ProblemTitle(problem), CardText.ProblemAdvice(problem));
    }

    [Fact]
    public void The_detail_and_a_reference_for_IT_are_shown_when_given()
    {
        var card = new CardInspector(ErrorCard.Build(CardProblem.AlreadyDone, "Already approved by Helen Marsh.", "7d2e"));

        card.Texts().Should().Contain(["Already approved by Helen Marsh.", "Reference for IT: 7d2e"]);
    }
}
