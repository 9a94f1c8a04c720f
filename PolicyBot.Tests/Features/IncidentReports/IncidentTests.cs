using PolicyBot.Cards;
using PolicyBot.Cards.Incidents;
using PolicyBot.Features.IncidentReports;

namespace PolicyBot.Tests.Features.IncidentReports;

/// <summary>The report's pure transitions: who may act, what each state allows, and every refusal.</summary>
public sealed class IncidentTests
{
    static readonly DateTimeOffset At = new(2026, 2, 3, 9, 30, 0, TimeSpan.Zero);
    static readonly Actor Dsl = new("dsl-1", "Dana DSL");
    static readonly Actor Outsider = new("teacher-1", "Tom Teacher");
    static readonly DslTeam Team = new([new DslMember("dsl-1", "Dana DSL"), new DslMember("deputy-1", "Dee Deputy")]);

    static Incident Reported(IncidentState state = IncidentState.New) =>
        Incident.Report("inc-0123456789abcdef0123456789abcdef", "oakfield-primary", "tenant", "INC-2026-0001",
            new ValidReport(IncidentCategory.OnlineAbuseOfStaff, "A parent posted about a teacher.", new DateOnly(2026, 2, 1), "Facebook", null, Urgent: true),
            Outsider, At) with { State = state };

    static IncidentTransition Apply(Incident incident, IncidentAction action, Actor by) => action switch
    {
        IncidentAction.Acknowledge => incident.Acknowledge(by, Team, At.AddHours(1)),
        IncidentAction.Assign => incident.Assign(by, Team, "deputy-1", At.AddHours(1)),
        IncidentAction.Escalate => incident.Escalate(by, Team, EscalationTarget.Lado, "Referred by phone.", At.AddHours(1)),
        _ => incident.Close(by, Team, "Spoken to the parent; post removed.", At.AddHours(1)),
    };

    static string VerbOf(IncidentAction action) => action switch
    {
        IncidentAction.Acknowledge => Verbs.IncidentAcknowledge,
        IncidentAction.Assign => Verbs.IncidentAssign,
        IncidentAction.Escalate => Verbs.IncidentEscalate,
        _ => Verbs.IncidentClose,
    };

    public static TheoryData<IncidentState, IncidentAction> EveryStateAndAction()
    {
        var data = new TheoryData<IncidentState, IncidentAction>();
        foreach (var state in Enum.GetValues<IncidentState>())
            foreach (var action in Enum.GetValues<IncidentAction>())
                data.Add(state, action);
        return data;
    }

    [Theory]
    [MemberData(nameof(EveryStateAndAction))]
    public void An_action_is_allowed_exactly_when_the_inbox_card_shows_its_button(IncidentState state, IncidentAction action)
    {
        var shown = IncidentInboxCard.VerbsFor(state).Contains(VerbOf(action));

        Incident.Allows(state, action).Should().Be(shown);
        var result = Apply(Reported(state), action, Dsl);
        if (shown)
            result.Next.Should().NotBeNull();
        else
            result.Refusal.Should().Be(IncidentRefusal.WrongState);
    }

    [Theory]
    [InlineData(IncidentAction.Acknowledge)]
    [InlineData(IncidentAction.Assign)]
    [InlineData(IncidentAction.Escalate)]
    [InlineData(IncidentAction.Close)]
    public void Someone_outside_the_dsl_team_is_refused_every_action(IncidentAction action)
    {
        var result = Apply(Reported(), action, Outsider);

        result.Refusal.Should().Be(IncidentRefusal.NotDslTeam);
        result.Next.Should().BeNull();
    }

    [Fact]
    public void Acknowledging_moves_on_the_state_the_revision_and_the_history()
    {
        var next = Reported().Acknowledge(Dsl, Team, At.AddHours(2)).Next!;

        next.State.Should().Be(IncidentState.Acknowledged);
        next.Revision.Should().Be(2);
        next.UpdatedAt.Should().Be(At.AddHours(2));
        next.History.Select(h => h.What).Should().Equal("reported", "acknowledged");
        next.History[^1].ByName.Should().Be("Dana DSL");
    }

