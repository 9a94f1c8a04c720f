using BenchmarkDotNet.Running;
using PolicyBot.Benchmarks.Load;
using PolicyBot.Benchmarks.Storage;

namespace PolicyBot.Benchmarks;

public static class BenchmarkProgram
{
    public static async Task<int> Main(string[] args)
    {
        // Throughput against a live service is a plain timed run, not a BenchmarkDotNet micro-benchmark.
        if (args.Length > 0 && args[0] == TablesThroughput.Command)
            return await TablesThroughput.RunAsync(args[1..]);
        // The local Connector sink and bare baseline endpoint for bench/load/run.sh.
        if (args is ["sink", var url])
        {
            await LoadSinkServer.RunAsync(url);
            return 0;
        }
        BenchmarkSwitcher.FromAssembly(typeof(BenchmarkProgram).Assembly).Run(args);
        return 0;
    }
}
