using System.Text.Json;
using PolicyBot.Cards;
using PolicyBot.Cards.Incidents;
using PolicyBot.Features.IncidentReports;
using PolicyBot.Storage.Tables;
using PolicyBot.Tests.Infrastructure;

namespace PolicyBot.Tests.Cards.Incidents;

public sealed class IncidentInboxCardTests
{
    static readonly IncidentInboxCardData New = CardSamples.InboxNew;

    [Theory]
    [InlineData(IncidentState.New, new[] { Verbs.IncidentAcknowledge, Verbs.IncidentAssign, Verbs.IncidentEscalate, Verbs.IncidentClose })]
    [InlineData(IncidentState.Acknowledged, new[] { Verbs.IncidentAssign, Verbs.IncidentEscalate, Verbs.IncidentClose })]
    [InlineData(IncidentState.Assigned, new[] { Verbs.IncidentAssign, Verbs.IncidentEscalate, Verbs.IncidentClose })]
    [InlineData(IncidentState.Escalated, new[] { Verbs.IncidentAssign, Verbs.IncidentClose })]
    [InlineData(IncidentState.Closed, new string[0])]
    public void Only_the_actions_valid_in_the_state_are_offered(IncidentState state, string[] verbs)
    {
        var card = new CardInspector(IncidentInboxCard.Build(New with { State = state }));

        card.Verbs().Should().Equal(verbs);
        IncidentInboxCard.VerbsFor(state).Should().Equal(verbs);
    }

    [Fact]
    public void Assign_offers_the_DSL_team_by_their_ids()
    {
        var card = new CardInspector(IncidentInboxCard.Build(New));

        var choices = card.Input(InputIds.AssignTo).GetProperty("choices").EnumerateArray().Select(c => c.GetProperty("value").GetString());
        choices.Should().Equal(New.Team.Select(m => m.UserId));
    }

    [Fact]
    public void Escalate_and_close_require_a_note_and_an_outcome()
    {
        var card = new CardInspector(IncidentInboxCard.Build(New));

        card.Input(InputIds.EscalateTo).GetProperty("isRequired").GetBoolean().Should().BeTrue();
        card.Input(InputIds.EscalateNote).GetProperty("isRequired").GetBoolean().Should().BeTrue();
        card.Input(InputIds.CloseOutcome).GetProperty("isRequired").GetBoolean().Should().BeTrue();
    }

    [Fact]
    public void The_DSL_sees_the_details_urgency_and_history()
    {
        var card = new CardInspector(IncidentInboxCard.Build(New));

        card.Texts()[0].Should().Be("Urgent · New");
        card.Texts().Should().Contain(New.WhatHappened).And.Contain(New.Where!);
        card.Texts().Should().Contain(t => t.EndsWith("Priya Shah: Reported", StringComparison.Ordinal));
    }

    [Fact]
    public void An_open_report_refreshes_for_the_DSL_team_and_a_closed_one_shows_its_outcome()
    {
        new CardInspector(IncidentInboxCard.Build(New)).HasRefresh.Should().BeTrue();

        var closed = new CardInspector(IncidentInboxCard.Build(New with { State = IncidentState.Closed, Outcome = "Parents informed; account blocked." }));
        closed.HasRefresh.Should().BeFalse();
        closed.Texts().Should().Contain("Parents informed; account blocked.");
    }

    [Fact]
    public void No_row_of_buttons_holds_more_than_three_so_titles_fit_a_phone()
    {
        var card = new CardInspector(IncidentInboxCard.Build(New));

        card.OfType("ActionSet").Should().OnlyContain(set => set.GetProperty("actions").GetArrayLength() <= 3);
    }

    /// <summary>
    /// The worst case an inbox card row must hold: every text (the escalation note too) at its limit in a script JSON cannot write as ASCII, names
    /// at their limit, twelve history lines at theirs, and the whole team (as many as a report goes to) in the assign list.
    /// </summary>
    [Theory]
    [InlineData(IncidentState.New)]
    [InlineData(IncidentState.Closed)]
    public void The_largest_inbox_card_in_any_script_fits_in_a_table_row(IncidentState state)
    {
        var name = LongText.NonLatin(Incident.MaxNameLength);
        var largest = New with
        {
            State = state,
            ReportedBy = name,
            WhatHappened = LongText.NonLatin(Incident.MaxWhatHappenedLength),
            Where = LongText.NonLatin(Incident.MaxWhereLength),
            PeopleInvolved = LongText.NonLatin(Incident.MaxPeopleInvolvedLength),
            Outcome = LongText.NonLatin(Incident.MaxOutcomeLength),
            EscalatedTo = EscalationTarget.ChildrensSocialCare,
            EscalationNote = LongText.NonLatin(Incident.MaxNoteLength),
            AssignedTo = name,
            History = Enumerable.Range(0, Incident.MaxHistory).Select(i => new IncidentHistoryEntry(New.ReportedAt.AddHours(i), name, LongText.Emoji(Incident.MaxEventLength))).ToList(),
            Team = Enumerable.Range(0, IncidentReportsHandler.MaxRecipients).Select(i => new DslMember(Guid.NewGuid().ToString(), name)).ToList(),
            RefreshUserIds = Enumerable.Range(0, 60).Select(i => Guid.NewGuid().ToString()).ToList(),
        };

        var json = IncidentInboxCard.Build(largest).ToJson();
        // POLICYBOT_PRINT_SIZES=<file> writes the figures (and what the default encoder would make of the same card).
        if (Environment.GetEnvironmentVariable("POLICYBOT_PRINT_SIZES") is { Length: > 0 } sizes)
            File.AppendAllText(sizes, $"inbox card {state}: {json.Length} chars; with the default encoder {JsonSerializer.Serialize(IncidentInboxCard.Build(largest), new JsonSerializerOptions(PolicyBot.Cards.AdaptiveCards.CardJson.Options) { Encoder = null }).Length}\n");

        json.Length.Should().BeLessThanOrEqualTo(TableConstants.MaxStringChars);
    }
}
