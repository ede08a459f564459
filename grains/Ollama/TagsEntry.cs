using OllamaOrleans.GrainInterfaces.Models;

namespace OllamaOrleans.Grains.Ollama;

/// <summary>One entry of <c>/api/tags</c>: the display name and what is on disk.</summary>
public sealed record TagsEntry(string Name, AvailableModel Model);
