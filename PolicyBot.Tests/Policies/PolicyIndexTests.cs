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

    [Theory]
    [InlineData("Staff must decline friend requests from pupils who are not family members.")]
    [InlineData("Staff must not have contact with any pupil through personal social media unless the pupils are family members.")]
    [InlineData("Staff must not message pupils, other than their own family members, on personal accounts.")]
    public void A_clause_is_not_about_the_people_it_leaves_out(string rule)
    {
        var index = PolicyIndex.Build(PolicyParser.Parse("example", $"""
            1. Contact

            1.1 {rule}

            1.2 Carefully consider contact with a pupil's family members on personal social media.
            """));
        var family = index.Analyze("family").Single().Concept;
        var pupil = index.Analyze("pupil").Single().Concept;

        index.Entries.Single(e => e.Clause.Id == "1.1").People.Should().Contain(pupil).And.NotContain(family);
        index.Entries.Single(e => e.Clause.Id == "1.2").People.Should().Contain(family);
    }

    [Fact]
    public void A_platforms_terms_quoted_with_their_section_numbers_are_background()
    {
        // "You will not … (4.1)" is Facebook's rule for its users, quoted for a victim of cyberbullying; the school's rules
        // for its staff are elsewhere.
        var index = PolicyIndex.Build(PolicyParser.Parse("example", """
            1. Conduct

            1.1 Staff should assume that anything they post, whatever their privacy settings, could become public.

            1.2 They should be made aware of the privacy issues: You will not bully or harass any user (1.3.6).; You will not post content that violates the law (5.1).
            """));

        index.Entries.Single(e => e.Clause.Id == "1.2").IsFrontMatter.Should().BeTrue();
        index.Entries.Single(e => e.Clause.Id == "1.1").IsFrontMatter.Should().BeFalse();
    }

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
