using PolicyBot.Cards.SiteApproval;
using PolicyBot.Features.SiteApproval;
using PolicyBot.Schools;
using static PolicyBot.Tests.Features.SiteApproval.SiteSchools;

namespace PolicyBot.Tests.Features.SiteApproval;

/// <summary>The pure transitions of a site request: who may decide, when, and what each decision does to the chain.</summary>
public sealed class SiteRequestTests
{
    static readonly DateTimeOffset Monday = new(2026, 11, 16, 9, 0, 0, TimeSpan.Zero);
    static readonly IReadOnlyList<SiteAnswer> Answers = [new("siteName", "Name of the site or account", "Year 6 blog")];

    static SiteRequest Submitted(School school, string by = Requester) =>
        SiteRequest.Submit("site-1", school, "tenant", "SITE-2026-0001", by, "Rita Requester", Monday, Answers).Next!;

    static SiteRequest Approved(SiteRequest request, School school, string by, int minutes = 1)
    {
        var transition = request.Approve(school, by, by + " name", Monday.AddMinutes(minutes), null);
        transition.Refusal.Should().BeNull();
        return transition.Next!;
    }

    [Fact]
    public void Submit_builds_the_steps_from_the_schools_chain_with_the_first_one_pending()
    {
        var request = Submitted(Make());

        request.State.Should().Be(SiteRequestState.Pending);
        request.Revision.Should().Be(1);
        request.Steps.Select(s => s.Role).Should().Equal(SchoolRole.ComputingCoordinator, SchoolRole.DeputyHead, SchoolRole.Headteacher);
        request.Steps.Select(s => s.State).Should().Equal(ApprovalStepState.Pending, ApprovalStepState.Waiting, ApprovalStepState.Waiting);
        request.PendingStepIndex.Should().Be(0);
        request.Steps[0].PendingSince.Should().Be(Monday);
    }

    [Fact]
    public void Submit_is_refused_when_a_step_could_only_be_decided_by_the_requester()
    {
        // The Computing Coordinator asks for a site: they are the only one who could decide step 1.
        var transition = SiteRequest.Submit("site-1", Make(), "tenant", "SITE-2026-0001", Computing, "Casey", Monday, Answers);

        transition.Refusal.Should().Be(SiteRefusal.NoOtherApprover);
        transition.StepIndex.Should().Be(0);
        SiteRequest.StepWithoutOtherApprover(Make(), Computing).Should().Be(0);
        SiteRequest.StepWithoutOtherApprover(Make(), Deputy1).Should().BeNull("the other deputy can decide step 2");
    }

    [Fact]
    public void Approval_at_an_any_step_completes_it_and_the_next_step_becomes_pending()
    {
        var school = Make();

        var next = Approved(Submitted(school), school, Computing);

        next.Steps[0].State.Should().Be(ApprovalStepState.Approved);
        next.Steps[0].Decisions.Should().ContainSingle().Which.By.Should().Be(Computing);
        next.Steps[1].State.Should().Be(ApprovalStepState.Pending);
        next.Steps[1].PendingSince.Should().Be(Monday.AddMinutes(1));
        next.State.Should().Be(SiteRequestState.Pending);
        next.Revision.Should().Be(2);
    }

    [Fact]
    public void The_last_approval_approves_the_request_and_nothing_more_can_be_decided()
    {
        var school = Make();
        var request = Approved(Approved(Approved(Submitted(school), school, Computing), school, Deputy2, 2), school, Head, 3);

        request.State.Should().Be(SiteRequestState.Approved);
        request.Steps.Should().OnlyContain(s => s.State == ApprovalStepState.Approved);
        request.PendingStepIndex.Should().Be(-1);
        request.Approve(school, Head, "Head", Monday.AddHours(1), null).Refusal.Should().Be(SiteRefusal.NotPending);
        request.Reject(school, Head, "Head", Monday.AddHours(1), "no").Refusal.Should().Be(SiteRefusal.NotPending);
    }

