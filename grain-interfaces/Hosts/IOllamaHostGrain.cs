namespace OllamaOrleans.GrainInterfaces;

/// <summary>
/// One monitored Ollama host, keyed by its name. Polls the host's API on a timer and publishes its
/// snapshot to the registry of the silo it lives on.
/// </summary>
public interface IOllamaHostGrain : IGrainWithStringKey
{
    /// <summary>Configures the host (or confirms its configuration) and makes sure it is polling.</summary>
    Task StartAsync(HostRegistration registration);

    /// <summary>Stops monitoring: clears the persisted state, retires model grains, drops the series.</summary>
    Task DecommissionAsync();

    /// <summary>The last snapshot, or null when the host is not registered.</summary>
    Task<HostSnapshot?> GetSnapshotAsync();

    /// <summary>Polls now, outside the timer, and returns the resulting snapshot.</summary>
    Task<HostSnapshot> PollNowAsync();
}
