using PolicyBot.Cards;
using PolicyBot.Cards.Ask;
using PolicyBot.Storage.Tables;
using PolicyBot.Tests.Infrastructure;

namespace PolicyBot.Tests.Cards.Ask;

public sealed class AskPersonCardTests
{
    static readonly AskPersonCardData Open = new("q-1", "oakfield", "Tom Clarke", new DateTimeOffset(2026, 11, 17, 8, 40, 0, TimeSpan.Zero),
        "Can the PTA run a Facebook group?", new QuotedClause("4.1", "Official school sites", "Any official site must be approved by the Headteacher."));

    [Fact]
    public void An_open_question_has_a_required_reply_box_and_a_send_button_for_that_question()
    {
        var card = new CardInspector(AskPersonCard.Build(Open));

        card.InputIds().Should().Equal(InputIds.AskPersonReply);
        card.Input(InputIds.AskPersonReply).GetProperty("isRequired").GetBoolean().Should().BeTrue();
        var send = card.Button(Verbs.AskPersonReply);
        send.GetProperty("data").GetProperty("id").GetString().Should().Be("q-1");
        send.GetProperty("associatedInputs").GetString().Should().Be("auto");
        card.Texts().Should().Contain(t => t.StartsWith("From Tom Clarke", StringComparison.Ordinal));
        card.Texts().Should().Contain("Clause 4.1 · Official school sites");
    }

    [Fact]
    public void An_answered_question_shows_who_answered_and_takes_no_more_replies()
    {
        var reply = new AskPersonReply("Helen Marsh", new DateTimeOffset(2026, 11, 17, 11, 0, 0, TimeSpan.Zero), "Yes, with a site request.");
        var card = new CardInspector(AskPersonCard.Build(Open with { Reply = reply }));

        card.InputIds().Should().BeEmpty();
        card.Buttons().Should().BeEmpty();
        card.Texts().Should().Contain(t => t.StartsWith("By Helen Marsh", StringComparison.Ordinal));
        card.Texts().Should().Contain("Yes, with a site request.");
    }

    [Fact]
    public void The_reply_card_tells_the_asker_who_answered()
    {
        var reply = new AskPersonReply("Helen Marsh", DateTimeOffset.UnixEpoch, "Yes.");
        var card = new CardInspector(AskPersonReplyCard.Build(new AskPersonReplyCardData("Can I?", reply)));

        card.Texts().Should().Contain("Yes.").And.Contain(t => t.StartsWith("By Helen Marsh", StringComparison.Ordinal));
    }

    [Fact]
    public void The_sent_card_says_who_the_question_went_to()
    {
        var card = new CardInspector(AskPersonSentCard.Build(new AskPersonSentCardData("Can I?", "the senior leadership team")));

        card.Texts().Should().Contain(t => t.Contains("the senior leadership team"));
        card.Buttons().Should().BeEmpty();
    }

    /// <summary>The worst case the question's row must hold: question and reply at their limits in a script JSON cannot write as ASCII.</summary>
    [Fact]
    public void The_largest_answered_question_in_any_script_fits_in_a_table_row()
    {
        var name = LongText.NonLatin(100);
        var largest = Open with
        {
            AskedBy = name,
            Question = LongText.NonLatin(2000),
            BestClause = new QuotedClause("4.1", LongText.NonLatin(200), LongText.NonLatin(CardText.DefaultMaxLength)),
            Reply = new AskPersonReply(name, Open.AskedAt.AddHours(1), LongText.Emoji(2000)),
        };

        AskPersonCard.Build(largest).ToJson().Length.Should().BeLessThanOrEqualTo(TableConstants.MaxStringChars);
    }
}
