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

/// <summary>The validator itself must catch broken cards, or a green run would mean nothing.</summary>
public sealed class CardValidatorTests : IDisposable
{
    readonly string _directory = CardSampleFiles.NewTempDirectory("validator");

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    async Task<IReadOnlyList<string>> RulesBrokenBy(string cardJson)
    {
        var file = Path.Combine(_directory, $"card-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(file, cardJson);
        var result = await NodeScript.RunAsync("tools/cards/validate.mjs", [file], TimeSpan.FromMinutes(1));
        using var json = result.Json();
        var errors = json.RootElement.GetProperty("cards")[0].GetProperty("errors").EnumerateArray()
            .Select(e => e.GetProperty("rule").GetString()!).ToList();
        result.ExitCode.Should().Be(errors.Count == 0 ? 0 : 1, "the exit code says whether any card failed");
        return errors;
    }

    [Fact]
    public async Task A_valid_card_has_no_errors()
    {
        var rules = await RulesBrokenBy(CardSamples.Get("answer-no").Card.ToJson());
        rules.Should().BeEmpty();
    }

    [Theory]
    [InlineData("""{"type":"Image"}""", "image.url")]
    [InlineData("""{"type":"TextBlock","text":"  "}""", "textblock.empty")]
    [InlineData("""{"type":"NotAnElement"}""", "parser.UnknownElementType")]
    [InlineData("""{"type":"Input.Text","id":"x","label":"A"},{"type":"Input.Text","id":"x","label":"B"}""", "input.id.unique")]
    [InlineData("""{"type":"Input.Text","id":"x","isRequired":true}""", "validate.RequiredInputsShouldHaveLabel")]
    [InlineData("""{"type":"TextBlock","text":"Hello ${name}"}""", "template")]
    [InlineData("""{"type":"ActionSet","actions":[{"type":"Action.Execute","title":"Go","verb":"site.approve"}]}""", "execute.fallback")]
    [InlineData("""{"type":"ActionSet","actions":[{"type":"Action.Execute","title":"Go","verb":"site.approve","fallback":{"type":"Action.Submit","data":{"verb":"site.reject"}}}]}""", "execute.fallback")]
    [InlineData("""{"type":"ActionSet","actions":[{"type":"Action.Submit","title":"Go","data":{"verb":"site.approve"}}]}""", "submit.alone")]
    [InlineData("""{"type":"ActionSet","actions":[{"type":"Action.ToggleVisibility","title":"More","targetElements":["missing"]}]}""", "toggle.target")]
    public async Task A_broken_card_is_caught(string bodyItems, string expectedRule)
    {
        var rules = await RulesBrokenBy($$"""{"type":"AdaptiveCard","version":"1.5","body":[{{bodyItems}}]}""");
        rules.Should().Contain(expectedRule);
    }

    [Theory]
    [InlineData("1.6")]
    [InlineData("1.4")]
    public async Task A_card_of_another_version_is_caught(string version)
    {
        var rules = await RulesBrokenBy($$"""{"type":"AdaptiveCard","version":"{{version}}","body":[{"type":"TextBlock","text":"Hi"}]}""");
        rules.Should().Contain("version");
    }

    [Fact]
    public async Task A_card_of_40_KB_or_more_is_caught()
    {
        var big = new string('x', 41 * 1024);
        var rules = await RulesBrokenBy($$"""{"type":"AdaptiveCard","version":"1.5","body":[{"type":"TextBlock","text":"{{big}}"}]}""");
        rules.Should().Contain("size");
    }

    [Fact]
    public async Task A_refresh_for_more_than_60_users_is_caught()
    {
        var users = JsonSerializer.Serialize(Enumerable.Range(1, 61).Select(i => $"user-{i}"));
        var refresh = """{"action":{"type":"Action.Execute","verb":"card.refresh","fallback":{"type":"Action.Submit","data":{"verb":"card.refresh"}}},"userIds":""" + users + "}";
        var rules = await RulesBrokenBy("""{"type":"AdaptiveCard","version":"1.5","body":[{"type":"TextBlock","text":"Hi"}],"refresh":""" + refresh + "}");
        rules.Should().Contain("refresh.userIds");
    }
}
