using PolicyBot.Cards;
using PolicyBot.Cards.Incidents;
using PolicyBot.Features.IncidentReports;
using PolicyBot.Tests.Infrastructure;
using PolicyBot.Workflow;
using static PolicyBot.Tests.Features.IncidentReports.IncidentsInTeamsFixture;
using static PolicyBot.Tests.Features.PolicyQuestions.AskCards;

namespace PolicyBot.Tests.Features.IncidentReports;

/// <summary>
/// Reports written in any script: every text at its longest, in Urdu, Arabic, Polish and emoji (which take the most
/// room once escaped), goes all the way through and reaches the DSL team exactly as typed.
/// </summary>
public sealed partial class IncidentReportsHandlerTests
{
    [Fact]
    public async Task A_report_at_every_maximum_in_non_latin_script_and_emoji_goes_through_to_its_close_intact()
    {
        var what = LongText.NonLatin(Incident.MaxWhatHappenedLength, NewMarker());
        var where = LongText.NonLatin(Incident.MaxWhereLength);
        var people = LongText.NonLatin(Incident.MaxPeopleInvolvedLength);
        var note = LongText.NonLatin(Incident.MaxNoteLength);
        var outcome = LongText.NonLatin(Incident.MaxOutcomeLength);
        var reporterName = LongText.NonLatin(Incident.MaxNameLength);
        var dslName = LongText.NonLatin(Incident.MaxNameLength);
        string[] copies = [InboxChannel, .. DslTeamChats];
        var form = await OpenFormAsync();

        var receipt = ShouldBeCard(await InvokeAsync(Verbs.IncidentSubmit, With(ActionData(form, Verbs.IncidentSubmit)!.Value,
        [
            (InputIds.IncidentCategory, nameof(IncidentCategory.InappropriateContactFromPupil)),
            (InputIds.IncidentWhat, what),
            (InputIds.IncidentWhere, where),
            (InputIds.IncidentPeople, people),
            (InputIds.IncidentUrgent, "true"),
        ]), Reporter, reporterName));
        var reference = ReferencePattern().Match(Texts(receipt)).Value;
        reference.Should().NotBeEmpty(Texts(receipt));

        (await _fixture.DispatchAsync()).Should().Be(3);
        var posts = _connector.Requests.Where(r => r.Method == "POST").ToList();
        posts.Select(ConversationOf).Should().BeEquivalentTo(copies);
        foreach (var post in posts)
            Texts(CardOf(post.Json)).Should().Contain(what).And.Contain(where).And.Contain(people).And.Contain(reporterName);
        var card = CardOf(posts[0].Json);
        var id = ActionData(card, Verbs.IncidentAcknowledge)!.Value.GetProperty("id").GetString()!;
        _connector.Clear();

        card = await DecideAsync(card, Verbs.IncidentAcknowledge, Dsl, dslName);
        ShouldHaveUpdatedEveryCopy(copies, "Acknowledged");

        card = await DecideAsync(card, Verbs.IncidentEscalate, Dsl, dslName, (InputIds.EscalateTo, nameof(EscalationTarget.Lado)), (InputIds.EscalateNote, note));
        ShouldHaveUpdatedEveryCopy(copies, note[..200]);

        card = await DecideAsync(card, Verbs.IncidentClose, Dsl, dslName, (InputIds.CloseOutcome, outcome));
        Texts(card).Should().Contain(outcome);
        var updates = _connector.Requests.Where(r => r.Method == "PUT").ToList();
        updates.Select(ConversationOf).Should().BeEquivalentTo(copies);
        foreach (var update in updates)
            Texts(CardOf(update.Json)).Should().Contain(outcome).And.Contain(what).And.Contain(where).And.Contain(people).And.Contain(dslName);
        var toReporter = _connector.Requests.Should().ContainSingle(r => r.Method == "POST").Subject;
        ConversationOf(toReporter).Should().Be(TestActivities.PersonalConversationId);
        Texts(CardOf(toReporter.Json)).Should().Contain(reference).And.Contain("Closed");

        var state = await StateAsync(id);
        state.State.Should().Be(IncidentState.Closed);
        (state.WhatHappened, state.Where, state.PeopleInvolved, state.EscalationNote, state.Outcome).Should().Be((what, where, people, note, outcome));
        (await RowsAsync<OutboxEntity>(id, WorkflowRows.OutboxPrefix)).Should().BeEmpty("everything was delivered, nothing is left to retry");
        _connector.Clear();
    }
}
