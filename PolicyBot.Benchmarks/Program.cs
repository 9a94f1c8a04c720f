using BenchmarkDotNet.Running;

namespace PolicyBot.Benchmarks;

public static class BenchmarkProgram
{
    public static void Main(string[] args)
    {
        if (args is ["trust", ..])
        {
            Policies.TrustStartup.Run(args);
            return;
        }
        BenchmarkSwitcher.FromAssembly(typeof(BenchmarkProgram).Assembly).Run(args);
    }
}
