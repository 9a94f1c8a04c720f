using BenchmarkDotNet.Attributes;
using PolicyBot.Policies;

namespace PolicyBot.Benchmarks.Policies;

/// <summary>Answer latency with the five real policies loaded (one question per operation).</summary>
[MemoryDiagnoser]
[Config(typeof(PercentileConfig))]
public class AskBenchmarks
{
    PolicyLibrary _library = null!;

    // Staff-style questions written for the benchmark, one per school plus an off-topic one.
    public static IEnumerable<object[]> Questions() =>
    [
        ["st-georges", "a y5 girl sent me a follow request on insta, can I accept?"],
        ["bradfield", "Can I use the school laptop to look at my facebook during lunch?"],
        ["crosby", "can I use the school's twitter account to advertise my cake business?"],
        ["st-josephs", "Can I post photos from sports day on my own facebook?"],
        ["wexham-court", "I think an older pupil is being radicalised online, who do I tell?"],
        ["wexham-court", "What's the recipe for the school dinner lasagne?"],
    ];

    [GlobalSetup]
    public void Setup() => _library = PolicyLibrary.FromFolder(BenchmarkPaths.SharedPolicies);

    [Benchmark]
    [ArgumentsSource(nameof(Questions))]
    public PolicyAnswer Answer(string school, string question) => _library.Answer(school, question);
}
