namespace OllamaOrleans.Api.Analytics;

/// <summary>One model's statistics; across the fleet, merged over the hosts it ran on.</summary>
public sealed record ModelView(string Model, IReadOnlyList<string> Hosts, StatsView Stats);
