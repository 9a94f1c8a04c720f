using PolicyBot.Tests.Infrastructure;
using System.Text.Json;
using PolicyBot.Cards;
using PolicyBot.Cards.AdaptiveCards;
using PolicyBot.Cards.Ask;
using PolicyBot.Cards.Incidents;
using PolicyBot.Cards.SiteApproval;

namespace PolicyBot.Tests.Cards;

/// <summary>
/// Cards built from empty, invisible, enormous or markup-laden text (what a question, a comment or a
/// badly written school file can contain) must still be valid, small cards with nothing injected.
/// </summary>
public sealed class HostileDataCardTests : IDisposable
{
    readonly string _directory = CardSampleFiles.NewTempDirectory("hostile");

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    public static TheoryData<string> Texts() => new()
    {
        "",
        "\u0007\u202E\u200B",
        "[click](https://evil.example) ${secret} **bold** {{DATE(2026-01-01T00:00:00Z)}} <https://evil.example>",
        new string('x', 20_000),
    };

    static IEnumerable<(string Name, AdaptiveCard Card)> CardsFrom(string text)
    {
        var at = DateTimeOffset.UnixEpoch;
        var clause = new QuotedClause(text, text, text);
        yield return ("answer", AnswerCard.Build(new AnswerCardData("a", "s", text, AnswerVerdict.No, text, clause, text, [clause, clause, clause], AnswerOffers.ReportConcern | AnswerOffers.RequestSite, PassedTo: text)));
        yield return ("answer-untitled-section", AnswerCard.Build(new AnswerCardData("a", "s", "q", AnswerVerdict.Yes, "a", new QuotedClause(text, text, "Staff may."), "Whole section.", [])));
        yield return ("answer-not-covered", AnswerCard.Build(new AnswerCardData("a", "s", text, AnswerVerdict.NotCovered, text, null, null, [])));
        yield return ("ask-person", AskPersonCard.Build(new AskPersonCardData("q", "s", text, at, text, clause)));
        yield return ("ask-person-answered", AskPersonCard.Build(new AskPersonCardData("q", "s", text, at, text, null, new AskPersonReply(text, at, text))));
        yield return ("ask-person-reply", AskPersonReplyCard.Build(new AskPersonReplyCardData(text, new AskPersonReply(text, at, text))));
        yield return ("ask-person-sent", AskPersonSentCard.Build(new AskPersonSentCardData(text, text)));
        yield return ("site-form", SiteRequestFormCard.Build(new SiteRequestFormCardData("s", text,
            [new FormField("f1", "Label " + text, FormFieldKind.Choice, true, [text, "b"], text), new FormField("f2", "Toggle " + text, FormFieldKind.Toggle, true, null, text)],
            new Dictionary<string, string> { ["f1"] = text }, text)));
        var step = new ApprovalStep(text, [text, text], ApprovalStepState.Pending, text, at, text);
        yield return ("site-request", SiteRequestCard.Build(new SiteRequestCardData("r", "s", "v", text, text, at, text, [new FormAnswer(text, text)],
            [step, step with { State = ApprovalStepState.Rejected }], SiteRequestState.Pending, [text, "u1"]), SiteRequestViewer.CurrentApprover));
        yield return ("pending-approvals", PendingApprovalsCard.Build(new PendingApprovalsCardData("s", [new PendingApproval("r", text, text, text, text, at)])));
        yield return ("incident-form", IncidentReportFormCard.Build(new IncidentReportFormCardData("s", new IncidentDraft(null, text, null, text, text), text)));
        yield return ("incident-receipt", IncidentReceiptCard.Build(new IncidentReceiptCardData(text, IncidentState.Assigned, at, at)));
        yield return ("incident-inbox", IncidentInboxCard.Build(new IncidentInboxCardData("i", "s", "v", text, IncidentCategory.Other, true, text, at, text, null, text, text,
            IncidentState.Assigned, [new DslMember("u1", text)], [new IncidentHistoryEntry(at, text, text)], ["u1"], AssignedTo: text)));
        yield return ("incident-log", IncidentLogCard.Build(new IncidentLogCardData("s", [new IncidentLogEntry("i", text, IncidentCategory.Other, IncidentState.Assigned, true, at, text)], 0)));
        yield return ("governors", GovernorsReportCard.Build(new GovernorsReportCardData(text, text, [new TermCounts(text, new Dictionary<IncidentCategory, int>())])));
        yield return ("my-requests", MyRequestsCard.Build(new MyRequestsCardData("s", [new MySiteRequest(text, text, SiteRequestState.Pending, at, text)], [new MyIncident(text, IncidentState.New, at)])));
        yield return ("error", ErrorCard.Build(CardProblem.AlreadyDone, text, text));
        yield return ("welcome", WelcomeCard.Build(text));
        yield return ("help", HelpCard.Build(text, HelpTopic.Overview));
    }

    [Theory]
    [MemberData(nameof(Texts))]
    public async Task Every_card_stays_valid_small_and_free_of_injected_markup(string text)
    {
        var cards = CardsFrom(text).ToList();
        foreach (var (name, card) in cards)
            await File.WriteAllTextAsync(Path.Combine(_directory, name + ".json"), card.ToJson());

        var result = await NodeScript.RunAsync("tools/cards/validate.mjs", [_directory], TimeSpan.FromMinutes(1));

        using var report = result.Json();
        var failures = report.RootElement.GetProperty("cards").EnumerateArray()
            .Where(c => c.GetProperty("errors").GetArrayLength() > 0)
            .Select(c => $"{c.GetProperty("name").GetString()}: {c.GetProperty("errors")}")
            .ToList();
        failures.Should().BeEmpty();
        foreach (var (name, card) in cards)
        {
            var texts = new CardInspector(card).AllText();
            texts.Should().NotContainAny(["](", "${", "**", "<h", "{{DATE(2026-01-01"], name);
        }
        report.RootElement.GetProperty("cards").GetArrayLength().Should().Be(cards.Count);
    }
}
