using BenchmarkDotNet.Attributes;
using PolicyBot.Policies;

namespace PolicyBot.Benchmarks.Policies;

/// <summary>Parse + index build per real policy; allocated bytes approximate the memory one school needs.</summary>
[MemoryDiagnoser]
public class IndexBuildBenchmarks
{
    string _text = "";
    PolicyDocument _document = null!;

    [Params("bradfield", "crosby", "st-georges", "st-josephs", "wexham-court")]
    public string School { get; set; } = "";

    [GlobalSetup]
    public void Setup()
    {
        _text = File.ReadAllText(Path.Combine(BenchmarkPaths.SharedPolicies, School + ".txt"));
        _document = PolicyParser.Parse(School, _text);
        _ = TextAnalyzer.Default;
    }

    [Benchmark]
    public PolicyDocument Parse() => PolicyParser.Parse(School, _text);

    [Benchmark]
    public PolicyIndex BuildIndex() => PolicyIndex.Build(_document);
}
