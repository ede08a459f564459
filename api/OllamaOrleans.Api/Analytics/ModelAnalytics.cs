namespace OllamaOrleans.Api.Analytics;

/// <summary>The answer of <c>GET /api/v1/analytics/models</c>.</summary>
public sealed record ModelAnalytics(
    string Window,
    string Source,
    string? Host,
    StatsView Total,
    IReadOnlyList<HostView> Hosts,
    IReadOnlyList<ModelView> Models,
    TopModels Top);
