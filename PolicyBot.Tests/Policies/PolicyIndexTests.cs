using PolicyBot.Policies;

namespace PolicyBot.Tests.Policies;

[Collection(PoliciesCollection.Name)]
public sealed class PolicyIndexTests(PoliciesFixture policies)
{
    PolicyIndex Index(string school) => policies.Library.TryGet(school, out var index) ? index : throw new InvalidOperationException($"{school} not loaded");

    [Theory]
    [InlineData("st-josephs", "(Headteacher) Date: February 2021")]
    [InlineData("st-josephs", "Approved by: R. G. Aths")]
    [InlineData("wexham-court", "Review date: Autumn 2024")]
    public void Signature_approval_and_review_lines_are_records(string school, string line) =>
        Index(school).Entries.Single(e => e.Clause.Text == line).IsRecordLine.Should().BeTrue();

    [Fact]
    public void A_rule_that_names_who_approves_is_not_a_record()
    {
        var rules = Index("st-josephs").Entries.Where(e => e.Clause.Text.Contains("business case", StringComparison.Ordinal)).ToList();

        rules.Should().NotBeEmpty();
        rules.Should().OnlyContain(e => !e.IsRecordLine);
    }
}
