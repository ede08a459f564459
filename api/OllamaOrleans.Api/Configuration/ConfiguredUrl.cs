namespace OllamaOrleans.Api.Configuration;

/// <summary>A host URL from the settings, with the setting that named it (for error messages).</summary>
public sealed record ConfiguredUrl(string Setting, string Url);
