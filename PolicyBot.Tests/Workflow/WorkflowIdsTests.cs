using PolicyBot.Workflow;

namespace PolicyBot.Tests.Workflow;

public sealed class WorkflowIdsTests
{
    [Fact]
    public void The_same_form_message_gives_the_same_id_and_anything_else_a_different_one()
    {
        var id = WorkflowIds.ForFormMessage("inc-", "oakfield", "user-1", "a:chat", "form-1");

        WorkflowIds.ForFormMessage("inc-", "oakfield", "user-1", "a:chat", "form-1").Should().Be(id);
        new[]
        {
            WorkflowIds.ForFormMessage("inc-", "oakfield", "user-1", "a:chat", "form-2"),
            WorkflowIds.ForFormMessage("inc-", "oakfield", "user-2", "a:chat", "form-1"),
            WorkflowIds.ForFormMessage("inc-", "bradfield", "user-1", "a:chat", "form-1"),
            WorkflowIds.ForFormMessage("inc-", "oakfield", "user-1", "a:other", "form-1"),
        }.Should().NotContain(id).And.OnlyHaveUniqueItems();
        WorkflowIds.IsWellFormed("inc-", id).Should().BeTrue();
    }

    [Fact]
    public void Without_a_form_message_every_send_gets_a_fresh_id() =>
        WorkflowIds.ForFormMessage("site-", "oakfield", "user-1", "a:chat", null)
            .Should().NotBe(WorkflowIds.ForFormMessage("site-", "oakfield", "user-1", "a:chat", null));

    [Theory]
    [InlineData("site-0123456789abcdef0123456789abcdef", true)]
    [InlineData("inc-0123456789abcdef0123456789abcdef", false)]
    [InlineData("site-0123456789abcdef0123456789abcde", false)]
    [InlineData("site-0123456789abcdef0123456789abcdeg", false)]
    [InlineData("site-../../0123456789abcdef012345678", false)]
    [InlineData("0123456789abcdef0123456789abcdef", false)]
    [InlineData(null, false)]
    public void Only_a_prefix_and_32_hex_digits_is_an_id(string? id, bool wellFormed) =>
        WorkflowIds.IsWellFormed("site-", id).Should().Be(wellFormed);
}
