using System.Diagnostics;
using System.Reflection;
using System.Text.Json;
using PolicyBot.Tests.Infrastructure;

namespace PolicyBot.Tests.Infra;

/// <summary>
/// infra/main.bicep compiled by the Bicep CLI (the NuGet package the Bicep MSBuild integration uses), and the
/// ARM template it produces checked against the parameters file and the resources a deployment needs.
/// </summary>
public sealed class MainTemplateCompileTests
{
    static readonly string TemplatePath = Path.Combine(RepoPaths.Root, "infra", "main.bicep");

    static readonly Lazy<BicepRun> Build = new(() => BicepRun.Of("build", TemplatePath, "--stdout"));

    static JsonElement Arm => JsonDocument.Parse(Build.Value.Stdout).RootElement;

    static readonly JsonElement ParametersFile =
        JsonDocument.Parse(File.ReadAllText(Path.Combine(RepoPaths.Root, "infra", "main.parameters.json"))).RootElement;

    [Fact]
    public void The_template_compiles_with_no_error_or_warning()
    {
        Build.Value.ExitCode.Should().Be(0, Build.Value.Stderr);
        Build.Value.Stderr.Should().BeEmpty("the Bicep compiler and its linter have nothing to say about the template");
        Arm.GetProperty("$schema").GetString().Should().Contain("deploymentTemplate.json");
    }

    [Fact]
    public void The_linter_finds_nothing()
    {
        var lint = BicepRun.Of("lint", TemplatePath);

        lint.ExitCode.Should().Be(0, lint.Stderr);
        (lint.Stdout + lint.Stderr).Should().BeEmpty();
    }

    [Fact]
    public void The_compiled_template_takes_the_parameters_file_as_it_is()
    {
        var declared = Arm.GetProperty("parameters").EnumerateObject().ToDictionary(p => p.Name, p => p.Value);
        var given = ParametersFile.GetProperty("parameters").EnumerateObject().ToList();

        given.Select(p => p.Name).Should().OnlyContain(name => declared.ContainsKey(name));
        declared.Where(d => !d.Value.TryGetProperty("defaultValue", out _)).Select(d => d.Key)
            .Should().BeSubsetOf(given.Select(p => p.Name));
        foreach (var parameter in given)
        {
            var declaration = declared[parameter.Name];
            var value = parameter.Value.GetProperty("value");
            var kind = declaration.GetProperty("type").GetString() switch
            {
                "string" or "securestring" => JsonValueKind.String,
                "object" or "secureObject" => JsonValueKind.Object,
                "array" => JsonValueKind.Array,
                "int" => JsonValueKind.Number,
                var other => throw new InvalidOperationException($"{parameter.Name}: type {other} not expected in this template"),
            };
            value.ValueKind.Should().Be(kind, parameter.Name);
            if (declaration.TryGetProperty("allowedValues", out var allowed))
                allowed.EnumerateArray().Select(a => a.GetString()).Should().Contain(value.GetString(), parameter.Name);
        }
    }

    [Fact]
    public void The_compiled_template_deploys_the_bot_its_tables_identity_and_telemetry_and_says_where_they_are()
    {
        var types = Arm.GetProperty("resources").EnumerateArray().Select(r => r.GetProperty("type").GetString()).ToList();

        types.Should().Contain([
            "Microsoft.ManagedIdentity/userAssignedIdentities", "Microsoft.Storage/storageAccounts",
            "Microsoft.Storage/storageAccounts/tableServices", "Microsoft.Authorization/roleAssignments",
            "Microsoft.Web/serverfarms", "Microsoft.Web/sites", "Microsoft.BotService/botServices",
            "Microsoft.BotService/botServices/channels", "Microsoft.Insights/components"]);
        Arm.GetProperty("outputs").EnumerateObject().Select(o => o.Name)
            .Should().Contain(["botEndpoint", "botAppId", "storageTableEndpoint", "webAppName"]);
    }

    /// <summary>One run of the Bicep CLI, with what it printed.</summary>
    sealed record BicepRun(int ExitCode, string Stdout, string Stderr)
    {
        static string Executable
        {
            get
            {
                var path = typeof(BicepRun).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
                    .Single(a => a.Key == "BicepPath").Value;
                path.Should().NotBeNullOrEmpty("the Azure.Bicep.CommandLine package sets BicepPath when restored");
                return Path.GetFullPath(path!.Replace('\\', '/'));
            }
        }

        public static BicepRun Of(params string[] arguments)
        {
            var start = new ProcessStartInfo(Executable) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
            foreach (var argument in arguments)
                start.ArgumentList.Add(argument);
            // Offline: no telemetry, and no check for a newer version.
            start.Environment["BICEP_TELEMETRY_ENABLED"] = "false";
            using var process = Process.Start(start)!;
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEndAsync();
            if (!process.WaitForExit(TimeSpan.FromMinutes(2)))
            {
                process.Kill(entireProcessTree: true);
                throw new TimeoutException("bicep did not finish in two minutes");
            }
            return new BicepRun(process.ExitCode, stdout.Result, stderr.Result);
        }
    }
}
