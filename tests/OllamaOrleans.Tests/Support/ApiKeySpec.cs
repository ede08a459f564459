namespace OllamaOrleans.Tests.Support;

/// <summary>A key a test API server is configured with: its name, the key itself (only its hash is configured) and its role.</summary>
public sealed record ApiKeySpec(string Name, string Key, string Role)
{
    public static ApiKeySpec Admin { get; } = new("ops", "admin-key-0123456789abcdef", "admin");

    public static ApiKeySpec Reader { get; } = new("prom", "read-key-0123456789abcdef", "read");
}
