using PolicyBot.Policies;

namespace PolicyBot.Tests.Policies;

[Collection(PoliciesCollection.Name)]
public sealed class QueryTests(PoliciesFixture policies)
{
    PolicyIndex Index => policies.Library.TryGet("wexham-court", out var index) ? index : throw new InvalidOperationException("wexham-court not loaded");

    double SlotWeight(string question, string word)
    {
        var query = Query.From(Index, question);
        var concept = Index.Analyze(word).Single().Concept;
        return query.Slots.Single(s => s.Concept == concept).Weight;
    }

    [Fact]
    public void The_owner_in_a_possessive_weighs_less_than_what_it_owns()
    {
        SlotWeight("a pupil's parent wants to be friends on facebook", "pupil")
            .Should().BeLessThan(SlotWeight("a pupil and a parent want to be friends on facebook", "pupil"));
    }

    [Fact]
    public void A_word_used_both_as_owner_and_on_its_own_keeps_its_weight()
    {
        SlotWeight("a pupil's parent says the pupil is upset", "pupil")
            .Should().Be(SlotWeight("a pupil and a parent say the pupil is upset", "pupil"));
    }

    [Theory]
    [InlineData("how do I set up a class blog?")]
    [InlineData("can we start a PE twitter account for the school?")]
    [InlineData("I want to create a facebook page for the year 6 residential")]
    [InlineData("who approves opening a new school instagram account")]
    public void Starting_a_school_or_class_site_is_read_as_setting_up_an_official_site(string question) =>
        Query.From(Index, question).AsksToSetUpOfficialSite.Should().BeTrue();

    [Theory]
    [InlineData("can I set up my own instagram?")]
    [InlineData("can I create a private account to chat to friends?")]
    [InlineData("can I post photos on the school's facebook page?")]
    [InlineData("a parent started a group chat about me")]
    public void Personal_accounts_and_using_a_site_that_exists_are_not(string question) =>
        Query.From(Index, question).AsksToSetUpOfficialSite.Should().BeFalse();
}
