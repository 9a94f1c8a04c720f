using System.Diagnostics;
using PolicyBot.Policies;

namespace PolicyBot.Benchmarks.Policies;

/// <summary>
/// A synthetic trust: N schools generated from the five real policies (each a renamed copy, so every index is
/// built from its own text), loaded as the app would at start-up. Prints build time and retained memory for
/// several sizes, to show growth is linear, then answer latency percentiles over the whole trust.
/// Run: dotnet run -c Release --project PolicyBot.Benchmarks -- trust [schools]
/// </summary>
public static class TrustStartup
{
    public static void Run(string[] args)
    {
        var target = args.Length > 1 && int.TryParse(args[1], out var n) ? n : 1000;
        var sources = Directory.EnumerateFiles(BenchmarkPaths.SharedPolicies, "*.txt").Order(StringComparer.Ordinal)
            .Select(p => (Name: Path.GetFileNameWithoutExtension(p), Text: File.ReadAllText(p))).ToList();
        _ = TextAnalyzer.Default; // the shared vocabulary is loaded once per process, not per school

        Console.WriteLine("schools | start-up (parse + index) | retained memory | per school");
        PolicyLibrary? library = null;
        foreach (var size in new[] { target / 4, target / 2, target })
        {
            library = null;
            Collect();
            var before = GC.GetTotalMemory(forceFullCollection: true);
            var clock = Stopwatch.StartNew();
            library = Build(sources, size);
            clock.Stop();
            Collect();
            var retained = GC.GetTotalMemory(forceFullCollection: true) - before;
            Console.WriteLine($"{size,7} | {clock.Elapsed.TotalSeconds,8:0.000} s | {retained / 1048576.0,9:0.0} MB | {retained / 1024.0 / size,7:0.0} KB");
        }

        var questions = new[]
        {
            "a y5 girl sent me a follow request on insta, can I accept?",
            "Can I use the school laptop to look at my facebook during lunch?",
            "can I use the school's twitter account to advertise my cake business?",
            "Can I post photos from sports day on my own facebook?",
            "I think an older pupil is being radicalised online, who do I tell?",
            "What's the recipe for the school dinner lasagne?",
        };
        var ids = library!.SchoolIds.ToArray();
        var random = new Random(42);
        for (var i = 0; i < 2000; i++) library.Answer(ids[random.Next(ids.Length)], questions[i % questions.Length]);
        var samples = new double[20000];
        for (var i = 0; i < samples.Length; i++)
        {
            var id = ids[random.Next(ids.Length)];
            var start = Stopwatch.GetTimestamp();
            library.Answer(id, questions[i % questions.Length]);
            samples[i] = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
        }
        Array.Sort(samples);
        Console.WriteLine($"answer latency over {ids.Length} schools, {samples.Length} questions: p50 {samples[samples.Length / 2]:0.000} ms, p99 {samples[(int)(samples.Length * 0.99)]:0.000} ms, max {samples[^1]:0.000} ms");
    }

    static PolicyLibrary Build(List<(string Name, string Text)> sources, int size)
    {
        var library = new PolicyLibrary();
        for (var i = 0; i < size; i++)
        {
            var (name, text) = sources[i % sources.Count];
            var id = $"{name}-{i:0000}";
            library.Add(id, PolicyParser.Parse(id, text.Replace("Primary School", $"Primary School {i}", StringComparison.Ordinal)));
        }
        return library;
    }

    static void Collect()
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
    }
}
