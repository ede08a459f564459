namespace OllamaOrleans.Api.Security;

/// <summary>One configured key (<c>Auth:Keys:N</c>): its name (the client's name too), its SHA-256 and its role.</summary>
public sealed record ApiKey(string Name, byte[] Hash, string Role);
