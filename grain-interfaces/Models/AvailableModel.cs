namespace OllamaOrleans.GrainInterfaces;

/// <summary>A model as listed by <c>/api/tags</c>: on the host's disk, ready to load.</summary>
[GenerateSerializer, Immutable, Alias("OllamaOrleans.AvailableModel")]
public sealed record AvailableModel(
    [property: Id(0)] long SizeBytes,
    [property: Id(1)] string Digest,
    [property: Id(2)] DateTimeOffset? ModifiedAt,
    [property: Id(3)] ModelDetails Details)
{
    public bool IsEquivalentTo(AvailableModel? other) =>
        other is not null && SizeBytes == other.SizeBytes && Digest == other.Digest
        && ModifiedAt == other.ModifiedAt && Details.IsEquivalentTo(other.Details);
}
