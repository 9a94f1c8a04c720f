using PolicyBot.Graph;

namespace PolicyBot.Tests.Graph;

public sealed class NotificationReferenceTests
{
    [Theory]
    [InlineData("INC-2026-0042")]
    [InlineData("CP-0042")]
    [InlineData("SR-2026-0007")]
    [InlineData("Q-2026-0013")]
    [InlineData("ACK-2026-OAK")]
    public void References_in_the_usual_shapes_are_accepted(string value)
    {
        NotificationReference.Parse(value).Value.Should().Be(value);
        NotificationReference.Parse(value).ToString().Should().Be(value);
    }

    [Theory]
    [InlineData("")]
    [InlineData("inc-2026-0042")]
    [InlineData("INC 2026 0042")]
    [InlineData("INC-2026-0042 Jamie hurt at lunch")]
    [InlineData("INCIDENT-2026")]
    [InlineData("INC")]
    [InlineData("INC-2026-0042-0001-0002")]
    public void Anything_else_is_refused_with_an_example(string value)
    {
        NotificationReference.TryParse(value, out _).Should().BeFalse();
        FluentActions.Invoking(() => NotificationReference.Parse(value))
            .Should().Throw<ArgumentException>().WithMessage("*e.g. INC-2026-0042*");
    }
}
