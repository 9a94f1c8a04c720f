using PolicyBot.Cards;
using PolicyBot.Cards.SiteApproval;
using PolicyBot.Features.SiteApproval;
using RoleNames = PolicyBot.Schools.RoleNames;
using SchoolRole = PolicyBot.Schools.SchoolRole;
using SiteFormFields = PolicyBot.Schools.SiteFormFields;
using PolicyBot.Storage.Tables;
using PolicyBot.Tests.Infrastructure;

namespace PolicyBot.Tests.Cards.SiteApproval;

public sealed class SiteRequestCardTests
{
    static readonly SiteRequestCardData Pending = CardSamples.SitePendingStep2;

    [Fact]
    public void The_approver_whose_turn_it_is_can_approve_or_reject_with_a_reason()
    {
        var card = new CardInspector(SiteRequestCard.Build(Pending, SiteRequestViewer.CurrentApprover));

        card.Verbs().Should().BeEquivalentTo([Verbs.SiteApprove, Verbs.SiteReject]);
        card.InputIds().Should().BeEquivalentTo([InputIds.ApprovalComment, InputIds.RejectionReason]);
        card.Input(InputIds.RejectionReason).GetProperty("isRequired").GetBoolean().Should().BeTrue();
    }

    [Fact]
    public void Buttons_carry_the_request_id_school_and_version_and_nothing_else()
    {
        var card = new CardInspector(SiteRequestCard.Build(Pending, SiteRequestViewer.CurrentApprover));

        foreach (var button in card.Buttons())
        {
            var data = button.GetProperty("data");
            data.EnumerateObject().Select(p => p.Name).Should().BeEquivalentTo(["id", "school", "version"]);
            data.GetProperty("id").GetString().Should().Be(Pending.RequestId);
            data.GetProperty("version").GetString().Should().Be(Pending.Version);
        }
    }

    [Fact]
    public void The_requester_may_only_withdraw_and_others_only_watch()
    {
        new CardInspector(SiteRequestCard.Build(Pending, SiteRequestViewer.Requester)).Verbs().Should().Equal(Verbs.SiteWithdraw);
        new CardInspector(SiteRequestCard.Build(Pending, SiteRequestViewer.Observer)).Verbs().Should().BeEmpty();
    }

    [Fact]
    public void Everyone_sees_the_same_chain_with_who_decided_when_and_why()
    {
        var texts = new CardInspector(SiteRequestCard.Build(Pending, SiteRequestViewer.Observer)).Texts();

        texts.Should().ContainInOrder("1. Computing Coordinator — approved", "2. Deputy Head — their turn", "3. Headteacher — not yet");
        texts.Should().Contain(t => t.StartsWith("Daniel Lee, {{DATE(", StringComparison.Ordinal));
        texts.Should().Contain(t => t.Contains("Padlet is on our approved list"));
        texts.Should().Contain("Step 2 of 3");
    }

    [Fact]
    public void A_pending_request_refreshes_for_the_chain_and_a_decided_one_does_not()
    {
        var pending = new CardInspector(SiteRequestCard.Build(Pending));
        pending.HasRefresh.Should().BeTrue();
        var refresh = pending.Root.GetProperty("refresh");
        refresh.GetProperty("userIds").EnumerateArray().Select(u => u.GetString()).Should().Equal(Pending.RefreshUserIds);
        refresh.GetProperty("action").GetProperty("verb").GetString().Should().Be(Verbs.Refresh);

        new CardInspector(SiteRequestCard.Build(Pending with { State = SiteRequestState.Approved })).HasRefresh.Should().BeFalse();
    }

    [Fact]
    public void Refresh_asks_for_at_most_60_users()
    {
        var many = Enumerable.Range(1, 100).Select(i => $"aad-{i}").ToList();
        var card = new CardInspector(SiteRequestCard.Build(Pending with { RefreshUserIds = many }));

        card.Root.GetProperty("refresh").GetProperty("userIds").GetArrayLength().Should().Be(60);
    }

    [Theory]
    [InlineData(SiteRequestState.Approved)]
    [InlineData(SiteRequestState.Rejected)]
    [InlineData(SiteRequestState.Withdrawn)]
    public void A_decided_or_withdrawn_request_offers_no_buttons_to_anyone(SiteRequestState state)
    {
        foreach (var viewer in Enum.GetValues<SiteRequestViewer>())
            new CardInspector(SiteRequestCard.Build(Pending with { State = state }, viewer)).Verbs().Should().BeEmpty(viewer.ToString());
    }

    /// <summary>
    /// The worst case a request card row must hold: a school asking every question there is, each answered at its limit
    /// in a script JSON cannot write as ASCII, a chain with a step for every role, each decided with the longest comment.
    /// </summary>
    [Fact]
    public void The_largest_request_card_in_any_script_fits_in_a_table_row()
    {
        var name = LongText.NonLatin(SiteRequest.MaxNameLength);
        var roles = Enum.GetValues<SchoolRole>();
        var largest = Pending with
        {
            RequestedBy = name,
            Summary = LongText.NonLatin(SiteRequestForm.MaxSummaryLength),
            Answers = SiteFormFields.Ids.Select(SiteFormFields.Get).Select(f => new FormAnswer(f.Label, f.Kind switch
            {
                FormFieldKind.Multiline => LongText.NonLatin(SiteFormFields.MaxMultilineLength),
                FormFieldKind.Text => LongText.NonLatin(SiteFormFields.MaxTextLength),
                FormFieldKind.Choice => f.Choices!.MaxBy(c => c.Length)!,
                FormFieldKind.Toggle => "Yes",
                _ => "Wednesday 30 September 2027",
            })).ToList(),
            Steps = roles.Select((r, i) => i < roles.Length - 1
                ? new ApprovalStep(RoleNames.Of(r), [name], ApprovalStepState.Approved, name, Pending.RequestedAt.AddDays(i), LongText.Emoji(SiteRequest.MaxCommentLength))
                : new ApprovalStep(RoleNames.Of(r), Enumerable.Repeat(name, 10).ToList(), ApprovalStepState.Pending)).ToList(),
            RefreshUserIds = Enumerable.Range(0, 60).Select(i => Guid.NewGuid().ToString()).ToList(),
        };

        var json = SiteRequestCard.Build(largest, SiteRequestViewer.CurrentApprover).ToJson();

        json.Length.Should().BeLessThanOrEqualTo(TableConstants.MaxStringChars);
    }
}
