using OllamaOrleans.Api.Analytics;

namespace OllamaOrleans.Api.Models;

/// <summary>A model's current state and its rolling statistics per window (<c>1m</c>, <c>5m</c>, <c>1h</c>, <c>24h</c>).</summary>
public sealed record ModelDetailView(string Host, ModelStateView State, string Source, IReadOnlyDictionary<string, StatsView> Statistics);
