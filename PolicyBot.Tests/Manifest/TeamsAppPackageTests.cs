using PolicyBot.Tests.Infrastructure;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace PolicyBot.Tests.Manifest;

public sealed class TeamsAppPackageTests(TeamsAppPackageFixture package) : IClassFixture<TeamsAppPackageFixture>
{
    static readonly string[] Commands =
        ["ask", "new site request", "report a concern", "my requests", "pending approvals", "incident log", "help"];

    /// <summary>The activity-feed notifications PolicyBot sends through Graph; each must be declared to be sent.</summary>
    static readonly string[] ActivityTypes =
        ["approvalRequested", "approvalDecided", "incidentReported", "incidentAssigned", "incidentEscalated", "askPersonQuestion", "reminder"];

    [Fact]
    public void Package_holds_the_manifest_and_both_icons_at_the_zip_root()
    {
        package.Entries.Keys.Should().BeEquivalentTo("manifest.json", "color.png", "outline.png");
        package.Manifest["icons"]!["color"]!.GetValue<string>().Should().Be("color.png");
        package.Manifest["icons"]!["outline"]!.GetValue<string>().Should().Be("outline.png");
    }

    [Fact]
    public async Task Produced_manifest_passes_the_official_schema_offline()
    {
        var file = Path.Combine(package.Folder, "produced-manifest.json");
        await File.WriteAllBytesAsync(file, package.Entries["manifest.json"]);

        var result = await NodeScript.RunAsync("tools/manifest/validate.mjs", file);

        ErrorsOf(result).Should().BeEmpty();
        result.ExitCode.Should().Be(0);
        package.Manifest["$schema"]!.GetValue<string>().Should().Be("https://developer.microsoft.com/json-schemas/teams/v1.30/MicrosoftTeams.schema.json");
    }

    [Fact]
    public async Task A_broken_manifest_is_reported_with_its_errors()
    {
        var broken = package.Manifest.DeepClone().AsObject();
        broken["accentColor"] = "school blue";
        broken["developer"]!.AsObject().Remove("privacyUrl");
        broken["bots"]![0]!["scopes"] = new JsonArray("personal", "classroom");
        var file = Path.Combine(package.Folder, "broken-manifest.json");
        await File.WriteAllTextAsync(file, broken.ToJsonString());

        var result = await NodeScript.RunAsync("tools/manifest/validate.mjs", file);

        result.ExitCode.Should().Be(1);
        var errors = ErrorsOf(result);
        errors.Should().Contain(e => e.StartsWith("/accentColor "));
        errors.Should().Contain(e => e.StartsWith("/developer ") && e.Contains("privacyUrl"));
        errors.Should().Contain(e => e.StartsWith("/bots/0/scopes/1 "));
    }

    [Fact]
    public void App_id_and_domain_are_filled_everywhere_and_no_placeholder_is_left()
    {
        package.ManifestText.Should().NotContain("{{").And.NotContain("}}");
        package.Manifest["id"]!.GetValue<string>().Should().Be(TeamsAppPackageFixture.AppId);
        package.Manifest["bots"]![0]!["botId"]!.GetValue<string>().Should().Be(TeamsAppPackageFixture.AppId);
        package.Manifest["webApplicationInfo"]!["id"]!.GetValue<string>().Should().Be(TeamsAppPackageFixture.AppId);
        package.Manifest["webApplicationInfo"]!["resource"]!.GetValue<string>()
            .Should().Be($"api://{TeamsAppPackageFixture.Domain}/{TeamsAppPackageFixture.AppId}");
        package.Manifest["validDomains"]!.AsArray().Select(d => d!.GetValue<string>())
            .Should().Equal(TeamsAppPackageFixture.Domain);
        package.Manifest["developer"]!["privacyUrl"]!.GetValue<string>().Should().StartWith($"https://{TeamsAppPackageFixture.Domain}/");
    }

    [Fact]
    public void Bot_works_in_personal_and_team_scopes_without_files_and_in_shared_channels()
    {
        var bot = package.Manifest["bots"]![0]!;
        bot["scopes"]!.AsArray().Select(s => s!.GetValue<string>()).Should().Contain(["personal", "team"]);
        bot["supportsFiles"]!.GetValue<bool>().Should().BeFalse();
        package.Manifest["supportsChannelFeatures"]!.GetValue<string>().Should().Be("tier1");
        Version.Parse(package.Manifest["manifestVersion"]!.GetValue<string>()).Should().BeGreaterThanOrEqualTo(new Version(1, 25));
    }

    [Theory]
    [InlineData("personal")]
    [InlineData("team")]
    public void Every_command_is_listed_with_a_short_title_and_a_description(string scope)
    {
        var list = package.Manifest["bots"]![0]!["commandLists"]!.AsArray()
            .Single(l => l!["scopes"]!.AsArray().Any(s => s!.GetValue<string>() == scope))!;
        var commands = list["commands"]!.AsArray().Select(c => (
            Title: c!["title"]!.GetValue<string>(),
            Description: c["description"]?.GetValue<string>() ?? ""));

        commands.Select(c => c.Title).Should().BeEquivalentTo(Commands);
        commands.Should().OnlyContain(c => c.Title.Length <= 32 && c.Description.Length > 10);
    }

    [Fact]
    public void Activity_types_for_graph_notifications_are_declared_with_parameterised_text()
    {
        var declared = package.Manifest["activities"]!["activityTypes"]!.AsArray()
            .ToDictionary(a => a!["type"]!.GetValue<string>(), a => a!["templateText"]!.GetValue<string>());

        declared.Keys.Should().Contain(ActivityTypes);
        declared.Values.Should().OnlyContain(text => Regex.IsMatch(text, @"\{[A-Za-z]+\}"));
    }

    [Fact]
    public async Task Packaging_refuses_a_bad_app_id_or_domain_and_writes_nothing()
    {
        var zip = Path.Combine(package.Folder, "refused.zip");

        var result = await NodeScript.RunAsync("tools/manifest/package.mjs",
            "--app-id", "not-a-guid", "--domain", "https://policybot.example/api", "--out", zip);

        result.ExitCode.Should().Be(1);
        result.Stderr.Should().Contain("--app-id must be a GUID").And.Contain("--domain must be a host name");
        File.Exists(zip).Should().BeFalse();
    }

    static List<string> ErrorsOf(NodeScript.Result result)
    {
        using var json = JsonDocument.Parse(result.Stdout);
        return json.RootElement.GetProperty("errors").EnumerateArray().Select(e => e.GetString()!).ToList();
    }
}
