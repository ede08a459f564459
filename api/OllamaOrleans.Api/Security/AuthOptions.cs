namespace OllamaOrleans.Api.Security;

/// <summary>The <c>Auth</c> section: the keys, and what <c>/metrics</c> and the dashboard require.</summary>
public sealed class AuthOptions
{
    public const string Section = "Auth";

    public List<ApiKey> Keys { get; set; } = [];

    public AccessLevel Metrics { get; set; } = AccessLevel.Anonymous;

    /// <summary>Anonymous in the embedded default, admin in a cluster (unless set).</summary>
    public AccessLevel Dashboard { get; set; } = AccessLevel.Anonymous;

    /// <summary>Whether <c>Auth:Dashboard</c> was set, rather than taken from the mode.</summary>
    public bool DashboardSet { get; set; }
}