    [Fact]
    public void An_all_step_waits_for_every_holder_of_the_role()
    {
        var school = Make(ApprovalMode.All);
        var atDeputies = Approved(Submitted(school), school, Computing);

        var oneDeputy = Approved(atDeputies, school, Deputy1, 2);

        oneDeputy.Steps[1].State.Should().Be(ApprovalStepState.Pending, "the second deputy has not approved yet");
        oneDeputy.Steps[2].State.Should().Be(ApprovalStepState.Waiting);
        oneDeputy.Approve(school, Deputy1, "Dee", Monday.AddMinutes(3), null).Refusal.Should().Be(SiteRefusal.AlreadyDecided);
        oneDeputy.MayDecide(school, Deputy1).Should().BeFalse();
        oneDeputy.MayDecide(school, Deputy2).Should().BeTrue();

        var bothDeputies = Approved(oneDeputy, school, Deputy2, 4);

        bothDeputies.Steps[1].State.Should().Be(ApprovalStepState.Approved);
        bothDeputies.Steps[1].Decisions.Select(d => d.By).Should().Equal(Deputy1, Deputy2);
        bothDeputies.Steps[2].State.Should().Be(ApprovalStepState.Pending);
    }

    [Fact]
    public void An_any_step_needs_only_one_of_several_holders()
    {
        var school = Make(ApprovalMode.Any);
        var atDeputies = Approved(Submitted(school), school, Computing);

        var next = Approved(atDeputies, school, Deputy2, 2);

        next.Steps[1].State.Should().Be(ApprovalStepState.Approved);
        next.Steps[2].State.Should().Be(ApprovalStepState.Pending);
        next.Approve(school, Deputy1, "Dee", Monday.AddMinutes(3), null).Refusal.Should().Be(SiteRefusal.NotYourTurn, "the step is done; the Head's turn now");
    }

    [Fact]
    public void An_all_step_does_not_wait_for_the_requester_who_holds_the_role()
    {
        // Deputy 1 asks; the deputies' step is "all", but nobody approves their own request: deputy 2 alone completes it.
        var school = Make(ApprovalMode.All);
        var atDeputies = Approved(Submitted(school, by: Deputy1), school, Computing);

        atDeputies.Approve(school, Deputy1, "Dee", Monday.AddMinutes(2), null).Refusal.Should().Be(SiteRefusal.OwnRequest);
        var next = Approved(atDeputies, school, Deputy2, 3);

        next.Steps[1].State.Should().Be(ApprovalStepState.Approved);
    }

    [Fact]
    public void A_requester_who_holds_the_pending_role_may_not_approve_their_own_request()
    {
        var school = Make(extra: (SchoolRole.ComputingCoordinator, Requester));
        var request = Submitted(school);

        request.Approve(school, Requester, "Rita", Monday, null).Refusal.Should().Be(SiteRefusal.OwnRequest);
        request.Reject(school, Requester, "Rita", Monday, "no").Refusal.Should().Be(SiteRefusal.OwnRequest);
        request.MayDecide(school, Requester).Should().BeFalse();
        request.MayDecide(school, Computing).Should().BeTrue();
    }

    [Theory]
    [InlineData(Deputy1, SiteRefusal.NotYourTurn)]
    [InlineData(Head, SiteRefusal.NotYourTurn)]
    [InlineData(Outsider, SiteRefusal.NotAnApprover)]
    [InlineData("dsl", SiteRefusal.NotAnApprover)]
    [InlineData(Requester, SiteRefusal.OwnRequest)]
    public void Only_a_holder_of_the_pending_steps_role_may_decide(string who, SiteRefusal refusal)
    {
        var school = Make();
        var request = Submitted(school);

        request.Approve(school, who, "Someone", Monday, null).Refusal.Should().Be(refusal);
        request.Reject(school, who, "Someone", Monday, "A reason").Refusal.Should().Be(refusal);
    }

    [Fact]
    public void Roles_are_compared_without_regard_to_case()
    {
        var school = Make();

        Submitted(school).Approve(school, Computing.ToUpperInvariant(), "Casey", Monday, null).Refusal.Should().BeNull();
    }

