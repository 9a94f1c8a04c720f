using PolicyBot.Tests.Infrastructure;
using System.Text.Json;

namespace PolicyBot.Tests.Cards;

/// <summary>Runs tools/cards/validate.mjs (the official adaptivecards parser at 1.5, plus our own checks) once over every sample.</summary>
public sealed class ValidatedSamples : IAsyncLifetime
{
    public string Directory { get; } = CardSampleFiles.NewTempDirectory("validate");
    public IReadOnlyDictionary<string, IReadOnlyList<string>> ErrorsByCard { get; private set; } = new Dictionary<string, IReadOnlyList<string>>();
    public IReadOnlyDictionary<string, int> BytesByCard { get; private set; } = new Dictionary<string, int>();

    public async Task InitializeAsync()
    {
        CardSampleFiles.Write(Directory);
        var result = await NodeScript.RunAsync("tools/cards/validate.mjs", [Directory], TimeSpan.FromMinutes(1));
        using var json = result.Json();
        var cards = json.RootElement.GetProperty("cards").EnumerateArray().ToList();
        ErrorsByCard = cards.ToDictionary(
            c => c.GetProperty("name").GetString()!,
            c => (IReadOnlyList<string>)c.GetProperty("errors").EnumerateArray()
                .Select(e => $"{e.GetProperty("rule").GetString()} at {e.GetProperty("path").GetString()}: {e.GetProperty("message").GetString()}")
                .ToList());
        BytesByCard = cards.ToDictionary(c => c.GetProperty("name").GetString()!, c => c.GetProperty("bytes").GetInt32());
    }

    public Task DisposeAsync()
    {
        System.IO.Directory.Delete(Directory, recursive: true);
        return Task.CompletedTask;
    }
}

public sealed class CardValidationTests(ValidatedSamples validated) : IClassFixture<ValidatedSamples>
{
    public static TheoryData<string> SampleNames() => new(CardSamples.All.Select(s => s.Name));

    [Theory]
    [MemberData(nameof(SampleNames))]
    public void Sample_card_passes_the_official_parser_and_our_checks(string name)
    {
        validated.ErrorsByCard.Should().ContainKey(name, "the validator reports on every sample written");
        validated.ErrorsByCard[name].Should().BeEmpty($"card '{name}' must be a valid Adaptive Card 1.5 that Teams accepts");
    }

    [Theory]
    [MemberData(nameof(SampleNames))]
    public void Sample_card_is_well_under_the_Teams_message_limit(string name)
    {
        validated.BytesByCard[name].Should().BeLessThan(40 * 1024, $"card '{name}' must stay small");
    }
}

/// <summary>Broken cards, each breaking one rule, validated in one node run.</summary>
public sealed class BrokenCards : IAsyncLifetime
{
    /// <summary>Case name → (card JSON, the rule it breaks; null for a card that must pass).</summary>
    public static readonly IReadOnlyDictionary<string, (string Json, string? Rule)> Cases = CreateCases();

    readonly string _directory = CardSampleFiles.NewTempDirectory("validator");
    public IReadOnlyDictionary<string, IReadOnlyList<string>> RulesByCase { get; private set; } = new Dictionary<string, IReadOnlyList<string>>();
    public int ExitCode { get; private set; }

    public async Task InitializeAsync()
    {
        foreach (var (name, (card, _)) in Cases)
            await File.WriteAllTextAsync(Path.Combine(_directory, name + ".json"), card);
        var result = await NodeScript.RunAsync("tools/cards/validate.mjs", [_directory], TimeSpan.FromMinutes(1));
        ExitCode = result.ExitCode;
        using var json = result.Json();
        RulesByCase = json.RootElement.GetProperty("cards").EnumerateArray().ToDictionary(
            c => c.GetProperty("name").GetString()!,
            c => (IReadOnlyList<string>)c.GetProperty("errors").EnumerateArray().Select(e => e.GetProperty("rule").GetString()!).ToList());
    }

    public Task DisposeAsync()
    {
        Directory.Delete(_directory, recursive: true);
        return Task.CompletedTask;
    }

