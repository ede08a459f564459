using System.Collections.Immutable;
using OllamaOrleans.GrainInterfaces.Hosts;
using OllamaOrleans.GrainInterfaces.Models;

namespace OllamaOrleans.Grains.Hosts;

/// <summary>
/// Assembles the immutable snapshot a host grain publishes after each poll; the poll counters are the
/// stored ones (<see cref="HostStateCheckpoint"/>).
/// </summary>
public static class HostSnapshotFactory
{
    public static HostSnapshot Create(
        OllamaHostState state,
        bool up,
        DateTimeOffset? lastPollAt,
        IEnumerable<ModelSnapshot> models,
        int dropped,
        string? lastError,
        ImmutableArray<EndpointPollStats> endpoints)
    {
        return new HostSnapshot(
            state.Registration!,
            up,
            state.Version,
            lastPollAt,
            state.LastSuccessAt,
            [.. models.OrderBy(m => m.Name, StringComparer.Ordinal)],
            endpoints,
            dropped,
            lastError);
    }
}
