using System.Collections.Immutable;

namespace OllamaOrleans.GrainInterfaces.Models;

/// <summary>A model's descriptive details as <c>/api/tags</c> reports them ("" when Ollama leaves them empty).</summary>
[GenerateSerializer, Immutable, Alias("OllamaOrleans.ModelDetails")]
public sealed record ModelDetails(
    [property: Id(0)] string Format,
    [property: Id(1)] string Family,
    [property: Id(2)] ImmutableArray<string> Families,
    [property: Id(3)] string ParameterSize,
    [property: Id(4)] string QuantizationLevel,
    [property: Id(5)] int ContextLength,
    [property: Id(6)] int EmbeddingLength,
    [property: Id(7)] ImmutableArray<string> Capabilities)
{
    public static ModelDetails Empty { get; } = new("", "", [], "", "", 0, 0, []);

    public bool IsEquivalentTo(ModelDetails other) =>
        Format == other.Format && Family == other.Family && ParameterSize == other.ParameterSize
        && QuantizationLevel == other.QuantizationLevel && ContextLength == other.ContextLength
        && EmbeddingLength == other.EmbeddingLength
        && Families.SequenceEqual(other.Families) && Capabilities.SequenceEqual(other.Capabilities);
}
