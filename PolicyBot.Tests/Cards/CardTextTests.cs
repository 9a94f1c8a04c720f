using PolicyBot.Cards;

namespace PolicyBot.Tests.Cards;

public sealed class CardTextTests
{
    [Theory]
    [InlineData("[click here](https://evil.example)", "](")]
    [InlineData("[a][ref]", "][")]
    [InlineData("[ref]: https://evil.example", "]:")]
    [InlineData("<https://evil.example>", "<h")]
    [InlineData("**shout**", "**")]
    [InlineData("__shout__", "__")]
    [InlineData("${secret}", "${")]
    [InlineData("{{DATE(2026-01-01T00:00:00Z)}}", "{{")]
    public void Plain_breaks_markdown_and_template_syntax(string untrusted, string mustNotRemain)
    {
        CardText.Plain(untrusted).Should().NotContain(mustNotRemain);
    }

    [Fact]
    public void Plain_keeps_the_words_a_reader_sees()
    {
        var text = "Can I post a pic of sports day? [link](x) ${y}";
        CardText.Plain(text).Replace("\u200B", "").Should().Be(text);
    }

    [Fact]
    public void Plain_drops_control_and_direction_override_characters_and_collapses_blank_lines()
    {
        CardText.Plain("a\u0007b\u202Ec\r\n\n\n\n\td").Should().Be("abc\n\n d");
    }

    [Fact]
    public void Plain_of_nothing_is_empty()
    {
        CardText.Plain(null).Should().BeEmpty();
        CardText.Plain("   \n ").Should().BeEmpty();
    }

    [Fact]
    public void Plain_clips_long_text_with_an_ellipsis()
    {
        var clipped = CardText.Plain(string.Join(' ', Enumerable.Repeat("word", 5000)), 100);
        clipped.Length.Should().BeLessThanOrEqualTo(100);
        clipped.Should().EndWith("…");
    }

    [Fact]
    public void When_is_a_date_function_in_utc_so_Teams_shows_the_readers_own_time()
    {
        var at = new DateTimeOffset(2026, 11, 16, 9, 40, 0, TimeSpan.FromHours(1));
        CardText.When(at).Should().Be("{{DATE(2026-11-16T08:40:00Z,SHORT)}} at {{TIME(2026-11-16T08:40:00Z)}}");
    }

    [Fact]
    public void Every_verdict_has_a_distinct_label()
    {
        Enum.GetValues<PolicyBot.Cards.Ask.AnswerVerdict>().Select(CardText.VerdictLabel).Should().OnlyHaveUniqueItems();
    }
}
