using PolicyBot.Policies;

namespace PolicyBot.Tests.Policies;

/// <summary>Which ranked clause answers: the best-ranked of the first five that matches enough of the question.</summary>
public sealed class AnsweringClauseTests
{
    static readonly PolicyIndex Index = PolicyIndex.Build(PolicyParser.Parse("example", """
        1. Definitions

        1.1 For the purposes of this policy, social media is defined as any website where people share content.

        2. Rules

        2.1 Staff must report any concern about a pupil to the Designated Safeguarding Lead.

        2.2 Staff must not share photographs of pupils on personal social media accounts.
        """));

    static PolicyIndex.Entry Clause(string id) => Index.Entries.Single(e => e.Clause.Id == id);

    static PolicyAnswerer.Ranked Matching(string id) => new(Clause(id), Score: 1, Coverage: 0.6, Bm25: 5);

    static PolicyAnswerer.Ranked Barely(string id) => new(Clause(id), Score: 1, Coverage: PolicyAnswerer.MinCoverage / 2, Bm25: 5);

    static PolicyAnswerer.Ranked WeaklyMatching(string id, bool asIntended) =>
        new(Clause(id), Score: 1, Coverage: 0.6, Bm25: PolicyAnswerer.MinScore * 0.75, AsIntended: asIntended);

    [Fact]
    public void A_rule_of_the_kind_the_question_asks_for_answers_through_a_weaker_match() =>
        PolicyAnswerer.AnsweringClause([WeaklyMatching("2.1", asIntended: true), Matching("2.2")]).Should().Be(0);

    [Fact]
    public void Any_other_clause_matching_as_weakly_gives_way_to_the_next() =>
        PolicyAnswerer.AnsweringClause([WeaklyMatching("2.1", asIntended: false), Matching("2.2")]).Should().Be(1);

    [Fact]
    public void The_top_clause_answers_when_it_matches_enough() =>
        PolicyAnswerer.AnsweringClause([Matching("2.1"), Matching("2.2")]).Should().Be(0);

    [Fact]
    public void A_clause_an_intent_boost_lifted_without_matching_enough_gives_way_to_the_next_that_does() =>
        PolicyAnswerer.AnsweringClause([Barely("2.1"), Matching("2.2")]).Should().Be(1);

    [Fact]
    public void A_first_clause_just_short_of_the_floor_answers_when_it_scores_well_ahead_of_the_one_that_clears_it() =>
        PolicyAnswerer.AnsweringClause([WeaklyMatching("2.1", asIntended: false) with { Score = 3 }, Matching("2.2")]).Should().Be(0);

    [Fact]
    public void A_first_clause_short_of_the_floor_gives_way_to_a_rule_of_the_kind_the_question_asks_for_however_far_ahead() =>
        PolicyAnswerer.AnsweringClause([WeaklyMatching("2.1", asIntended: false) with { Score = 3 }, Matching("2.2") with { AsIntended = true }]).Should().Be(1);

    [Fact]
    public void A_first_clause_far_short_of_the_floor_gives_way_however_far_ahead() =>
        PolicyAnswerer.AnsweringClause([Barely("2.1") with { Score = 3, Coverage = PolicyAnswerer.MinCoverage / 3 }, Matching("2.2")]).Should().Be(1);

    [Fact]
    public void A_definition_below_the_top_answers_nothing() =>
        PolicyAnswerer.AnsweringClause([Barely("2.1"), Matching("1.1")]).Should().Be(-1);

    [Fact]
    public void Only_the_first_five_are_considered() =>
        PolicyAnswerer.AnsweringClause([Barely("2.1"), Barely("2.1"), Barely("2.1"), Barely("2.1"), Barely("2.1"), Matching("2.2")]).Should().Be(-1);
}
