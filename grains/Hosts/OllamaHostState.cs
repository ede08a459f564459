using System.Collections.Immutable;
using OllamaOrleans.GrainInterfaces.Hosts;
using OllamaOrleans.Grains.Polling;

namespace OllamaOrleans.Grains.Hosts;

/// <summary>The persisted state of one host grain.</summary>
[GenerateSerializer, Alias("OllamaOrleans.OllamaHostState")]
public sealed class OllamaHostState
{
    [Id(0)]
    public HostRegistration? Registration { get; set; }

    /// <summary>The loaded set of the last successful <c>/api/ps</c>; null until there was one.</summary>
    [Id(1)]
    public Dictionary<string, LoadedRunner>? LoadedRunners { get; set; }

    [Id(2)]
    public Dictionary<string, EndpointCounters> Endpoints { get; set; } = new(StringComparer.Ordinal);

    [Id(3)]
    public string? Version { get; set; }

    [Id(4)]
    public DateTimeOffset? LastSuccessAt { get; set; }

    /// <summary>Canonical names of the models that have a model grain, so a restart can retire them.</summary>
    [Id(5)]
    public List<string> KnownModels { get; set; } = [];

    /// <summary>When the last poll ended, so an activation elsewhere keeps the host's cadence.</summary>
    [Id(6)]
    public DateTimeOffset? LastPollAt { get; set; }

    /// <summary>
    /// When the last activation stopped cleanly (a graceful stop's hand-over, a migration); null while
    /// one runs, so a state an activation finds without it was left by a crash (a fail-over).
    /// </summary>
    [Id(7)]
    public DateTimeOffset? StoppedAt { get; set; }

    public EndpointCounters CountersFor(string endpoint)
    {
        if (!Endpoints.TryGetValue(endpoint, out var counters))
        {
            counters = new EndpointCounters();
            Endpoints[endpoint] = counters;
        }

        return counters;
    }

    /// <summary>The poll counters of every endpoint, as the snapshot carries them.</summary>
    public ImmutableArray<EndpointPollStats> EndpointStats() => [.. PollEndpoints.All.Select(e => CountersFor(e).ToStats(e))];
}
