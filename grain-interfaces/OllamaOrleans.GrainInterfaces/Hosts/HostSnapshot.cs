using System.Collections.Immutable;
using OllamaOrleans.GrainInterfaces.Models;

namespace OllamaOrleans.GrainInterfaces.Hosts;

/// <summary>
/// Everything the monitor knows about one host after its latest poll; <c>/metrics</c> renders it.
/// Immutable: the host grain publishes a new one each poll.
/// </summary>
[GenerateSerializer, Immutable, Alias("OllamaOrleans.HostSnapshot")]
public sealed record HostSnapshot(
    [property: Id(0)] HostRegistration Registration,
    [property: Id(1)] bool Up,
    [property: Id(2)] string? Version,
    [property: Id(3)] DateTimeOffset? LastPollAt,
    [property: Id(4)] DateTimeOffset? LastSuccessAt,
    [property: Id(5)] ImmutableArray<ModelSnapshot> Models,
    [property: Id(6)] ImmutableArray<EndpointPollStats> Endpoints,
    [property: Id(7)] long ModelsDropped,
    [property: Id(8)] string? LastError)
{
    public string Name => Registration.Name;

    /// <summary>Local models on disk; cloud models are listed by <c>/api/tags</c> but are not on disk.</summary>
    public int ModelsAvailable => Models.Count(m => m.Available is not null && !m.IsCloud);

    public int ModelsLoaded => Models.Count(m => m.Loaded is not null && !m.IsCloud);

    /// <summary>Cloud models <c>/api/tags</c> lists (proxied to their remote host).</summary>
    public int ModelsCloud => Models.Count(m => m.Available is not null && m.IsCloud);
}
