using PolicyBot.Tests.Infrastructure;
using System.Text.Json;

namespace PolicyBot.Tests.Cards;

/// <summary>Renders every sample once in headless Chromium (tools/cards/render.mjs) at a phone's width.</summary>
public sealed class RenderedSamples : IAsyncLifetime
{
    public string CardsDirectory { get; } = CardSampleFiles.NewTempDirectory("render-in");
    public string PicturesDirectory { get; } = CardSampleFiles.NewTempDirectory("render-out");
    public IReadOnlyDictionary<string, JsonElement> Reports { get; private set; } = new Dictionary<string, JsonElement>();
    public int Width { get; private set; }
    JsonDocument? _json;

    public async Task InitializeAsync()
    {
        File.Exists("/usr/bin/chromium").Should().BeTrue("rendering needs Debian's chromium: apt-get install -y chromium fonts-noto-color-emoji");
        CardSampleFiles.Write(CardsDirectory);
        var result = await NodeScript.RunAsync("tools/cards/render.mjs", [CardsDirectory, PicturesDirectory], TimeSpan.FromMinutes(3));
        result.Stdout.Should().NotBeEmpty($"render.mjs should report on every card; stderr: {result.Stderr}");
        _json = result.Json();
        Width = _json.RootElement.GetProperty("width").GetInt32();
        Reports = _json.RootElement.GetProperty("cards").EnumerateArray().ToDictionary(c => c.GetProperty("name").GetString()!, c => c);
    }

    public Task DisposeAsync()
    {
        _json?.Dispose();
        Directory.Delete(CardsDirectory, recursive: true);
        Directory.Delete(PicturesDirectory, recursive: true);
        return Task.CompletedTask;
    }
}

public sealed class CardRenderingTests(RenderedSamples rendered) : IClassFixture<RenderedSamples>
{
    public static TheoryData<string> SampleNames() => new(CardSamples.All.Select(s => s.Name));

    [Theory]
    [MemberData(nameof(SampleNames))]
    public void Sample_card_renders_to_a_picture_that_is_not_blank_and_fits_a_phone(string name)
    {
        rendered.Reports.Should().ContainKey(name);
        var report = rendered.Reports[name];
        var errors = report.GetProperty("errors").EnumerateArray().Select(e => e.GetString()).ToList();
        errors.Should().BeEmpty($"card '{name}' must render in Chromium without errors, not blank, within {rendered.Width}px");

        var png = Path.Combine(rendered.PicturesDirectory, name + ".png");
        File.Exists(png).Should().BeTrue();
        var bytes = File.ReadAllBytes(png);
        bytes.AsSpan(0, 8).ToArray().Should().Equal([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A], "the file is a PNG");
        report.GetProperty("width").GetInt32().Should().BeInRange(rendered.Width, rendered.Width + 2, "the picture is the card frame at phone width");
        report.GetProperty("colors").GetInt32().Should().BeGreaterThan(10, $"card '{name}' has text, not a flat colour");
        report.GetProperty("inkRatio").GetDouble().Should().BeGreaterThan(0.01, $"card '{name}' is not blank");
    }
}
