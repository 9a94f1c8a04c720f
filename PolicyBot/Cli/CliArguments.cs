namespace PolicyBot.Cli;

/// <summary>The parsed command line: a verb, its options and the remaining words.</summary>
internal sealed record CliArguments(string Verb, string? Policies, string? Schools, string? School, bool JsonLines, IReadOnlyList<string> Positional, bool Explain = false)
{
    public static CliArguments Parse(string[] args)
    {
        if (args.Length == 0)
            throw new ArgumentException("No verb given.");
        string? policies = null, schools = null, school = null;
        var jsonl = false;
        var explain = false;
        var positional = new List<string>();
        for (var i = 1; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--policies": policies = Value(args, ref i); break;
                case "--schools": schools = Value(args, ref i); break;
                case "--school": school = Value(args, ref i); break;
                case "--jsonl": jsonl = true; break;
                case "--explain": explain = true; break;
                case "--": positional.AddRange(args[(i + 1)..]); i = args.Length; break;
                case var option when option.StartsWith("--", StringComparison.Ordinal):
                    throw new ArgumentException($"Unknown option '{option}'.");
                default: positional.Add(args[i]); break;
            }
        }
        return new CliArguments(args[0], policies, schools, school, jsonl, positional, explain);
    }

    static string Value(string[] args, ref int i)
    {
        if (i + 1 >= args.Length || args[i + 1].StartsWith("--", StringComparison.Ordinal))
            throw new ArgumentException($"Option '{args[i]}' needs a value.");
        return args[++i];
    }
}
