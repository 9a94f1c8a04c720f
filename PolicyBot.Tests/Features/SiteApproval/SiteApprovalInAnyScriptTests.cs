using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using PolicyBot.Cards;
using PolicyBot.Cards.SiteApproval;
using PolicyBot.Features.SiteApproval;
using PolicyBot.Schools;
using PolicyBot.Tests.Features.PolicyQuestions;
using PolicyBot.Tests.Infrastructure;
using static PolicyBot.Tests.Features.PolicyQuestions.AskCards;

namespace PolicyBot.Tests.Features.SiteApproval;

/// <summary>The demo school asking every question a school may ask (each one is a field of the form).</summary>
public sealed class EveryQuestionSchoolFixture : AskInTeamsFixture
{
    protected override string SchoolsPath(DirectoryInfo data)
    {
        var schools = data.CreateSubdirectory("schools");
        var policies = schools.CreateSubdirectory("policies");
        File.Copy(Path.Combine(RepoPaths.Root, "schools", "policies", "oakfield-primary.md"), Path.Combine(policies.FullName, "oakfield-primary.md"));
        var yaml = Regex.Replace(File.ReadAllText(Path.Combine(RepoPaths.Root, "schools", "oakfield-primary.yaml")),
            @"(?m)^  fields: \[.*\]$", $"  fields: [ {string.Join(", ", SiteFormFields.Ids)} ]");
        File.WriteAllText(Path.Combine(schools.FullName, "oakfield-primary.yaml"), yaml);
        return schools.FullName;
    }
}

/// <summary>
/// A site request in any script: every question answered at its limit in Urdu, Arabic, Polish and emoji, decided at
/// every step with the longest comment, goes through the whole chain and every card shows what was written.
/// </summary>
public sealed class SiteApprovalInAnyScriptTests(EveryQuestionSchoolFixture fixture) : SiteApprovalInTeams(fixture), IClassFixture<EveryQuestionSchoolFixture>
{
    /// <summary>What the card shows of an answer: the whole of a short one, the start of a long one (cards clip at 500).</summary>
    static string Shown(string answer) => answer.Length <= 400 ? answer : answer[..400];

    [Fact]
    public async Task A_request_answering_every_question_at_its_limit_in_any_script_is_approved_and_every_card_shows_it()
    {
        var fields = SiteFormFields.Ids.Select(SiteFormFields.Get).ToList();
        var answers = fields.ToDictionary(f => f.Id, f => f.Kind switch
        {
            FormFieldKind.Multiline => LongText.NonLatin(SiteFormFields.MaxMultilineLength, f.Id),
            FormFieldKind.Text => LongText.NonLatin(SiteFormFields.MaxTextLength, f.Id),
            FormFieldKind.Choice => f.Choices![0],
            FormFieldKind.Toggle => "true",
            _ => DateTime.UtcNow.AddDays(60).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        });
        var written = fields.Where(f => f.Kind is FormFieldKind.Text or FormFieldKind.Multiline).Select(f => answers[f.Id]).ToList();
        string[] names = [LongText.NonLatin(SiteRequest.MaxNameLength, "Ravi"), LongText.NonLatin(SiteRequest.MaxNameLength, "Casey"),
                          LongText.NonLatin(SiteRequest.MaxNameLength, "Dee"), LongText.NonLatin(SiteRequest.MaxNameLength, "Hana")];
        string[] comments = [.. names.Skip(1).Select(n => LongText.NonLatin(SiteRequest.MaxCommentLength, n[..4]))];
        await InstalledAsync();
        await Fixture.DispatchAsync();
        Connector.Clear();
        var form = await FormAsync();

        var card = ShouldBeCard(await InvokeAsync(Verbs.SiteSubmit, Merge(ActionData(form, Verbs.SiteSubmit)!.Value, answers), Requester, names[0],
            replyToId: "form-" + Guid.NewGuid().ToString("N")));

        var id = ActionData(card, Verbs.SiteWithdraw)!.Value.GetProperty("id").GetString()!;
        ShouldShow(card, [.. written.Select(Shown), names[0]]);
        (await StoredAsync(id)).ToRecord().Answers.Where(a => written.Contains(a.Value)).Should().HaveCount(written.Count, "every answer is stored as typed");

        var (atComputing, _) = await DeliveredAsync();
        ShouldShow(atComputing.Should().ContainSingle().Subject.Card, [.. written.Select(Shown)]);
        await ApprovedAsync(atComputing.Single().Card, Computing, names[1], comments[0]);
        var (atDeputy, updates) = await DeliveredAsync();
        updates.Should().NotBeEmpty().And.OnlyContain(u => Texts(u.Card).Contains(comments[0]) && Texts(u.Card).Contains(names[1]));
        await ApprovedAsync(atDeputy.Should().ContainSingle().Subject.Card, Deputy, names[2], comments[1]);
        var (atHead, _) = await DeliveredAsync();
        var approved = await ApprovedAsync(atHead.Should().ContainSingle().Subject.Card, Head, names[3], comments[2]);

        Texts(approved).Should().Contain("Approved");
        var (outcome, finalUpdates) = await DeliveredAsync();
        outcome.Should().ContainSingle().Which.Conversation.Should().Be(RequesterChat);
        finalUpdates.Should().HaveCount(4, "the requester's copy and each approver's");
        foreach (var (_, update) in finalUpdates)
            ShouldShow(update, [.. written.Select(Shown), .. names, .. comments]);
        (await StoredAsync(id)).State.Should().Be(SiteRequestState.Approved);
    }

    static void ShouldShow(JsonElement card, IEnumerable<string> texts)
    {
        var shown = Texts(card);
        foreach (var text in texts)
            shown.Should().Contain(text);
    }
}