    static Dictionary<string, (string, string?)> CreateCases()
    {
        static string Card(string bodyItems, string version = "1.5") =>
            $$"""{"type":"AdaptiveCard","version":"{{version}}","body":[{{bodyItems}}]}""";
        var users = JsonSerializer.Serialize(Enumerable.Range(1, 61).Select(i => $"user-{i}"));
        var refresh = """{"action":{"type":"Action.Execute","verb":"card.refresh","fallback":{"type":"Action.Submit","data":{"verb":"card.refresh"}}},"userIds":""" + users + "}";
        return new()
        {
            ["valid-sample"] = (CardSamples.Get("answer-no").Card.ToJson(), null),
            ["image-without-url"] = (Card("""{"type":"Image"}"""), "image.url"),
            ["empty-textblock"] = (Card("""{"type":"TextBlock","text":"  "}"""), "textblock.empty"),
            ["unknown-element"] = (Card("""{"type":"NotAnElement"}"""), "parser.UnknownElementType"),
            ["duplicate-input-id"] = (Card("""{"type":"Input.Text","id":"x","label":"A"},{"type":"Input.Text","id":"x","label":"B"}"""), "input.id.unique"),
            ["required-input-without-label"] = (Card("""{"type":"Input.Text","id":"x","isRequired":true}"""), "validate.RequiredInputsShouldHaveLabel"),
            ["unbound-template"] = (Card("""{"type":"TextBlock","text":"Hello ${name}"}"""), "template"),
            ["execute-without-fallback"] = (Card("""{"type":"ActionSet","actions":[{"type":"Action.Execute","title":"Go","verb":"site.approve"}]}"""), "execute.fallback"),
            ["execute-fallback-other-verb"] = (Card("""{"type":"ActionSet","actions":[{"type":"Action.Execute","title":"Go","verb":"site.approve","fallback":{"type":"Action.Submit","data":{"verb":"site.reject"}}}]}"""), "execute.fallback"),
            ["submit-alone"] = (Card("""{"type":"ActionSet","actions":[{"type":"Action.Submit","title":"Go","data":{"verb":"site.approve"}}]}"""), "submit.alone"),
            ["toggle-missing-target"] = (Card("""{"type":"ActionSet","actions":[{"type":"Action.ToggleVisibility","title":"More","targetElements":["missing"]}]}"""), "toggle.target"),
            ["version-too-new"] = (Card("""{"type":"TextBlock","text":"Hi"}""", "1.6"), "version"),
            ["version-too-old"] = (Card("""{"type":"TextBlock","text":"Hi"}""", "1.4"), "version"),
            ["over-40-kb"] = (Card($$"""{"type":"TextBlock","text":"{{new string('x', 41 * 1024)}}"}"""), "size"),
            ["refresh-for-61-users"] = ("""{"type":"AdaptiveCard","version":"1.5","body":[{"type":"TextBlock","text":"Hi"}],"refresh":""" + refresh + "}", "refresh.userIds"),
            ["not-json"] = ("{\"type\":", "json"),
        };
    }
}

/// <summary>The validator itself must catch broken cards, or a green run would mean nothing.</summary>
public sealed class CardValidatorTests(BrokenCards broken) : IClassFixture<BrokenCards>
{
    public static TheoryData<string> BrokenCaseNames() => new(BrokenCards.Cases.Where(c => c.Value.Rule is not null).Select(c => c.Key));

    [Fact]
    public void A_valid_card_has_no_errors()
    {
        broken.RulesByCase["valid-sample"].Should().BeEmpty();
    }

    [Theory]
    [MemberData(nameof(BrokenCaseNames))]
    public void A_broken_card_is_caught_by_the_rule_it_breaks(string name)
    {
        broken.RulesByCase[name].Should().Contain(BrokenCards.Cases[name].Rule!);
    }

    [Fact]
    public void The_exit_code_says_some_card_failed()
    {
        broken.ExitCode.Should().Be(1);
    }
}
