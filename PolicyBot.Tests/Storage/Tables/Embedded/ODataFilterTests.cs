using Azure;
using PolicyBot.Storage.Tables.Embedded;

namespace PolicyBot.Tests.Storage.Tables.Embedded;

public sealed class ODataFilterTests
{
    static readonly Dictionary<string, object?> Entity = new()
    {
        ["PartitionKey"] = "school-1",
        ["RowKey"] = "r'1",
        ["Count"] = 5,
        ["Big"] = 5_000_000_000L,
        ["Open"] = true,
        ["Score"] = 2.5,
        ["When"] = new DateTimeOffset(2026, 1, 2, 3, 4, 5, TimeSpan.Zero),
        ["Id"] = Guid.Parse("0f8fad5b-d9cb-469f-a165-70867728950e"),
    };

    [Theory]
    [InlineData("PartitionKey eq 'school-1'", true)]
    [InlineData("RowKey eq 'r''1'", true)]
    [InlineData("Count gt 4 and Count lt 6", true)]
    [InlineData("Count ge 6 or Open eq false", false)]
    [InlineData("not (Count eq 5)", false)]
    [InlineData("Big eq 5000000000L", true)]
    [InlineData("Big gt 4999999999", true)]
    [InlineData("Score le 2.5", true)]
    [InlineData("When ge datetime'2026-01-02T03:04:05Z'", true)]
    [InlineData("Id eq guid'0f8fad5b-d9cb-469f-a165-70867728950e'", true)]
    [InlineData("Missing eq 'x'", false)]
    [InlineData("Missing ne 'x'", false)]
    [InlineData("Count eq '5'", false)]
    [InlineData("(PartitionKey eq 'school-1') and ((Open eq true))", true)]
    public void Filters_match_as_the_Table_service_evaluates_them(string filter, bool expected)
    {
        ODataFilter.Parse(filter)!.Matches(Entity).Should().Be(expected);
    }

    [Theory]
    [InlineData("Count eq")]
    [InlineData("Count has 5")]
    [InlineData("startswith(Name, 'a')")]
    [InlineData("Name eq 'unterminated")]
    [InlineData("(Count eq 5")]
    [InlineData("Count eq 5 Count")]
    public void Unsupported_or_malformed_filters_are_refused_with_400_InvalidInput(string filter)
    {
        var parse = () => ODataFilter.Parse(filter);

        var failure = parse.Should().Throw<RequestFailedException>().Which;
        failure.Status.Should().Be(400);
        failure.ErrorCode.Should().Be("InvalidInput");
    }

    [Fact]
    public void An_empty_filter_means_everything()
    {
        ODataFilter.Parse("  ").Should().BeNull();
    }
}
