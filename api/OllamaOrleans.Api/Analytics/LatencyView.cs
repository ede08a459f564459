namespace OllamaOrleans.Api.Analytics;

/// <summary>Latency quantiles in seconds (within 2 %: they come from a mergeable sketch); null without requests.</summary>
public sealed record LatencyView(double? P50, double? P95, double? P99);
