using OllamaOrleans.GrainInterfaces.Models;

namespace OllamaOrleans.Grains.Ollama;

/// <summary>One entry of <c>/api/ps</c>: the display name, the runner's figures and the model's details.</summary>
public sealed record PsEntry(string Name, LoadedModel Model, ModelDetails Details);
