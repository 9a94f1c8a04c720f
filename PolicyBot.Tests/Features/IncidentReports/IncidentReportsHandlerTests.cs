using Microsoft.Extensions.DependencyInjection;
using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
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

/// <summary>
/// Reporting a concern through the real app: the form only in the reporter's 1:1 chat, the report to the DSL inbox
/// channel and each DSL's chat, a receipt without details for the reporter, and the DSL team's decisions updating
/// every copy. Details never reach anyone else, nor the logs.
/// </summary>
public sealed partial class IncidentReportsHandlerTests : IClassFixture<IncidentsInTeamsFixture>
{
    const string Reporter = TestActivities.UserAadObjectId;

    readonly IncidentsInTeamsFixture _fixture;
    readonly LocalConnector _connector;

    public IncidentReportsHandlerTests(IncidentsInTeamsFixture fixture)
    {
        _fixture = fixture;
        _connector = fixture.Connector;
        _connector.Clear();
    }

    sealed record Reported(string IncidentId, string Reference, string Marker, JsonElement InboxCard);

    static string NewMarker() => "MARKER-" + Guid.NewGuid().ToString("N");

    static Activity As(Activity activity, string aadObjectId, string name)
    {
        activity.From = new ChannelAccount { Id = "29:" + aadObjectId, Name = name, AadObjectId = aadObjectId };
        if (aadObjectId is Dsl or DeputyDsl)
            activity.Conversation!.Id = ChatOf(aadObjectId);
        return activity;
    }

    Task<(HttpStatusCode Status, JsonElement Body)> InvokeAsync(string verb, object data, string aadObjectId = Reporter, string name = "Alex Wilber", string? replyToId = null) =>
        _fixture.PostAsync(As(TestActivities.CardAction(_connector.ServiceUrl, verb, data, replyToId ?? TestActivities.NewId()), aadObjectId, name));

    Task<(HttpStatusCode Status, JsonElement Body)> SayAsync(string text, string aadObjectId = Reporter, string name = "Alex Wilber") =>
        _fixture.PostAsync(As(TestActivities.Message(_connector.ServiceUrl, text), aadObjectId, name));

    static JsonElement ShouldBeCard((HttpStatusCode Status, JsonElement Body) response)
    {
        response.Status.Should().Be(HttpStatusCode.OK, response.Body.ToString());
        response.Body.GetProperty("statusCode").GetInt32().Should().Be(200, response.Body.ToString());
        response.Body.GetProperty("type").GetString().Should().Be(AdaptiveCardInvokeResponse.CardType);
        return response.Body.GetProperty("value");
    }

    static string ShouldBeMessage((HttpStatusCode Status, JsonElement Body) response)
    {
        response.Status.Should().Be(HttpStatusCode.OK, response.Body.ToString());
        response.Body.GetProperty("type").GetString().Should().Be(AdaptiveCardInvokeResponse.MessageType, response.Body.ToString());
        return response.Body.GetProperty("value").GetString()!;
    }

    static string ShouldBeError((HttpStatusCode Status, JsonElement Body) response, int status)
    {
        response.Status.Should().Be(HttpStatusCode.OK, response.Body.ToString());
        response.Body.GetProperty("statusCode").GetInt32().Should().Be(status, response.Body.ToString());
        response.Body.GetProperty("type").GetString().Should().Be(AdaptiveCardInvokeResponse.ErrorType);
        return response.Body.GetProperty("value").GetProperty("message").GetString()!;
    }

    /// <summary>What Action.Execute sends: the button's data with the card's inputs merged in.</summary>
    static JsonObject With(JsonElement data, params (string Id, string? Value)[] inputs)
    {
        var merged = JsonNode.Parse(data.GetRawText())!.AsObject();
        foreach (var (id, value) in inputs)
            merged[id] = value;
        return merged;
    }

