using PolicyBot.Tests.Infrastructure;

namespace PolicyBot.Tests.Manifest;

public sealed class AppIconTests(TeamsAppPackageFixture package) : IClassFixture<TeamsAppPackageFixture>
{
    [Fact]
    public void Colour_icon_is_192_pixels_square_and_opaque()
    {
        var icon = PngImage.Decode(package.Entries["color.png"]);

        (icon.Width, icon.Height).Should().Be((192, 192));
        icon.Pixels().Should().OnlyContain(p => p.A == 255);
    }

    [Fact]
    public void Outline_icon_is_32_pixels_square_white_on_a_transparent_background()
    {
        var icon = PngImage.Decode(package.Entries["outline.png"]);

        (icon.Width, icon.Height).Should().Be((32, 32));
        icon.HasAlphaChannel.Should().BeTrue();
        foreach (var (x, y) in new[] { (0, 0), (31, 0), (0, 31), (31, 31) })
            icon.Pixel(x, y).A.Should().Be(0, $"corner ({x},{y}) must be transparent");
        var visible = icon.Pixels().Where(p => p.A > 0).ToList();
        visible.Should().NotBeEmpty();
        visible.Should().OnlyContain(p => p.R >= 250 && p.G >= 250 && p.B >= 250, "the outline icon may only use white");
        visible.Count(p => p.A == 255).Should().BeGreaterThan(50, "the outline must be a solid white shape, not a faint haze");
    }

    [Fact]
    public async Task Committed_icons_are_what_the_generator_draws()
    {
        var folder = Path.Combine(package.Folder, "regenerated");

        var result = await NodeScript.RunAsync("tools/manifest/icons.mjs", "--out", folder);

        result.ExitCode.Should().Be(0, result.Stderr);
        foreach (var name in new[] { "color.png", "outline.png" })
        {
            var committed = PngImage.Decode(await File.ReadAllBytesAsync(Path.Combine(RepoPaths.Root, "manifest", name)));
            var drawn = PngImage.Decode(await File.ReadAllBytesAsync(Path.Combine(folder, name)));
            drawn.Rgba.Should().Equal(committed.Rgba, $"manifest/{name} should be regenerated with node tools/manifest/icons.mjs");
        }
    }
}
