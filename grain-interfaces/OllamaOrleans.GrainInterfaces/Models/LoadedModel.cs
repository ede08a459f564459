namespace OllamaOrleans.GrainInterfaces.Models;

/// <summary>A model as listed by <c>/api/ps</c>: resident in memory, with its runner's figures.</summary>
[GenerateSerializer, Immutable, Alias("OllamaOrleans.LoadedModel")]
public sealed record LoadedModel(
    [property: Id(0)] long MemoryBytes,
    [property: Id(1)] long VramBytes,
    [property: Id(2)] int ContextLength,
    [property: Id(3)] DateTimeOffset? ExpiresAt,
    [property: Id(4)] string Digest);
