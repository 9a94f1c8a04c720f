namespace PolicyBot.Benchmarks.Policies;

/// <summary>Finds ../shared/policies from wherever BenchmarkDotNet runs its generated process.</summary>
internal static class BenchmarkPaths
{
    public static string SharedPolicies
    {
        get
        {
            if (Environment.GetEnvironmentVariable("POLICYBOT_POLICIES") is { Length: > 0 } configured)
                return configured;
            foreach (var start in new[] { AppContext.BaseDirectory, Directory.GetCurrentDirectory() })
            {
                for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
                {
                    if (File.Exists(Path.Combine(dir.FullName, "PolicyBot.sln")))
                        return Path.GetFullPath(Path.Combine(dir.FullName, "..", "shared", "policies"));
                }
            }
            throw new InvalidOperationException("PolicyBot.sln not found; set POLICYBOT_POLICIES to the policies folder.");
        }
    }
}
