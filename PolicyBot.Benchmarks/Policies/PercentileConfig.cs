using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;

namespace PolicyBot.Benchmarks.Policies;

/// <summary>Adds median, P95 and max (BenchmarkDotNet has no P99 column; see TrustStartup for a measured p99).</summary>
public sealed class PercentileConfig : ManualConfig
{
    public PercentileConfig() => AddColumn(StatisticColumn.P50, StatisticColumn.P95, StatisticColumn.Max);
}
