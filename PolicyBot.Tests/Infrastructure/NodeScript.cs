using System.Diagnostics;
using System.Text.Json;
namespace PolicyBot.Tests.Infrastructure;

/// <summary>Runs one of the repository's node scripts (tools/**/*.mjs) from the repository root and reads its output.</summary>
public static class NodeScript
{
    public sealed record Result(int ExitCode, string Stdout, string Stderr)
    {
        public JsonDocument Json() => JsonDocument.Parse(Stdout);
    }

    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromMinutes(2);

    public static Task<Result> RunAsync(string script, params string[] args) => RunAsync(script, args, DefaultTimeout);

    public static async Task<Result> RunAsync(string script, IEnumerable<string> args, TimeSpan timeout)
    {
        Directory.Exists(RepoPaths.NodeModules).Should().BeTrue($"the npm tools are needed at {RepoPaths.NodeModules} (npm ci)");
        var start = new ProcessStartInfo("node")
        {
            WorkingDirectory = RepoPaths.Root,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Path.Combine(RepoPaths.Root, script));
        foreach (var arg in args)
            start.ArgumentList.Add(arg);

        using var process = Process.Start(start) ?? throw new InvalidOperationException("node did not start");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var cts = new CancellationTokenSource(timeout);
        try
        {
            await process.WaitForExitAsync(cts.Token);
        }
        catch (OperationCanceledException)
        {
            // Chromium is a child of node: end the whole tree we started, then report.
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync(CancellationToken.None);
            throw new TimeoutException($"{script} did not finish within {timeout}: {await stderr}");
        }
        return new Result(process.ExitCode, await stdout, await stderr);
    }
}
