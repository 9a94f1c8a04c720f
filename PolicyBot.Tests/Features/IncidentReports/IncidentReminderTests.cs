using System.Net;
using System.Text.Json;
using PolicyBot.BotFramework.Schema;
using PolicyBot.Cards;
using PolicyBot.Cards.Incidents;
using PolicyBot.Features.IncidentReports;
using PolicyBot.Storage.Tables;
using PolicyBot.Tests.Infrastructure;
using PolicyBot.Workflow;
using static PolicyBot.Tests.Features.IncidentReports.IncidentsInTeamsFixture;
using static PolicyBot.Tests.Features.PolicyQuestions.AskCards;

namespace PolicyBot.Tests.Features.IncidentReports;

/// <summary>A report not acknowledged within the school's hours (24 at the demo school) is brought back to the DSL team, once.</summary>
public sealed class IncidentReminderTests(IncidentsInTeamsFixture fixture) : IClassFixture<IncidentsInTeamsFixture>
{
    async Task<(string Id, JsonElement InboxCard)> ReportAsync()
    {
        var activity = TestActivities.CardAction(fixture.Connector.ServiceUrl, Verbs.IncidentSubmit, new Dictionary<string, string>
        {
            ["school"] = SchoolId,
            [InputIds.IncidentCategory] = nameof(IncidentCategory.StaffConduct),
            [InputIds.IncidentWhat] = "Reminder test " + Guid.NewGuid().ToString("N"),
        }, replyToId: TestActivities.NewId());
        (await fixture.PostAsync(activity)).Status.Should().Be(HttpStatusCode.OK);
        await fixture.DispatchAsync();
        // The new report's post to the inbox (an earlier test's card updates may be delivered in the same pass).
        var card = CardOf(fixture.Connector.Requests.Last(r => r.Method == "POST" && r.RawPath.Contains(Uri.EscapeDataString(InboxChannel), StringComparison.Ordinal)).Json);
        fixture.Connector.Clear();
        return (ActionData(card, Verbs.IncidentAcknowledge)!.Value.GetProperty("id").GetString()!, card);
    }

    [Fact]
    public async Task A_report_waiting_longer_than_the_school_allows_is_sent_to_each_dsl_again_once()
    {
        var waiting = await ReportAsync();
        var acknowledged = await ReportAsync();
        var dsl = TestActivities.CardAction(fixture.Connector.ServiceUrl, Verbs.IncidentAcknowledge, ActionData(acknowledged.InboxCard, Verbs.IncidentAcknowledge)!.Value);
        dsl.From = new ChannelAccount { Id = "29:dsl", Name = "Dana DSL", AadObjectId = Dsl };
        (await fixture.PostAsync(dsl)).Status.Should().Be(HttpStatusCode.OK);
        await fixture.DispatchAsync();
        fixture.Connector.Clear();

        var early = await fixture.RemindAsync();
        fixture.Clock.Advance(TimeSpan.FromHours(24) + TimeSpan.FromMinutes(1));
        var due = await fixture.RemindAsync();
        await fixture.DispatchAsync();
        var again = await fixture.RemindAsync();

        early.Should().Be(0, "24 hours have not passed");
        due.Should().Be(1, "only the unacknowledged report is overdue");
        again.Should().Be(0, "a report is reminded about once");
        var posts = fixture.Connector.Requests.Where(r => r.Method == "POST").ToList();
        posts.Select(r => Uri.UnescapeDataString(r.RawPath.Split('/')[3])).Should().BeEquivalentTo(DslTeamChats);
        posts.Should().OnlyContain(p => ActionData(CardOf(p.Json), Verbs.IncidentAcknowledge)!.Value.GetProperty("id").GetString() == waiting.Id);
        var audit = await fixture.Incidents.QueryAsync<AuditEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {waiting.Id}") + " and " + WorkflowRows.StartingWith(WorkflowRows.AuditPrefix)).ToListAsync();
        audit.Select(a => a.Action).Should().Contain("reminded");

        // The reminder changed the row but not what the card shows: the card sent before it still acknowledges.
        var late = TestActivities.CardAction(fixture.Connector.ServiceUrl, Verbs.IncidentAcknowledge, ActionData(waiting.InboxCard, Verbs.IncidentAcknowledge)!.Value);
        late.From = new ChannelAccount { Id = "29:dsl", Name = "Dana DSL", AadObjectId = Dsl };
        var answer = await fixture.PostAsync(late);
        Texts(answer.Body.GetProperty("value")).Should().Contain("Acknowledged");
        (await fixture.Incidents.GetEntityAsync<IncidentEntity>(waiting.Id, WorkflowRows.State)).Value.State.Should().Be(IncidentState.Acknowledged);
    }

    [Fact]
    public async Task An_acknowledgement_that_meets_the_reminders_write_is_made_again_and_kept()
    {
        var report = await ReportAsync();
        fixture.Clock.Advance(TimeSpan.FromHours(25));
        var reminded = 0;
        // The reminder pass writes the report between the DSL's read and their conditional write.
        fixture.Tables.BeforeNextTransaction = async () => reminded = await fixture.RemindAsync();

        var click = TestActivities.CardAction(fixture.Connector.ServiceUrl, Verbs.IncidentAcknowledge, ActionData(report.InboxCard, Verbs.IncidentAcknowledge)!.Value);
        click.From = new ChannelAccount { Id = "29:dsl", Name = "Dana DSL", AadObjectId = Dsl };
        var answer = await fixture.PostAsync(click);
        await fixture.DispatchAsync();
        fixture.Connector.Clear();

        reminded.Should().Be(1, "the reminder's write came first");
        Texts(answer.Body.GetProperty("value")).Should().Contain("Acknowledged");
        var state = (await fixture.Incidents.GetEntityAsync<IncidentEntity>(report.Id, WorkflowRows.State)).Value;
        state.State.Should().Be(IncidentState.Acknowledged);
        state.Revision.Should().Be(2);
        state.ReminderSentAt.Should().NotBeNull("the reminder's write is kept too");
    }
}
