using OllamaOrleans.GrainInterfaces.Statistics;

namespace OllamaOrleans.Api.Analytics;

/// <summary>The JSON shape of one window's statistics.</summary>
public sealed record StatsView(
    long Requests,
    long Errors,
    double ErrorRatio,
    IReadOnlyDictionary<string, long> ErrorsByClass,
    long PromptTokens,
    long GenerationTokens,
    double? TokensPerSecond,
    LatencyView Latency)
{
    public static StatsView From(WindowSummary s) => new(
        s.Requests,
        s.Errors,
        Math.Round(s.ErrorRatio, 6),
        s.ErrorsByClass,
        s.PromptTokens,
        s.GenerationTokens,
        s.TokensPerSecond is { } tps ? Math.Round(tps, 3) : null,
        new LatencyView(Round(s.Quantile(0.5)), Round(s.Quantile(0.95)), Round(s.Quantile(0.99))));

    private static double? Round(double? value) => value is { } v ? Math.Round(v, 6) : null;
}
