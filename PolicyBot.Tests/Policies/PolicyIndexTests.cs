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

    [Fact]
    public void A_list_item_that_names_a_topic_to_cover_is_not_the_lead_ins_rule()
    {
        var item = Index("st-josephs").Entries.Single(e => e.Clause.LeadIn is not null && e.Clause.Body.StartsWith("How the account will be promoted", StringComparison.Ordinal));

        item.Cue.Should().Be(VerdictClassifier.Cue.None);
    }

    [Fact]
    public void A_list_item_that_starts_with_a_condition_keeps_its_rule()
    {
        var items = Index("wexham-court").Entries.Where(e => e.Clause.Text.Contains("peer on peer cyberbullying", StringComparison.Ordinal)).ToList();

        items.Should().NotBeEmpty();
        items.Should().OnlyContain(e => e.Cue != VerdictClassifier.Cue.None);
    }
}
