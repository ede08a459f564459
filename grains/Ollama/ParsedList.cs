namespace OllamaOrleans.Grains.Ollama;

/// <summary>A parsed model listing and the number of entries skipped because they carried no name.</summary>
public sealed record ParsedList<T>(IReadOnlyList<T> Items, int Skipped);
