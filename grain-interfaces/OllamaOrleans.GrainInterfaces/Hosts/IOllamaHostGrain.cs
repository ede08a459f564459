using OllamaOrleans.GrainInterfaces.Models;
using OllamaOrleans.GrainInterfaces.Statistics;
using Orleans.Concurrency;

namespace OllamaOrleans.GrainInterfaces.Hosts;

/// <summary>
/// One monitored Ollama host, keyed by its name. Polls the host's API on a timer and publishes its
/// snapshot to the registry of the silo it lives on.
/// </summary>
[Alias("OllamaOrleans.IOllamaHostGrain")]
public interface IOllamaHostGrain : IGrainWithStringKey
{
    /// <summary>Configures the host (or confirms its configuration) and makes sure it is polling.</summary>
    Task StartAsync(HostRegistration registration);

    /// <summary>Stops monitoring: clears the persisted state, retires model grains, drops the series.</summary>
    Task DecommissionAsync();

    /// <summary>Moves to another silo, state and polling cadence kept: this silo is stopping.</summary>
    Task HandOverAsync();

    /// <summary>The last snapshot, or null when the host is not registered.</summary>
    Task<HostSnapshot?> GetSnapshotAsync();

    /// <summary>Polls now, outside the timer, and returns the resulting snapshot.</summary>
    Task<HostSnapshot> PollNowAsync();

    /// <summary>
    /// Asks to run one probe of a model: granted (with what the probe needs) when the host is up, not
    /// busy with traffic and no other probe runs on it; null otherwise. Touches only memory, so it
    /// interleaves with a running poll instead of waiting for it.
    /// </summary>
    [AlwaysInterleave]
    Task<ProbeLease?> TryStartProbeAsync(string canonicalModel);

    /// <summary>The probe granted by <see cref="TryStartProbeAsync"/> is over.</summary>
    [AlwaysInterleave, OneWay]
    Task EndProbeAsync(string canonicalModel);

    /// <summary>
    /// A gateway reports how many requests it has in flight to this host; probes wait while any
    /// gateway reports traffic (reports older than a minute are ignored, so a dead gateway does not
    /// stop probes for good).
    /// </summary>
    [AlwaysInterleave, OneWay]
    Task ReportTrafficAsync(string gateway, int inFlight);

    /// <summary>A model grain's snapshot changed outside a poll (a probe or traffic was recorded).</summary>
    [OneWay]
    Task ModelChangedAsync(string canonicalModel, ModelSnapshot snapshot);

    /// <summary>The rolling statistics of every tracked model of this host, and their rollup.</summary>
    Task<HostStatistics> GetStatisticsAsync(StatisticsWindow window, string? source);
}
