using BenchmarkDotNet.Attributes;
using OllamaOrleans.Api.Analytics;
using OllamaOrleans.GrainInterfaces.Statistics;
using OllamaOrleans.Grains.Statistics;
using OllamaOrleans.Protocol.Ollama;
using OllamaOrleans.Protocol.Statistics;

namespace OllamaOrleans.Benchmarks;

/// <summary>
/// What one measured request costs the model grain (rolling windows and cumulative counters), and what
/// the analytics rollup over 1,000 models (200 hosts, 5 models each, with traffic in the window) costs.
/// </summary>
[MemoryDiagnoser]
[Config(typeof(InProcessShortRun))]
public class StatisticsBenchmarks
{
    private static readonly DateTimeOffset T0 = DateTimeOffset.FromUnixTimeSeconds(1_800_000_000);
    private readonly RollingWindows windows = new();
    private readonly InferenceCounters counters = new() { Source = InferenceSources.Traffic };
    private HostStatistics[] hosts = [];
    private long tick;

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(7);
        hosts = [.. Enumerable.Range(0, 200).Select(h =>
        {
            var models = Enumerable.Range(0, 5).Select(m =>
            {
                var model = new RollingWindows();
                for (var i = 0; i < 200; i++)
                {
                    model.Record(new RequestRecord(T0.AddSeconds(i * 17), i % 50 == 0 ? "503" : RequestOutcomes.Ok, random.NextDouble() * 20, 50, 200, 4));
                }

                return new ModelStatistics($"gpu-{h}", $"model-{m}:latest", model.Summarize(StatisticsWindow.OneHour, T0.AddSeconds(3400)));
            }).ToArray();
            return new HostStatistics($"gpu-{h}", models.Aggregate(WindowSummary.Empty(StatisticsWindow.OneHour), (s, m) => s.Merge(m.Summary)), [.. models]);
        })];
    }

    [Benchmark(Description = "record one request in the rolling windows")]
    public void RecordInWindows()
    {
        var at = T0.AddMilliseconds(tick++ * 250);
        windows.Record(new RequestRecord(at, RequestOutcomes.Ok, 1.25, 40, 180, 3.5));
    }

    [Benchmark(Description = "record one request in the Prometheus counters")]
    public void RecordInCounters() =>
        counters.Record(new InferenceRecord(T0, InferenceSources.Traffic, "chat", "POST", "200", 1.25, 0.2, 0.003, 40, 0.1, 180, 3.5));

    [Benchmark(Description = "fleet rollup of 1,000 models (analytics report)")]
    public ModelAnalytics FleetRollup() => AnalyticsReport.Build(StatisticsWindow.OneHour, null, null, hosts, 10);
}
