namespace PolicyBot.Tests.Infrastructure;

/// <summary>Where the repository, ../shared and the npm tools are, found from the test assembly's folder.</summary>
public static class RepoPaths
{
    public static string Root { get; } = FindRoot();

    /// <summary>The five real school policies, beside the repository (CI clones with ../shared beside it).</summary>
    public static string SharedPolicies => Path.GetFullPath(Path.Combine(Root, "..", "shared", "policies"));

    public static string SharedEval => Path.GetFullPath(Path.Combine(Root, "..", "shared", "eval"));

    public static string NodeModules => Path.Combine(Root, "node_modules");

    public static string NodeBin(string tool) => Path.Combine(NodeModules, ".bin", tool);

    static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "PolicyBot.sln")))
                return dir.FullName;
        }
        throw new InvalidOperationException($"PolicyBot.sln not found above {AppContext.BaseDirectory}");
    }
}
