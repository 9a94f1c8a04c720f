using PolicyBot.Features.PolicyQuestions;

namespace PolicyBot.Tests.Features.PolicyQuestions;

/// <summary>The pure transition of a question passed to a person: the first reply wins.</summary>
public sealed class AskPersonQuestionTests
{
    static readonly DateTimeOffset AskedAt = new(2026, 11, 20, 9, 0, 0, TimeSpan.Zero);
    static readonly DateTimeOffset RepliedAt = AskedAt.AddHours(2);

    static AskPersonQuestion Open() =>
        new("q1", "oakfield-primary", "tenant", "asker", "Alex Wilber", AskedAt, "Can I add a parent on Facebook?", "3.1");

    [Fact]
    public void A_reply_answers_an_open_question_and_records_who_and_when()
    {
        var transition = Open().Answer("slt-1", "Sam Head", RepliedAt, "No - use the school office email.");

        transition.Refusal.Should().BeNull();
        var answered = transition.Next!;
        answered.State.Should().Be(AskPersonState.Answered);
        answered.AnsweredBy.Should().Be("slt-1");
        answered.AnsweredByName.Should().Be("Sam Head");
        answered.AnsweredAt.Should().Be(RepliedAt);
        answered.Reply.Should().Be("No - use the school office email.");
        answered.Question.Should().Be("Can I add a parent on Facebook?", "the question itself does not change");
    }

    [Fact]
    public void A_reply_is_trimmed()
    {
        Open().Answer("slt-1", "Sam", RepliedAt, "  \n  Yes, with care. \t ").Next!.Reply.Should().Be("Yes, with care.");
    }

    [Fact]
    public void A_second_reply_is_refused_and_the_first_answer_stands()
    {
        var answered = Open().Answer("slt-1", "Sam", RepliedAt, "First.").Next!;

        var second = answered.Answer("slt-2", "Jo", RepliedAt.AddMinutes(1), "Second.");

        second.Next.Should().BeNull();
        second.Refusal.Should().Be(AskPersonRefusal.AlreadyAnswered);
        answered.Reply.Should().Be("First.");
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   \n\t ")]
    public void An_empty_reply_is_refused(string? reply)
    {
        var transition = Open().Answer("slt-1", "Sam", RepliedAt, reply);

        transition.Next.Should().BeNull();
        transition.Refusal.Should().Be(AskPersonRefusal.EmptyReply);
    }

    [Fact]
    public void A_reply_longer_than_the_limit_is_refused()
    {
        var transition = Open().Answer("slt-1", "Sam", RepliedAt, new string('x', AskPersonQuestion.MaxReplyLength + 1));

        transition.Refusal.Should().Be(AskPersonRefusal.ReplyTooLong);
    }

    [Fact]
    public void A_reply_of_exactly_the_limit_after_trimming_is_accepted()
    {
        var transition = Open().Answer("slt-1", "Sam", RepliedAt, "  " + new string('x', AskPersonQuestion.MaxReplyLength) + "  ");

        transition.Next!.Reply.Should().HaveLength(AskPersonQuestion.MaxReplyLength);
    }
}
