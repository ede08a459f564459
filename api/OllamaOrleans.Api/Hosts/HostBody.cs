namespace OllamaOrleans.Api.Hosts;

/// <summary>A host request body whose fields have the right JSON types; values not checked yet.</summary>
public sealed record HostBody(string? Name, string? Url, IReadOnlyDictionary<string, string>? Labels);
