using BenchmarkDotNet.Running;
using PolicyBot.Benchmarks.Load;
using PolicyBot.Benchmarks.Policies;
using PolicyBot.Benchmarks.Storage;

namespace PolicyBot.Benchmarks;

public static class BenchmarkProgram
{
    public static async Task<int> Main(string[] args)
    {
        // Runs against live services or whole-app start-up are plain timed runs, not BenchmarkDotNet micro-benchmarks.
        switch (args)
        {
            case [TablesThroughput.Command, ..]:
                return await TablesThroughput.RunAsync(args[1..]);
            case ["trust", ..]:
                TrustStartup.Run(args);
                return 0;
            case ["sink", var url]:
                // The local Connector sink and bare baseline endpoint for bench/load/run.sh.
                await LoadSinkServer.RunAsync(url);
                return 0;
        }
        BenchmarkSwitcher.FromAssembly(typeof(BenchmarkProgram).Assembly).Run(args);
        return 0;
    }
}
