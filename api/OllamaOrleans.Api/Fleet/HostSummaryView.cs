namespace OllamaOrleans.Api.Fleet;

/// <summary>One host in the fleet summary: up or down (null: not polled yet), loaded models and their VRAM.</summary>
public sealed record HostSummaryView(string Name, string Source, bool? Up, int ModelsLoaded, long VramBytes, IReadOnlyList<string> LoadedModels);
