using PolicyBot.Cards.Incidents;
using PolicyBot.Features.IncidentReports;
using PolicyBot.Storage.Tables;
using PolicyBot.Tests.Infrastructure;

namespace PolicyBot.Tests.Features.IncidentReports;

public sealed class IncidentEntityTests
{
    static readonly DateTimeOffset At = new(2026, 2, 3, 9, 30, 0, TimeSpan.Zero);

    [Fact]
    public void A_report_at_every_limit_with_its_longest_history_in_any_script_fits_in_a_table_row()
    {
        var name = LongText.NonLatin(Incident.MaxNameLength);
        var incident = Incident.Report("inc-0123456789abcdef0123456789abcdef", "oakfield-primary", "tenant", "INC-2026-0001",
            new ValidReport(IncidentCategory.OnlineAbuseOfStaff, LongText.NonLatin(Incident.MaxWhatHappenedLength), new DateOnly(2026, 2, 1),
                LongText.NonLatin(Incident.MaxWhereLength), LongText.NonLatin(Incident.MaxPeopleInvolvedLength), Urgent: true),
            new Actor("teacher-1", name), At) with
        {
            State = IncidentState.Closed,
            AssignedTo = new Actor("dsl-1", name),
            EscalatedTo = EscalationTarget.Lado,
            EscalationNote = LongText.NonLatin(Incident.MaxNoteLength),
            Outcome = LongText.NonLatin(Incident.MaxOutcomeLength),
            // A report reassigned again and again: every line at its longest.
            History = Enumerable.Range(0, Incident.MaxHistory).Select(i => new IncidentEvent(At.AddHours(i), name, LongText.Emoji(Incident.MaxEventLength))).ToList(),
        };

        var entity = IncidentEntity.From(incident);

        entity.History.Length.Should().BeLessThanOrEqualTo(TableConstants.MaxStringChars);
        FluentActions.Invoking(() => TableRules.PropertiesOf(entity)).Should().NotThrow();
        entity.ToRecord().History.Should().BeEquivalentTo(incident.History);
    }
}
