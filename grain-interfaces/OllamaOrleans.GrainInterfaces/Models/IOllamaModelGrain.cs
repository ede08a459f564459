using OllamaOrleans.GrainInterfaces.Statistics;

namespace OllamaOrleans.GrainInterfaces.Models;

/// <summary>
/// One model on one host, keyed <c>host/model</c> (see <see cref="ModelKey"/>). Holds the model's
/// presence, residency and cumulative counters; the host grain feeds it observations.
/// </summary>
[Alias("OllamaOrleans.IOllamaModelGrain")]
public interface IOllamaModelGrain : IGrainWithStringKey
{
    /// <summary>Records what the latest poll saw and returns the model's snapshot with its counters.</summary>
    Task<ModelSnapshot> ObserveAsync(ModelObservation observation);

    /// <summary>The current snapshot, or null when the model has never been observed.</summary>
    Task<ModelSnapshot?> GetSnapshotAsync();

    /// <summary>Records measured requests (probes, or traffic from the gateway) and returns the snapshot.</summary>
    Task<ModelSnapshot> RecordAsync(IReadOnlyList<InferenceRecord> records);

    /// <summary>The rolling statistics of one window, of one source ("probe", "traffic") or of both (null).</summary>
    Task<WindowSummary> GetWindowAsync(StatisticsWindow window, string? source);

    /// <summary>Probes now, if the probe settings and the host allow it (LoadedOnly: a client used the model in the last seconds; no interval applies).</summary>
    Task<ProbeOutcome> ProbeNowAsync();

    /// <summary>The model left its host: forget it.</summary>
    Task RetireAsync();
}
