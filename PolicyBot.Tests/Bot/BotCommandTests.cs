using PolicyBot.Bot;

namespace PolicyBot.Tests.Bot;

public sealed class BotCommandTests
{
    [Theory]
    [InlineData("help", BotCommandKind.Help)]
    [InlineData("", BotCommandKind.Help)]
    [InlineData("new site request", BotCommandKind.NewSiteRequest)]
    [InlineData("Report a concern", BotCommandKind.ReportConcern)]
    [InlineData("  my   requests  ", BotCommandKind.MyRequests)]
    [InlineData("pending approvals", BotCommandKind.PendingApprovals)]
    [InlineData("incident log.", BotCommandKind.IncidentLog)]
    [InlineData("governors report", BotCommandKind.GovernorsReport)]
    public void The_manifest_commands_are_recognised_as_whole_messages(string text, BotCommandKind kind) =>
        BotCommand.Parse(text).Kind.Should().Be(kind);

    [Theory]
    [InlineData("how do I report a concern about a parent's post?")]
    [InlineData("can I report a concern anonymously")]
    [InlineData("what are my requests to parents allowed to be")]
    [InlineData("helpful apps for the classroom?")]
    public void A_question_that_mentions_a_command_is_still_a_question(string text)
    {
        var command = BotCommand.Parse(text);

        command.Kind.Should().Be(BotCommandKind.Question);
        command.Text.Should().Be(text);
    }

    [Fact]
    public void The_command_lists_ask_prefix_is_not_part_of_the_question()
    {
        var command = BotCommand.Parse("ask can I accept a parent's friend request?");

        command.Should().Be(new BotCommand(BotCommandKind.Question, "can I accept a parent's friend request?"));
    }

    [Fact]
    public void Every_command_in_the_manifest_is_recognised()
    {
        using var manifest = System.Text.Json.JsonDocument.Parse(File.ReadAllText(Path.Combine(Infrastructure.RepoPaths.Root, "manifest", "manifest.template.json")));
        var titles = manifest.RootElement.GetProperty("bots").EnumerateArray()
            .SelectMany(b => b.GetProperty("commandLists").EnumerateArray())
            .SelectMany(l => l.GetProperty("commands").EnumerateArray())
            .Select(c => c.GetProperty("title").GetString()!)
            .Where(t => t != "ask")
            .Distinct()
            .ToList();

        titles.Should().NotBeEmpty();
        titles.Should().OnlyContain(t => BotCommand.Parse(t).Kind != BotCommandKind.Question, "every command the app offers must do what it says");
    }
}
