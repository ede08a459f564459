namespace OllamaOrleans.Api.Analytics;

/// <summary>One host's statistics, merged over its models.</summary>
public sealed record HostView(string Host, StatsView Stats);