    [Fact]
    public void Assigning_to_a_team_member_records_them_by_the_team_s_name()
    {
        var next = Reported(IncidentState.Acknowledged).Assign(Dsl, Team, "DEPUTY-1", At).Next!;

        next.State.Should().Be(IncidentState.Assigned);
        next.AssignedTo.Should().Be(new Actor("deputy-1", "Dee Deputy"));
        next.History[^1].What.Should().Be("assigned to Dee Deputy");
    }

    [Theory]
    [InlineData("teacher-1")]
    [InlineData("")]
    [InlineData(null)]
    public void Assigning_to_someone_outside_the_team_is_refused(string? assignee)
    {
        Reported().Assign(Dsl, Team, assignee, At).Refusal.Should().Be(IncidentRefusal.AssigneeNotInTeam);
    }

    [Fact]
    public void Escalating_keeps_the_target_and_the_trimmed_note()
    {
        var next = Reported(IncidentState.Assigned).Escalate(Dsl, Team, EscalationTarget.Police, "  Called 101, ref 42.  ", At).Next!;

        next.State.Should().Be(IncidentState.Escalated);
        next.EscalatedTo.Should().Be(EscalationTarget.Police);
        next.EscalationNote.Should().Be("Called 101, ref 42.");
    }

    [Fact]
    public void Escalating_to_a_target_that_is_not_defined_is_refused()
    {
        Reported().Escalate(Dsl, Team, (EscalationTarget)99, "note", At).Refusal.Should().Be(IncidentRefusal.UnknownEscalationTarget);
    }

    [Theory]
    [InlineData(null, IncidentRefusal.EmptyNote)]
    [InlineData("   ", IncidentRefusal.EmptyNote)]
    [InlineData("LONG", IncidentRefusal.NoteTooLong)]
    public void Escalating_without_a_usable_note_is_refused(string? note, IncidentRefusal refusal)
    {
        var text = note == "LONG" ? new string('n', Incident.MaxNoteLength + 1) : note;

        Reported().Escalate(Dsl, Team, EscalationTarget.Headteacher, text, At).Refusal.Should().Be(refusal);
    }

    [Theory]
    [InlineData(null, IncidentRefusal.EmptyOutcome)]
    [InlineData(" \n ", IncidentRefusal.EmptyOutcome)]
    [InlineData("LONG", IncidentRefusal.OutcomeTooLong)]
    public void Closing_without_a_usable_outcome_is_refused(string? outcome, IncidentRefusal refusal)
    {
        var text = outcome == "LONG" ? new string('o', Incident.MaxOutcomeLength + 1) : outcome;

        Reported().Close(Dsl, Team, text, At).Refusal.Should().Be(refusal);
    }

    [Fact]
    public void An_outcome_of_exactly_the_maximum_length_closes_the_report()
    {
        var next = Reported().Close(Dsl, Team, new string('o', Incident.MaxOutcomeLength), At).Next!;

        next.State.Should().Be(IncidentState.Closed);
        next.ClosedAt.Should().Be(At);
        next.Outcome.Should().HaveLength(Incident.MaxOutcomeLength);
    }

    [Fact]
    public void The_history_keeps_the_latest_lines_only()
    {
        var incident = Reported(IncidentState.Acknowledged);
        for (var i = 0; i < Incident.MaxHistory + 5; i++)
            incident = incident.Assign(Dsl, Team, i % 2 == 0 ? "deputy-1" : "dsl-1", At.AddMinutes(i)).Next!;

        incident.History.Should().HaveCount(Incident.MaxHistory);
        incident.History[^1].At.Should().Be(At.AddMinutes(Incident.MaxHistory + 4));
        incident.Revision.Should().Be(1 + Incident.MaxHistory + 5);
    }
}
