namespace OllamaOrleans.GrainInterfaces.Models;

/// <summary>
/// A model as listed by <c>/api/tags</c>: on the host's disk, ready to load. A cloud model (Ollama
/// 0.12+) is listed too, with <see cref="RemoteHost"/> and <see cref="RemoteModel"/>: its entry is a
/// small manifest, its requests are proxied to the remote host, and it never appears in <c>/api/ps</c>.
/// </summary>
[GenerateSerializer, Immutable, Alias("OllamaOrleans.AvailableModel")]
public sealed record AvailableModel(
    [property: Id(0)] long SizeBytes,
    [property: Id(1)] string Digest,
    [property: Id(2)] DateTimeOffset? ModifiedAt,
    [property: Id(3)] ModelDetails Details)
{
    /// <summary><c>remote_host</c>: where Ollama proxies a cloud model's requests; null for a local model.</summary>
    [Id(4)]
    public string? RemoteHost { get; init; }

    /// <summary><c>remote_model</c>: the cloud model's name there; null for a local model.</summary>
    [Id(5)]
    public string? RemoteModel { get; init; }

    public bool IsEquivalentTo(AvailableModel? other) =>
        other is not null && SizeBytes == other.SizeBytes && Digest == other.Digest
        && ModifiedAt == other.ModifiedAt && Details.IsEquivalentTo(other.Details)
        && RemoteHost == other.RemoteHost && RemoteModel == other.RemoteModel;
}