    static (string, string?)[] FormInputs(string what, string category = nameof(IncidentCategory.InappropriateContactFromPupil), string urgent = "false") =>
    [
        (InputIds.IncidentCategory, category),
        (InputIds.IncidentWhat, what),
        (InputIds.IncidentWhen, DateTime.UtcNow.AddDays(-2).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)),
        (InputIds.IncidentWhere, "Instagram direct messages"),
        (InputIds.IncidentPeople, "A Year 9 pupil"),
        (InputIds.IncidentUrgent, urgent),
    ];

    /// <summary>The inbox channel with these members until disposed; then the DSL team alone again, and nothing recorded.</summary>
    Restore InboxMembers(params string[] members)
    {
        _connector.SetMembers(InboxChannel, members);
        return new Restore(() =>
        {
            _connector.SetMembers(InboxChannel, Dsl, DeputyDsl);
            _connector.Clear();
        });
    }

    sealed class Restore(Action restore) : IDisposable
    {
        public void Dispose() => restore();
    }

    static string ConversationOf(RecordedRequest request) => Uri.UnescapeDataString(request.RawPath.Split('/')[3]);

    async Task<JsonElement> OpenFormAsync()
    {
        (await SayAsync("report a concern")).Status.Should().Be(HttpStatusCode.OK);
        var sent = _connector.Requests.Should().ContainSingle().Subject;
        ConversationOf(sent).Should().Be(TestActivities.PersonalConversationId);
        _connector.Clear();
        return CardOf(sent.Json);
    }

    /// <summary>Opens the form, sends a valid report and delivers it; returns the report and the DSL inbox card.</summary>
    async Task<Reported> ReportAsync(string? marker = null, string urgent = "false")
    {
        marker ??= NewMarker();
        var form = await OpenFormAsync();
        var receipt = ShouldBeCard(await InvokeAsync(Verbs.IncidentSubmit, With(ActionData(form, Verbs.IncidentSubmit)!.Value, FormInputs($"A pupil sent messages. {marker}", urgent: urgent))));
        var reference = ReferencePattern().Match(Texts(receipt)).Value;
        reference.Should().NotBeEmpty(Texts(receipt));
        await _fixture.DispatchAsync();
        var inbox = _connector.Requests.Where(r => r.Method == "POST" && ConversationOf(r) == InboxChannel).Select(r => CardOf(r.Json)).Single();
        var id = ActionData(inbox, Verbs.IncidentAcknowledge)!.Value.GetProperty("id").GetString()!;
        _connector.Clear();
        return new Reported(id, reference, marker, inbox);
    }

    async Task<IncidentEntity> StateAsync(string id) => (await _fixture.Incidents.GetEntityAsync<IncidentEntity>(id, WorkflowRows.State)).Value;

    async Task<List<T>> RowsAsync<T>(string id, string prefix) where T : class, ITableEntity, new() =>
        await _fixture.Incidents.QueryAsync<T>(TableClient.CreateQueryFilter($"PartitionKey eq {id}") + " and " + WorkflowRows.StartingWith(prefix)).ToListAsync();

    /// <summary>A DSL's click on the current inbox card (version included), with the inputs of the action's sub-card.</summary>
    async Task<JsonElement> DecideAsync(JsonElement card, string verb, string by, string name, params (string, string?)[] inputs)
    {
        var updated = ShouldBeCard(await InvokeAsync(verb, With(ActionData(card, verb)!.Value, inputs), by, name));
        await _fixture.DispatchAsync();
        return updated;
    }

    [GeneratedRegex(@"INC-\d{4}-\d{4}")]
    private static partial Regex ReferencePattern();

    [Fact]
    public async Task Report_a_concern_in_the_1to1_chat_opens_the_form_there()
    {
        var form = await OpenFormAsync();

        Texts(form).Should().Contain(CardText.ReportConcernHeading).And.Contain(CardText.ImmediateDanger);
        ActionData(form, Verbs.IncidentSubmit)!.Value.GetProperty("school").GetString().Should().Be(SchoolId);
    }

    [Fact]
    public async Task Report_a_concern_in_a_channel_sends_the_form_to_the_1to1_chat_and_nothing_revealing_to_the_channel()
    {
        var response = await _fixture.PostAsync(TestActivities.ChannelMention(_connector.ServiceUrl, "report a concern"));

        response.Status.Should().Be(HttpStatusCode.OK);
        var requests = _connector.Requests;
        requests.Should().HaveCount(2);
        var inChannel = requests.Should().ContainSingle(r => ConversationOf(r).StartsWith("19:general-channel", StringComparison.Ordinal)).Subject;
        inChannel.Json.TryGetProperty("attachments", out _).Should().BeFalse("no card, let alone a form, goes to the channel");
        inChannel.Json.GetProperty("text").GetString().Should().Be("I've sent you a private message.");
        var inChat = requests.Should().ContainSingle(r => ConversationOf(r) == TestActivities.PersonalConversationId).Subject;
        ActionData(CardOf(inChat.Json), Verbs.IncidentSubmit).Should().NotBeNull();
    }

    [Fact]
    public async Task Pressing_report_a_concern_on_a_card_in_the_1to1_chat_sends_the_form_as_a_new_message()
    {
        var response = await InvokeAsync(Verbs.IncidentNew, new { school = SchoolId });

        ShouldBeMessage(response).Should().Contain("form");
        var sent = _connector.Requests.Should().ContainSingle().Subject;
        ConversationOf(sent).Should().Be(TestActivities.PersonalConversationId);
        ActionData(CardOf(sent.Json), Verbs.IncidentSubmit).Should().NotBeNull();
    }

    [Fact]
    public async Task A_report_with_missing_fields_comes_back_as_the_form_with_the_draft_and_the_problem()
    {
        var form = await OpenFormAsync();
        var draft = "Half-written account " + NewMarker();

        var response = await InvokeAsync(Verbs.IncidentSubmit, With(ActionData(form, Verbs.IncidentSubmit)!.Value,
            (InputIds.IncidentWhat, draft), (InputIds.IncidentWhere, "Snapchat")));

        var again = ShouldBeCard(response);
        Texts(again).Should().Contain("Choose what kind of concern it is.");
        again.GetRawText().Should().Contain(draft).And.Contain("Snapchat");
        ActionData(again, Verbs.IncidentSubmit).Should().NotBeNull();
        (await _fixture.DispatchAsync()).Should().Be(0, "nothing was sent to anyone");
        _connector.Requests.Should().BeEmpty();
    }

    [Fact]
    public async Task A_valid_report_reaches_the_dsl_inbox_channel_and_each_dsl_and_the_reporter_gets_a_receipt_without_details()
    {
        var marker = NewMarker();
        var form = await OpenFormAsync();

        var response = await InvokeAsync(Verbs.IncidentSubmit, With(ActionData(form, Verbs.IncidentSubmit)!.Value, FormInputs($"Messages from a pupil {marker}", urgent: "true")));

        var receipt = ShouldBeCard(response);
        Texts(receipt).Should().Contain("Received").And.MatchRegex(ReferencePattern().ToString());
        receipt.GetRawText().Should().NotContain(marker).And.NotContain("Instagram").And.NotContain("Year 9");
        ActionData(receipt, Verbs.IncidentAcknowledge).Should().BeNull();

        var delivered = await _fixture.DispatchAsync();

        delivered.Should().Be(3);
        var posts = _connector.Requests.Where(r => r.Method == "POST").ToList();
        posts.Select(ConversationOf).Should().BeEquivalentTo([InboxChannel, .. DslTeamChats]);
        foreach (var post in posts)
        {
            var card = CardOf(post.Json);
            Texts(card).Should().Contain(marker).And.Contain("Alex Wilber").And.Contain("Urgent");
            ActionData(card, Verbs.IncidentAcknowledge).Should().NotBeNull();
        }
        var id = ActionData(CardOf(posts[0].Json), Verbs.IncidentAcknowledge)!.Value.GetProperty("id").GetString()!;
        var state = await StateAsync(id);
        state.State.Should().Be(IncidentState.New);
        state.ReportedBy.Should().Be(Reporter);
        state.Urgent.Should().BeTrue();
        (await RowsAsync<CardCopyEntity>(id, WorkflowRows.CopyPrefix)).Select(c => c.ConversationId).Should().BeEquivalentTo([InboxChannel, .. DslTeamChats]);
        (await RowsAsync<AuditEntity>(id, WorkflowRows.AuditPrefix)).Should().ContainSingle().Which.Action.Should().Be("reported");
    }

    [Fact]
    public async Task The_same_form_sent_twice_makes_one_report()
    {
        var form = await OpenFormAsync();
        var data = With(ActionData(form, Verbs.IncidentSubmit)!.Value, FormInputs("Sent twice " + NewMarker()));

        var first = ShouldBeCard(await InvokeAsync(Verbs.IncidentSubmit, data, replyToId: "form-sent-twice"));
        var second = ShouldBeCard(await InvokeAsync(Verbs.IncidentSubmit, data, replyToId: "form-sent-twice"));

        var reference = ReferencePattern().Match(Texts(first)).Value;
        ReferencePattern().Match(Texts(second)).Value.Should().Be(reference);
        (await _fixture.DispatchAsync()).Should().Be(3, "one report: the channel and two DSLs");

        // The second send took no number: the next report has the one after.
        _connector.Clear();
        var next = ShouldBeCard(await InvokeAsync(Verbs.IncidentSubmit, With(ActionData(await OpenFormAsync(), Verbs.IncidentSubmit)!.Value, FormInputs("Next " + NewMarker())), replyToId: "form-after-twice"));
        var number = int.Parse(reference[^4..], System.Globalization.CultureInfo.InvariantCulture);
        ReferencePattern().Match(Texts(next)).Value.Should().Be($"{reference[..^4]}{number + 1:D4}");
        await _fixture.DispatchAsync();
        _connector.Clear();
    }

    [Fact]
    public async Task The_details_reach_only_the_dsl_team_and_never_a_log_line()
    {
        var marker = NewMarker();
        var outcomeMarker = NewMarker();
        var noteMarker = NewMarker();
        var report = await ReportAsync(marker);
        var card = await DecideAsync(report.InboxCard, Verbs.IncidentAcknowledge, Dsl, "Dana DSL");
        card = await DecideAsync(card, Verbs.IncidentEscalate, Dsl, "Dana DSL", (InputIds.EscalateTo, nameof(EscalationTarget.Headteacher)), (InputIds.EscalateNote, noteMarker));
        await DecideAsync(card, Verbs.IncidentClose, DeputyDsl, "Dee Deputy", (InputIds.CloseOutcome, outcomeMarker));

        var everything = _connector.Requests;
        everything.Should().Contain(r => ConversationOf(r) == TestActivities.PersonalConversationId, "the reporter is told the report is closed");
        foreach (var request in everything.Where(r => r.Body.Contains(marker, StringComparison.Ordinal) || r.Body.Contains(outcomeMarker, StringComparison.Ordinal) || r.Body.Contains(noteMarker, StringComparison.Ordinal)))
            ConversationOf(request).Should().BeOneOf([InboxChannel, .. DslTeamChats]);
        everything.Where(r => ConversationOf(r) == TestActivities.PersonalConversationId).Should().OnlyContain(r => !r.Body.Contains("MARKER-", StringComparison.Ordinal));
        _fixture.Logs.Lines.Should().NotContain(l => l.Message.Contains(marker, StringComparison.Ordinal)
                                                     || l.Message.Contains(outcomeMarker, StringComparison.Ordinal)
                                                     || l.Message.Contains(noteMarker, StringComparison.Ordinal));
        _fixture.Logs.Lines.Should().Contain(l => l.Message.Contains(report.Reference, StringComparison.Ordinal), "the log says what happened by reference");
        (await RowsAsync<AuditEntity>(report.IncidentId, WorkflowRows.AuditPrefix))
            .Should().OnlyContain(a => a.Note == null || !a.Note.Contains("MARKER-", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Someone_outside_the_dsl_team_cannot_acknowledge_and_nothing_changes()
    {
        var report = await ReportAsync();

        var response = await InvokeAsync(Verbs.IncidentAcknowledge, ActionData(report.InboxCard, Verbs.IncidentAcknowledge)!.Value, ComputingCoordinator, "Casey Computing");

        ShouldBeError(response, 403).Should().Contain("safeguarding team");
        response.Body.GetRawText().Should().NotContain(report.Marker);
        var state = await StateAsync(report.IncidentId);
        state.State.Should().Be(IncidentState.New);
        state.Revision.Should().Be(1);
        (await RowsAsync<OutboxEntity>(report.IncidentId, WorkflowRows.OutboxPrefix)).Should().BeEmpty();
    }

    [Fact]
    public async Task The_dsl_team_acknowledges_assigns_escalates_and_closes_and_every_copy_follows()
    {
        var report = await ReportAsync();
        string[] copies = [InboxChannel, .. DslTeamChats];

        var card = await DecideAsync(report.InboxCard, Verbs.IncidentAcknowledge, Dsl, "Dana DSL");
        Texts(card).Should().Contain("Acknowledged");
        ActionData(card, Verbs.IncidentAcknowledge).Should().BeNull("a report is acknowledged once");
        ShouldHaveUpdatedEveryCopy(copies, "Acknowledged");

        card = await DecideAsync(card, Verbs.IncidentAssign, Dsl, "Dana DSL", (InputIds.AssignTo, DeputyDsl));
        Texts(card).Should().Contain("Assigned to Deputy DSL");
        ShouldHaveUpdatedEveryCopy(copies, "Assigned to Deputy DSL");
        (await StateAsync(report.IncidentId)).AssignedTo.Should().Be(DeputyDsl);

        card = await DecideAsync(card, Verbs.IncidentEscalate, DeputyDsl, "Dee Deputy", (InputIds.EscalateTo, nameof(EscalationTarget.Lado)), (InputIds.EscalateNote, "Phoned the LADO."));
        Texts(card).Should().Contain("Escalated to the LADO");
        ActionData(card, Verbs.IncidentEscalate).Should().BeNull();
        ShouldHaveUpdatedEveryCopy(copies, "Escalated to the LADO");

        card = await DecideAsync(card, Verbs.IncidentClose, DeputyDsl, "Dee Deputy", (InputIds.CloseOutcome, "LADO advised no further action."));
        Texts(card).Should().Contain("Closed").And.Contain("LADO advised no further action.");
        ActionData(card, Verbs.IncidentAssign).Should().BeNull();
        ShouldHaveUpdatedEveryCopy(copies, "LADO advised no further action.");
        var toReporter = _connector.Requests.Should().ContainSingle(r => r.Method == "POST").Subject;
        ConversationOf(toReporter).Should().Be(TestActivities.PersonalConversationId);
        Texts(CardOf(toReporter.Json)).Should().Contain(report.Reference).And.Contain("Closed").And.NotContain("LADO");

        var state = await StateAsync(report.IncidentId);
        state.State.Should().Be(IncidentState.Closed);
        state.Revision.Should().Be(5);
        state.Outcome.Should().Be("LADO advised no further action.");
        (await RowsAsync<AuditEntity>(report.IncidentId, WorkflowRows.AuditPrefix)).OrderBy(a => a.RowKey, StringComparer.Ordinal).Select(a => a.Action)
            .Should().Equal("reported", "acknowledged", "assigned", "escalated", "closed");
        (await RowsAsync<OutboxEntity>(report.IncidentId, WorkflowRows.OutboxPrefix)).Should().BeEmpty("everything was delivered");
    }

    [Fact]
    public async Task Someone_taken_out_of_the_dsl_team_has_their_copy_withdrawn_and_sees_none_of_the_later_history()
    {
        var report = await ReportAsync();
        const string WithDeputy = "deputyDsl: [ " + DeputyDsl + " ]";
        await using var restarted = await _fixture.RestartWithSchoolFileAsync(yaml =>
            yaml.Contains(WithDeputy, StringComparison.Ordinal) ? yaml.Replace(WithDeputy, "deputyDsl: []", StringComparison.Ordinal) : throw new InvalidOperationException("The demo school's deputy DSL line changed."));
        // They left the inbox channel too (or the channel would no longer be the team's alone).
        using var inbox = InboxMembers(Dsl);
        var noteMarker = NewMarker();

        var card = await DecideAsync(report.InboxCard, Verbs.IncidentEscalate, Dsl, "Dana DSL",
            (InputIds.EscalateTo, nameof(EscalationTarget.Headteacher)), (InputIds.EscalateNote, noteMarker));

        Texts(card).Should().Contain(noteMarker, "the team still in it sees the note");
        var puts = _connector.Requests.Where(r => r.Method == "PUT").ToList();
        puts.Select(ConversationOf).Should().BeEquivalentTo([InboxChannel, ChatOf(Dsl), ChatOf(DeputyDsl)]);
        foreach (var kept in puts.Where(p => ConversationOf(p) != ChatOf(DeputyDsl)))
            Texts(CardOf(kept.Json)).Should().Contain(noteMarker);
        var withdrawn = puts.Single(p => ConversationOf(p) == ChatOf(DeputyDsl));
        Texts(CardOf(withdrawn.Json)).Should().Contain(report.Reference).And.Contain("no longer");
        withdrawn.Body.Should().NotContain(noteMarker).And.NotContain(report.Marker).And.NotContain("Instagram");
        ActionData(CardOf(withdrawn.Json), Verbs.IncidentAssign).Should().BeNull();

        // Withdrawn once, then never updated again; and their old buttons no longer work.
        _connector.Clear();
        var outcomeMarker = NewMarker();
        await DecideAsync(card, Verbs.IncidentClose, Dsl, "Dana DSL", (InputIds.CloseOutcome, outcomeMarker));
        _connector.Requests.Where(r => r.Method == "PUT").Select(ConversationOf).Should().BeEquivalentTo([InboxChannel, ChatOf(Dsl)]);
        _connector.Requests.Where(r => r.Body.Contains(outcomeMarker, StringComparison.Ordinal)).Select(ConversationOf).Should().NotContain(ChatOf(DeputyDsl));
        (await RowsAsync<CardCopyEntity>(report.IncidentId, WorkflowRows.CopyPrefix)).Select(c => c.ConversationId)
            .Should().BeEquivalentTo([InboxChannel, ChatOf(Dsl)]);
        ShouldBeError(await InvokeAsync(Verbs.IncidentAssign, With(ActionData(report.InboxCard, Verbs.IncidentAssign)!.Value, (InputIds.AssignTo, Dsl)), DeputyDsl, "Dee Deputy"), 403);
    }

    [Fact]
    public async Task A_report_is_not_posted_to_an_inbox_channel_that_has_anyone_outside_the_dsl_team_in_it()
    {
        using var inbox = InboxMembers(Dsl, DeputyDsl, ComputingCoordinator);
        var marker = NewMarker();
        var form = await OpenFormAsync();
        ShouldBeCard(await InvokeAsync(Verbs.IncidentSubmit, With(ActionData(form, Verbs.IncidentSubmit)!.Value, FormInputs($"A pupil sent messages. {marker}"))));
        await _fixture.DispatchAsync();

        _connector.MemberRequests.Should().Contain(r => ConversationOf(r) == InboxChannel, "who is in the channel is checked before posting");
        _connector.Requests.Should().NotContain(r => ConversationOf(r) == InboxChannel);
        _connector.Requests.Where(r => r.Body.Contains(marker, StringComparison.Ordinal)).Select(ConversationOf).Should().BeEquivalentTo(DslTeamChats);
        _fixture.Logs.Lines.Should().Contain(l => l.Message.Contains("1 other member(s)", StringComparison.Ordinal) && l.Message.Contains("DSL inbox", StringComparison.Ordinal));
        _fixture.Logs.Lines.Should().NotContain(l => l.Message.Contains(marker, StringComparison.Ordinal));
    }

    [Fact]
    public async Task When_someone_outside_the_dsl_team_joins_the_inbox_channel_the_next_change_withdraws_the_card_there()
    {
        var report = await ReportAsync();
        using var inbox = InboxMembers(Dsl, DeputyDsl, Governor);
        var noteMarker = NewMarker();
        await DecideAsync(report.InboxCard, Verbs.IncidentEscalate, Dsl, "Dana DSL",
            (InputIds.EscalateTo, nameof(EscalationTarget.Headteacher)), (InputIds.EscalateNote, noteMarker));

        var inChannel = _connector.Requests.Single(r => r.Method == "PUT" && ConversationOf(r) == InboxChannel);
        inChannel.Body.Should().NotContain(noteMarker).And.NotContain(report.Marker);
        Texts(CardOf(inChannel.Json)).Should().Contain(report.Reference).And.Contain("no longer");
        _connector.Requests.Where(r => r.Method == "PUT" && ConversationOf(r) != InboxChannel).Select(ConversationOf).Should().BeEquivalentTo(DslTeamChats);
        _connector.Requests.Where(r => r.Method == "PUT" && ConversationOf(r) != InboxChannel).Should().OnlyContain(r => r.Body.Contains(noteMarker, StringComparison.Ordinal));
        (await RowsAsync<CardCopyEntity>(report.IncidentId, WorkflowRows.CopyPrefix)).Select(c => c.ConversationId).Should().NotContain(InboxChannel);
    }

    [Fact]
    public async Task The_copy_check_withdraws_a_closed_report_from_someone_taken_out_of_the_dsl_team()
    {
        var report = await ReportAsync();
        var outcome = "Closed after a call home. " + NewMarker();
        await DecideAsync(report.InboxCard, Verbs.IncidentClose, Dsl, "Dana DSL", (InputIds.CloseOutcome, outcome));
        await _fixture.CheckCopiesAsync();
        await _fixture.DispatchAsync();
        (await _fixture.CheckCopiesAsync()).Should().Be(0, "nothing has changed since the last check");
        _connector.Clear();

        const string WithDeputy = "deputyDsl: [ " + DeputyDsl + " ]";
        await using var restarted = await _fixture.RestartWithSchoolFileAsync(yaml => yaml.Replace(WithDeputy, "deputyDsl: []", StringComparison.Ordinal));
        using var inbox = InboxMembers(Dsl);
        (await _fixture.CheckCopiesAsync()).Should().BePositive("the DSL team changed");
        await _fixture.DispatchAsync();

        var ofThisReport = _connector.Requests.Where(r => r.Method == "PUT" && r.Body.Contains(report.Reference, StringComparison.Ordinal)).ToList();
        var withdrawn = ofThisReport.Single(r => ConversationOf(r) == ChatOf(DeputyDsl));
        withdrawn.Body.Should().NotContain(outcome).And.NotContain(report.Marker);
        Texts(CardOf(withdrawn.Json)).Should().Contain("no longer");
        ofThisReport.Where(r => ConversationOf(r) != ChatOf(DeputyDsl)).Select(ConversationOf).Should().BeEquivalentTo([InboxChannel, ChatOf(Dsl)]);
        ofThisReport.Where(r => ConversationOf(r) != ChatOf(DeputyDsl)).Should().OnlyContain(r => r.Body.Contains(outcome, StringComparison.Ordinal));
        (await _fixture.CheckCopiesAsync()).Should().Be(0, "checked for this team already");
    }

    [Fact]
    public async Task The_copy_check_withdraws_every_report_from_an_inbox_channel_someone_else_has_joined_and_tells_the_admin()
    {
        var report = await ReportAsync();
        await _fixture.CheckCopiesAsync();
        await _fixture.DispatchAsync();
        _connector.Clear();
        using var inbox = InboxMembers(Dsl, DeputyDsl, Governor);
        (await _fixture.CheckCopiesAsync()).Should().BePositive();
        await _fixture.DispatchAsync();

        var inChannel = _connector.Requests.Where(r => r.Method == "PUT" && ConversationOf(r) == InboxChannel).ToList();
        inChannel.Should().Contain(r => r.Body.Contains(report.Reference, StringComparison.Ordinal));
        inChannel.Should().OnlyContain(r => !r.Body.Contains("MARKER-", StringComparison.Ordinal));
        _connector.Requests.Where(r => r.Body.Contains(report.Marker, StringComparison.Ordinal)).Select(ConversationOf).Should().OnlyContain(c => DslTeamChats.Contains(c));
        _fixture.Logs.Lines.Should().Contain(l => l.Message.Contains("DSL inbox channel has 1 member(s) outside the DSL team", StringComparison.Ordinal));
        (await RowsAsync<CardCopyEntity>(report.IncidentId, WorkflowRows.CopyPrefix)).Select(c => c.ConversationId).Should().NotContain(InboxChannel);
        var toldBefore = _fixture.Logs.Lines.Count(l => l.Message.Contains("DSL inbox channel has 1 member(s) outside", StringComparison.Ordinal));
        (await _fixture.CheckCopiesAsync()).Should().Be(0, "the channel's copies are gone already");
        _fixture.Logs.Lines.Count(l => l.Message.Contains("DSL inbox channel has 1 member(s) outside", StringComparison.Ordinal)).Should().BeGreaterThan(toldBefore, "the admin is told on every pass");
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task A_channel_that_was_the_inbox_is_still_watched_and_its_cards_are_withdrawn_when_someone_else_joins_it(bool lastCheckedBeforeFormerInboxesWereWatched)
    {
        var report = await ReportAsync();
        await _fixture.CheckCopiesAsync();
        await _fixture.DispatchAsync();
        if (lastCheckedBeforeFormerInboxesWereWatched)
        {
            // A row written by the release before: the inbox named only inside Team.
            var row = (await _fixture.Incidents.GetEntityAsync<DslTeamCheckEntity>(DslTeamCheckEntity.PartitionOf(SchoolId), DslTeamCheckEntity.Row)).Value;
            (row.Inbox, row.InboxServiceUrl, row.FormerInboxes) = (null, null, null);
            await _fixture.Incidents.UpdateEntityAsync(row, row.ETag, TableUpdateMode.Replace);
        }
        const string NewInbox = "19:oakfield-dsl-inbox-2026@thread.tacv2";
        _connector.SetMembers(NewInbox, Dsl, DeputyDsl);
        await using var moved = await _fixture.RestartWithSchoolFileAsync(yaml => yaml.Replace(InboxChannel, NewInbox, StringComparison.Ordinal));
        (await _fixture.CheckCopiesAsync()).Should().BePositive("the inbox moved");
        await _fixture.DispatchAsync();
        (await RowsAsync<CardCopyEntity>(report.IncidentId, WorkflowRows.CopyPrefix)).Select(c => c.ConversationId)
            .Should().Contain(InboxChannel, "the old channel still has only the DSL team in it");
        (await _fixture.CheckCopiesAsync()).Should().Be(0, "nothing has changed since");
        _connector.Clear();

        using var oldChannel = InboxMembers(Dsl, DeputyDsl, Governor);
        (await _fixture.CheckCopiesAsync()).Should().BePositive("someone outside the team joined the old inbox channel");
        await _fixture.DispatchAsync();

        var inOldChannel = _connector.Requests.Where(r => r.Method == "PUT" && ConversationOf(r) == InboxChannel).ToList();
        inOldChannel.Should().Contain(r => r.Body.Contains(report.Reference, StringComparison.Ordinal));
        inOldChannel.Should().OnlyContain(r => !r.Body.Contains(report.Marker, StringComparison.Ordinal));
        Texts(CardOf(inOldChannel.Last(r => r.Body.Contains(report.Reference, StringComparison.Ordinal)).Json)).Should().Contain("no longer");
        (await RowsAsync<CardCopyEntity>(report.IncidentId, WorkflowRows.CopyPrefix)).Select(c => c.ConversationId).Should().NotContain(InboxChannel);
        _fixture.Logs.Lines.Should().Contain(l => l.Message.Contains("a former DSL inbox channel has 1 member(s) outside the DSL team", StringComparison.Ordinal));
        _fixture.Logs.Lines.Should().NotContain(l => l.Message.Contains(report.Marker, StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_former_inbox_channel_that_was_deleted_is_no_longer_watched()
    {
        await ReportAsync();
        await _fixture.CheckCopiesAsync();
        const string NewInbox = "19:oakfield-dsl-inbox-2027@thread.tacv2";
        await using var moved = await MoveInboxAsync(NewInbox);
        WatchedChannel.Parse((await CheckRowAsync()).FormerInboxes).Select(c => c.ChannelId).Should().Contain(InboxChannel);
        try
        {
            static bool AboutAFormerInbox((Microsoft.Extensions.Logging.LogLevel Level, string Category, string Message) line) => line.Message.Contains("former DSL inbox channel", StringComparison.Ordinal);
            var toldBefore = _fixture.Logs.Lines.Count(AboutAFormerInbox);
            _connector.ForgetMembers(InboxChannel);
            (await _fixture.CheckCopiesAsync()).Should().Be(0);
            WatchedChannel.Parse((await CheckRowAsync()).FormerInboxes).Select(c => c.ChannelId).Should().NotContain(InboxChannel);
            _connector.Clear();
            await _fixture.CheckCopiesAsync();
            _connector.MemberRequests.Select(ConversationOf).Should().NotContain(InboxChannel).And.Contain(NewInbox);
            _fixture.Logs.Lines.Count(AboutAFormerInbox).Should().Be(toldBefore, "a channel that is gone is nothing to warn about");
        }
        finally
        {
            _connector.SetMembers(InboxChannel, Dsl, DeputyDsl);
        }
    }

    [Fact]
    public async Task A_former_inbox_channel_whose_members_cannot_be_read_stays_watched_and_nothing_is_decided_on_a_guess()
    {
        var report = await ReportAsync();
        await _fixture.CheckCopiesAsync();
        const string NewInbox = "19:oakfield-dsl-inbox-2028@thread.tacv2";
        await using var moved = await MoveInboxAsync(NewInbox);
        try
        {
            // Someone else joins the old channel while its member list cannot be read: as the dispatcher does for any
            // copy it cannot check, the cards there stay as they were until it can be read.
            _connector.SetMembers(InboxChannel, Dsl, DeputyDsl, Governor);
            _connector.FailMembers(InboxChannel, 503);
            _connector.Clear();

            (await _fixture.CheckCopiesAsync()).Should().Be(0, "what was last known of the channel stands until it can be read");
            await _fixture.DispatchAsync();
            _connector.Requests.Where(r => r.Method == "PUT").Should().BeEmpty();
            WatchedChannel.Parse((await CheckRowAsync()).FormerInboxes).Should().Contain(c => c.ChannelId == InboxChannel && !c.HasOthers);
            _fixture.Logs.Lines.Should().Contain(l => l.Message.Contains("the members of a former DSL inbox channel could not be read (503)", StringComparison.Ordinal));

            _connector.ReadMembersAgain(InboxChannel);
            (await _fixture.CheckCopiesAsync()).Should().BePositive("the channel is still watched, and now it can be read");
            await _fixture.DispatchAsync();
            var inOldChannel = _connector.Requests.Where(r => r.Method == "PUT" && ConversationOf(r) == InboxChannel).ToList();
            inOldChannel.Should().Contain(r => r.Body.Contains(report.Reference, StringComparison.Ordinal));
            inOldChannel.Should().OnlyContain(r => !r.Body.Contains(report.Marker, StringComparison.Ordinal));
        }
        finally
        {
            _connector.ReadMembersAgain(InboxChannel);
            _connector.SetMembers(InboxChannel, Dsl, DeputyDsl);
        }
    }

    [Fact]
    public async Task The_inbox_whose_members_cannot_be_read_keeps_its_cards()
    {
        var report = await ReportAsync();
        await _fixture.CheckCopiesAsync();
        await _fixture.DispatchAsync();
        try
        {
            _connector.FailMembers(InboxChannel, 503);
            _connector.Clear();

            (await _fixture.CheckCopiesAsync()).Should().Be(0, "the DSL team works in the inbox: what was last known of it stands");
            await _fixture.DispatchAsync();
            _connector.Requests.Where(r => r.Method == "PUT").Should().BeEmpty();
            (await RowsAsync<CardCopyEntity>(report.IncidentId, WorkflowRows.CopyPrefix)).Select(c => c.ConversationId).Should().Contain(InboxChannel);
            _fixture.Logs.Lines.Should().Contain(l => l.Message.Contains("the members of the DSL inbox channel could not be read (503)", StringComparison.Ordinal));
        }
        finally
        {
            _connector.ReadMembersAgain(InboxChannel);
        }
    }

    /// <summary>The DSL inbox moved to another channel (the school file edited, the app restarted), checked and sent once.</summary>
    async Task<IAsyncDisposable> MoveInboxAsync(string newInbox)
    {
        _connector.SetMembers(newInbox, Dsl, DeputyDsl);
        var moved = await _fixture.RestartWithSchoolFileAsync(yaml => yaml.Replace(InboxChannel, newInbox, StringComparison.Ordinal));
        await _fixture.CheckCopiesAsync();
        await _fixture.DispatchAsync();
        return moved;
    }

    async Task<DslTeamCheckEntity> CheckRowAsync() =>
        (await _fixture.Incidents.GetEntityAsync<DslTeamCheckEntity>(DslTeamCheckEntity.PartitionOf(SchoolId), DslTeamCheckEntity.Row)).Value;

    [Fact]
    public async Task The_copy_check_goes_a_batch_at_a_time_carries_on_where_it_stopped_and_checks_each_report_once()
    {
        await ReportAsync();
        await ReportAsync();
        await _fixture.CheckCopiesAsync();
        await _fixture.DispatchAsync();
        _connector.Clear();
        var oneAtATime = ActivatorUtilities.CreateInstance<IncidentCopySweep>(_fixture.App.Services, 1);
        using var inbox = InboxMembers(Dsl, DeputyDsl, Governor);
        var reports = await _fixture.Incidents.QueryAsync<IncidentEntity>(TableClient.CreateQueryFilter($"RowKey eq {WorkflowRows.State}")).ToListAsync();
        var checkedBefore = await CopiesCheckedAsync(reports);

        var first = await oneAtATime.PassAsync();
        var rest = await _fixture.CheckCopiesAsync(oneAtATime);

        first.Should().Be(1);
        (first + rest).Should().Be(reports.Count, "every report once, whatever the batch");
        var checkedAfter = await CopiesCheckedAsync(reports);
        reports.Should().OnlyContain(r => checkedAfter[r.PartitionKey] == checkedBefore[r.PartitionKey] + 1);
        await _fixture.DispatchAsync();
    }

    [Fact]
    public async Task A_decision_made_while_the_copy_check_is_on_its_report_is_not_overtaken_by_the_older_card()
    {
        var report = await ReportAsync();
        await _fixture.CheckCopiesAsync();
        await _fixture.DispatchAsync();
        _connector.Clear();
        using var inbox = InboxMembers(Dsl, DeputyDsl, Governor);
        var checkedBefore = (await CopiesCheckedAsync([await StateAsync(report.IncidentId)]))[report.IncidentId];
        // The DSL acknowledges between the check's read of the report and its write.
        _fixture.Tables.BeforeTransactionIn(report.IncidentId, async () =>
            ShouldBeCard(await InvokeAsync(Verbs.IncidentAcknowledge, ActionData(report.InboxCard, Verbs.IncidentAcknowledge)!.Value, Dsl, "Dana DSL")));

        await _fixture.CheckCopiesAsync();
        await _fixture.DispatchAsync();

        var state = await StateAsync(report.IncidentId);
        state.State.Should().Be(IncidentState.Acknowledged);
        (await CopiesCheckedAsync([state]))[report.IncidentId].Should().Be(checkedBefore, "the check stood aside: the decision carried the current team itself");
        var last = _connector.Requests.Last(r => r.Method == "PUT" && ConversationOf(r) == ChatOf(Dsl) && r.Body.Contains(report.Reference, StringComparison.Ordinal));
        Texts(CardOf(last.Json)).Should().Contain("Acknowledged");
    }

    async Task<Dictionary<string, int>> CopiesCheckedAsync(IEnumerable<IncidentEntity> reports)
    {
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var report in reports)
            counts[report.PartitionKey] = (await RowsAsync<AuditEntity>(report.PartitionKey, WorkflowRows.AuditPrefix)).Count(a => a.Action == "copies checked");
        return counts;
    }

    [Fact]
    public async Task The_escalation_note_is_shown_whole_on_the_inbox_card()
    {
        var report = await ReportAsync();
        var note = "Spoke to the LADO at length. " + new string('x', 400) + " " + NewMarker();

        var card = await DecideAsync(report.InboxCard, Verbs.IncidentEscalate, Dsl, "Dana DSL",
            (InputIds.EscalateTo, nameof(EscalationTarget.Lado)), (InputIds.EscalateNote, note));

        Texts(card).Should().Contain(note, "the history line is clipped, the note is not");
        Texts(card).Should().Contain(CardText.EscalationNoteTo("the LADO"));
        _connector.Clear();
    }

    void ShouldHaveUpdatedEveryCopy(string[] conversations, string shows)
    {
        var puts = _connector.Requests.Where(r => r.Method == "PUT").ToList();
        puts.Select(ConversationOf).Should().BeEquivalentTo(conversations);
        puts.Should().OnlyContain(p => Texts(CardOf(p.Json)).Contains(shows));
        _connector.Requests.Where(r => r.Method == "POST").Where(r => ConversationOf(r) != TestActivities.PersonalConversationId).Should().BeEmpty();
        if (!shows.Contains("no further action", StringComparison.Ordinal))
            _connector.Clear();
    }

    [Theory]
    [InlineData(Headteacher)]
    [InlineData(Reporter)]
    [InlineData("")]
    public async Task Assigning_to_someone_outside_the_dsl_team_is_refused(string assignee)
    {
        var report = await ReportAsync();

        var response = await InvokeAsync(Verbs.IncidentAssign, With(ActionData(report.InboxCard, Verbs.IncidentAssign)!.Value, (InputIds.AssignTo, assignee)), Dsl, "Dana DSL");

        ShouldBeError(response, 400).Should().Contain("DSL");
        (await StateAsync(report.IncidentId)).State.Should().Be(IncidentState.New);
    }

    [Fact]
    public async Task A_click_on_a_stale_card_gets_the_current_card_and_changes_nothing()
    {
        var report = await ReportAsync();
        await DecideAsync(report.InboxCard, Verbs.IncidentAcknowledge, Dsl, "Dana DSL");
        _connector.Clear();

        // The deputy's copy had not been updated yet: it still offers Acknowledge, and Assign at version 1.
        var again = ShouldBeCard(await InvokeAsync(Verbs.IncidentAcknowledge, ActionData(report.InboxCard, Verbs.IncidentAcknowledge)!.Value, DeputyDsl, "Dee Deputy"));
        var assign = ShouldBeCard(await InvokeAsync(Verbs.IncidentAssign,
            With(ActionData(report.InboxCard, Verbs.IncidentAssign)!.Value, (InputIds.AssignTo, DeputyDsl)), DeputyDsl, "Dee Deputy"));

        Texts(again).Should().Contain("Acknowledged");
        Texts(assign).Should().Contain("Acknowledged").And.NotContain("Assigned to");
        var state = await StateAsync(report.IncidentId);
        state.Revision.Should().Be(2);
        state.State.Should().Be(IncidentState.Acknowledged);
        (await _fixture.DispatchAsync()).Should().Be(0);
        (await RowsAsync<AuditEntity>(report.IncidentId, WorkflowRows.AuditPrefix)).Should().HaveCount(2);
    }

    [Fact]
    public async Task A_close_without_an_outcome_is_refused_and_the_report_stays_open()
    {
        var report = await ReportAsync();

        var response = await InvokeAsync(Verbs.IncidentClose, With(ActionData(report.InboxCard, Verbs.IncidentClose)!.Value, (InputIds.CloseOutcome, "  ")), Dsl, "Dana DSL");

        ShouldBeError(response, 400).Should().Contain("outcome");
        (await StateAsync(report.IncidentId)).State.Should().Be(IncidentState.New);
    }

    [Fact]
    public async Task A_refresh_or_show_gives_the_inbox_card_to_the_dsl_team_only()
    {
        var report = await ReportAsync();
        var data = new { id = report.IncidentId, school = SchoolId };

        var refreshed = ShouldBeCard(await InvokeAsync(Verbs.Refresh, data, DeputyDsl, "Dee Deputy"));
        var refusedRefresh = await InvokeAsync(Verbs.Refresh, data);
        var copiesBefore = (await RowsAsync<CardCopyEntity>(report.IncidentId, WorkflowRows.CopyPrefix)).Select(c => c.RowKey).ToHashSet();
        var shown = await InvokeAsync(Verbs.IncidentShow, data, Dsl, "Dana DSL");
        var refusedShow = await InvokeAsync(Verbs.IncidentShow, data, Headteacher, "Sam Head");

        Texts(refreshed).Should().Contain(report.Marker);
        ShouldBeError(refusedRefresh, 403);
        refusedRefresh.Body.GetRawText().Should().NotContain(report.Marker);
        ShouldBeMessage(shown).Should().Contain(report.Reference);
        var posted = _connector.Requests.Should().ContainSingle(r => r.Method == "POST").Subject;
        ConversationOf(posted).Should().Be(ChatOf(Dsl));
        var outOfDate = _connector.Requests.Should().ContainSingle(r => r.Method == "PUT").Subject;
        ConversationOf(outOfDate).Should().Be(ChatOf(Dsl), "the card delivered before it in that chat is now out of date");
        outOfDate.Body.Should().NotContain(report.Marker);
        Texts(CardOf(posted.Json)).Should().Contain(report.Marker);
        ShouldBeError(refusedShow, 403);

        // The opened card follows later changes like every other copy (and would be withdrawn like them).
        var opened = (await RowsAsync<CardCopyEntity>(report.IncidentId, WorkflowRows.CopyPrefix)).Where(c => !copiesBefore.Contains(c.RowKey)).Should().ContainSingle().Subject;
        opened.ConversationId.Should().Be(ChatOf(Dsl));
        opened.OwnerAadObjectId.Should().Be(Dsl);
        var openedId = opened.ActivityId;
        _connector.Clear();
        await DecideAsync(report.InboxCard, Verbs.IncidentAcknowledge, Dsl, "Dana DSL");
        _connector.Requests.Should().Contain(r => r.Method == "PUT" && r.RawPath.EndsWith("/" + Uri.EscapeDataString(openedId), StringComparison.Ordinal));
        _connector.Clear();
    }

    [Fact]
    public async Task The_incident_log_is_for_the_dsl_team_only()
    {
        var report = await ReportAsync(urgent: "true");

        (await SayAsync("incident log")).Status.Should().Be(HttpStatusCode.OK);
        var refusal = CardOf(_connector.Requests.Should().ContainSingle().Subject.Json);
        _connector.Clear();
        (await SayAsync("incident log", Dsl, "Dana DSL")).Status.Should().Be(HttpStatusCode.OK);
        var log = _connector.Requests.Should().ContainSingle().Subject;

        Texts(refusal).Should().Contain("only for the safeguarding team").And.NotContain("INC-");
        ConversationOf(log).Should().Be(ChatOf(Dsl));
        var logCard = CardOf(log.Json);
        Texts(logCard).Should().Contain(report.Reference).And.Contain("Urgent").And.NotContain(report.Marker);
        ActionData(logCard, Verbs.IncidentShow)!.Value.GetProperty("id").GetString().Should().NotBeNull();
    }

    [Fact]
    public async Task The_governors_report_counts_without_details_for_governors_and_refuses_other_staff()
    {
        var report = await ReportAsync();

        (await SayAsync("governors report", Governor, "Gill Governor")).Status.Should().Be(HttpStatusCode.OK);
        var counts = CardOf(_connector.Requests.Should().ContainSingle().Subject.Json);
        _connector.Clear();
        (await SayAsync("governors report", ComputingCoordinator, "Casey Computing")).Status.Should().Be(HttpStatusCode.OK);
        var refusal = CardOf(_connector.Requests.Should().ContainSingle().Subject.Json);

        Texts(counts).Should().Contain("Concerns reported").And.Contain(CardText.CategoryLabel(IncidentCategory.InappropriateContactFromPupil)).And.Contain("Year total");
        counts.GetRawText().Should().NotContain("INC-").And.NotContain(report.Marker).And.NotContain("Alex");
        Texts(refusal).Should().Contain("governors").And.NotContain("Year total");
    }

    [Fact]
    public async Task My_requests_shows_the_reporter_s_own_references_and_status_newest_first()
    {
        var older = await ReportAsync();
        var newer = await ReportAsync();
        await DecideAsync(older.InboxCard, Verbs.IncidentAcknowledge, Dsl, "Dana DSL");

        var mine = await _fixture.Handler.MineAsync(_fixture.School, Reporter, CancellationToken.None);
        var dsls = await _fixture.Handler.MineAsync(_fixture.School, Dsl, CancellationToken.None);

        var references = mine.Select(m => m.Reference).ToList();
        references.IndexOf(newer.Reference).Should().BeLessThan(references.IndexOf(older.Reference));
        mine.Single(m => m.Reference == older.Reference).State.Should().Be(IncidentState.Acknowledged);
        mine.Single(m => m.Reference == newer.Reference).State.Should().Be(IncidentState.New);
        dsls.Should().NotContain(m => m.Reference == older.Reference || m.Reference == newer.Reference);
        var card = MyRequestsCard.Build(new MyRequestsCardData(SchoolId, [], mine)).ToJsonElement();
        Texts(card).Should().Contain(newer.Reference).And.Contain("Being dealt with").And.NotContain("MARKER-");
    }

    public static TheoryData<string, string> ForgedActions => new()
    {
        { Verbs.IncidentAcknowledge, """{"id":"inc-00000000000000000000000000000000","school":"oakfield-primary","version":"1"}""" },
        { Verbs.IncidentAcknowledge, """{"id":"inc-../../Incidents/x#y?","school":"oakfield-primary","version":"1"}""" },
        { Verbs.IncidentAcknowledge, """{"id":"INCIDENT","school":"another-school","version":"1"}""" },
        { Verbs.IncidentAcknowledge, """{"school":"oakfield-primary"}""" },
        { Verbs.IncidentClose, """{"id":"INCIDENT","school":"oakfield-primary","version":{"nested":true}}""" },
        { Verbs.IncidentEscalate, """{"id":"INCIDENT","school":"oakfield-primary","version":"1","escalateTo":"Everyone","escalateNote":"x"}""" },
        { Verbs.IncidentEscalate, """{"id":"INCIDENT","school":"oakfield-primary","version":"1","escalateTo":"1","escalateNote":"x"}""" },
        { Verbs.IncidentShow, """{"id":"inc-0123","school":"oakfield-primary"}""" },
        { Verbs.Refresh, """{"id":"inc-00000000000000000000000000000000","school":"oakfield-primary"}""" },
        { Verbs.IncidentSubmit, "[1,2,3]" },
        { "incident.deleteEverything", """{"id":"INCIDENT","school":"oakfield-primary"}""" },
    };

    [Theory]
    [MemberData(nameof(ForgedActions))]
    public async Task Forged_or_unknown_card_data_is_answered_with_a_clear_4xx_and_changes_nothing(string verb, string data)
    {
        var report = await ReportAsync();
        using var json = JsonDocument.Parse(data.Replace("INCIDENT", report.IncidentId, StringComparison.Ordinal));

        var response = await InvokeAsync(verb, json.RootElement.Clone(), Dsl, "Dana DSL");

        ShouldBeError(response, response.Body.GetProperty("statusCode").GetInt32()).Should().NotBeNullOrWhiteSpace();
        response.Body.GetProperty("statusCode").GetInt32().Should().BeInRange(400, 404);
        var state = await StateAsync(report.IncidentId);
        state.Revision.Should().Be(1);
        (await _fixture.DispatchAsync()).Should().Be(0);
    }
}