    [Fact]
    public void A_rejection_ends_the_request_with_the_reason_and_the_later_steps_are_not_needed()
    {
        var school = Make();
        var atDeputies = Approved(Submitted(school), school, Computing);

        var transition = atDeputies.Reject(school, Deputy1, "Dee Deputy", Monday.AddHours(1), "  The wall must be private.  ");

        var rejected = transition.Next!;
        rejected.State.Should().Be(SiteRequestState.Rejected);
        rejected.Steps.Select(s => s.State).Should().Equal(ApprovalStepState.Approved, ApprovalStepState.Rejected, ApprovalStepState.Skipped);
        rejected.Steps[1].Decisions.Should().ContainSingle().Which.Should().Be(new SiteDecision(Deputy1, "Dee Deputy", Monday.AddHours(1), false, "The wall must be private."));
        rejected.Revision.Should().Be(3);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   \n ")]
    public void A_rejection_without_a_reason_is_refused(string? reason)
    {
        var school = Make();

        Submitted(school).Reject(school, Computing, "Casey", Monday, reason).Refusal.Should().Be(SiteRefusal.EmptyReason);
    }

    [Fact]
    public void A_comment_or_reason_over_the_limit_is_refused_and_one_at_the_limit_is_kept()
    {
        var school = Make();
        var request = Submitted(school);
        var tooLong = new string('x', SiteRequest.MaxCommentLength + 1);
        var atLimit = new string('x', SiteRequest.MaxCommentLength);

        request.Reject(school, Computing, "Casey", Monday, tooLong).Refusal.Should().Be(SiteRefusal.TooLong);
        request.Approve(school, Computing, "Casey", Monday, tooLong).Refusal.Should().Be(SiteRefusal.TooLong);
        request.Approve(school, Computing, "Casey", Monday, atLimit).Next!.Steps[0].Decisions[0].Comment.Should().Be(atLimit);
    }

    [Fact]
    public void The_requester_may_withdraw_while_it_is_pending_and_nobody_else_may()
    {
        var school = Make();
        var request = Approved(Submitted(school), school, Computing);

        request.Withdraw(Computing, Monday.AddHours(2)).Refusal.Should().Be(SiteRefusal.NotRequester);
        var withdrawn = request.Withdraw(Requester, Monday.AddHours(2)).Next!;

        withdrawn.State.Should().Be(SiteRequestState.Withdrawn);
        withdrawn.WithdrawnAt.Should().Be(Monday.AddHours(2));
        withdrawn.Withdraw(Requester, Monday.AddHours(3)).Refusal.Should().Be(SiteRefusal.NotPending);
        withdrawn.Approve(school, Deputy1, "Dee", Monday.AddHours(3), null).Refusal.Should().Be(SiteRefusal.NotPending);
    }

    [Fact]
    public void A_decided_request_cannot_be_withdrawn()
    {
        var school = Make();
        var rejected = Submitted(school).Reject(school, Computing, "Casey", Monday, "No.").Next!;

        rejected.Withdraw(Requester, Monday.AddHours(1)).Refusal.Should().Be(SiteRefusal.NotPending);
    }

    [Fact]
    public void Those_involved_are_the_requester_the_chains_people_and_anyone_who_decided()
    {
        var school = Make();
        var request = Approved(Submitted(school), school, Computing);
        var withoutComputing = school with { People = school.People.Where(p => p.Key != SchoolRole.ComputingCoordinator).ToDictionary(p => p.Key, p => p.Value) };

        request.Involves(school, Requester).Should().BeTrue();
        request.Involves(school, Head).Should().BeTrue();
        request.Involves(withoutComputing, Computing).Should().BeTrue("they decided step 1, even if they no longer hold the role");
        request.Involves(school, Outsider).Should().BeFalse();
        request.Involves(school, "dsl").Should().BeFalse();
    }

    [Fact]
    public void The_stored_entity_gives_back_the_same_request()
    {
        var school = Make(ApprovalMode.All);
        var request = Approved(Approved(Submitted(school), school, Computing), school, Deputy1, 2);

        var entity = SiteRequestEntity.From(request);
        entity.PartitionKey = request.RequestId;
        var back = entity.ToRecord();

        back.Should().BeEquivalentTo(request);
        entity.PendingSince.Should().Be(Monday.AddMinutes(1));
        entity.StepsJson.Should().Contain("\"DeputyHead\"").And.Contain("\"All\"", "enums are stored by name");
    }
}
