using PolicyBot.BotFramework.Connector;
using PolicyBot.Tests.Infrastructure;

namespace PolicyBot.Tests.BotFramework.Connector;

public sealed class ConversationPacerTests
{
    readonly ManualTimeProvider _clock = new();

    [Fact]
    public void A_burst_to_one_conversation_is_spaced_to_about_seven_a_second()
    {
        var pacer = new ConversationPacer(_clock);

        var waits = Enumerable.Range(0, 8).Select(_ => pacer.Reserve("19:thread")).ToList();

        waits[0].Should().Be(TimeSpan.Zero);
        waits.Should().BeInAscendingOrder();
        waits[7].Should().BeGreaterThanOrEqualTo(TimeSpan.FromSeconds(1), "the eighth message waits past the first second");
    }

    [Fact]
    public void Different_conversations_do_not_wait_for_each_other()
    {
        var pacer = new ConversationPacer(_clock);

        pacer.Reserve("a:1");
        pacer.Reserve("a:1");

        pacer.Reserve("a:2").Should().Be(TimeSpan.Zero);
    }

    [Fact]
    public void A_quiet_conversation_sends_at_once()
    {
        var pacer = new ConversationPacer(_clock);
        pacer.Reserve("a:1");
        pacer.Reserve("a:1");

        _clock.Advance(TimeSpan.FromSeconds(1));

        pacer.Reserve("a:1").Should().Be(TimeSpan.Zero);
    }
}
