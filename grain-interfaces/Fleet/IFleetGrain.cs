namespace OllamaOrleans.GrainInterfaces;

/// <summary>
/// The registry of monitored Ollama hosts. One per cluster (key <see cref="Key"/>); it persists the
/// registrations and keeps every registered host grain alive.
/// </summary>
public interface IFleetGrain : IGrainWithStringKey
{
    /// <summary>The key of the one fleet grain.</summary>
    public const string Key = "fleet";

    /// <summary>
    /// Makes the registry hold exactly the configured hosts among those that came from configuration:
    /// adds new ones, updates changed ones, removes configuration hosts no longer configured. Hosts
    /// registered through the API are left alone. Idempotent.
    /// </summary>
    Task<FleetChange> SeedFromConfigurationAsync(IReadOnlyList<HostRegistration> configured);

    /// <summary>Adds or replaces one host.</summary>
    Task<FleetChange> UpsertAsync(HostRegistration registration);

    /// <summary>Removes one host; its grain stops polling and its series disappear.</summary>
    Task<bool> RemoveAsync(string hostName);

    Task<IReadOnlyList<HostRegistration>> GetHostsAsync();

    /// <summary>Activates every registered host grain (the watchdog's work, callable on demand).</summary>
    Task EnsureHostsActiveAsync();
}
