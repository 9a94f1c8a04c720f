using System.Text.Json;
using PolicyBot.Cards.AdaptiveCards;
using PolicyBot.Features;

namespace PolicyBot.Tests.Features;

public sealed class CardActionRequestTests
{
    static CardActionRequest With(string json) =>
        new(PolicyBot.Tests.Schools.TestSchools.Make("oakfield", "tenant"), "tenant", "user", "Alex", new CardActionData(), JsonDocument.Parse(json).RootElement.Clone());

    [Theory]
    [InlineData("""{"urgent":"true"}""", "true")]
    [InlineData("""{"urgent":true}""", "true")]
    [InlineData("""{"urgent":false}""", "false")]
    [InlineData("""{"urgent":{"nested":1}}""", null)]
    [InlineData("""{"urgent":12}""", null)]
    [InlineData("""{}""", null)]
    public void Inputs_are_read_as_text_and_a_toggle_sent_as_a_boolean_is_not_lost(string json, string? expected) =>
        With(json).Input("urgent").Should().Be(expected);
}
