using OllamaOrleans.GrainInterfaces.Hosts;
using Orleans.Concurrency;

namespace OllamaOrleans.GrainInterfaces.Fleet;

/// <summary>
/// The registry of monitored Ollama hosts. One per cluster (key <see cref="Key"/>); it persists the
/// registrations and keeps every registered host grain alive.
/// </summary>
[Alias("OllamaOrleans.IFleetGrain")]
public interface IFleetGrain : IGrainWithStringKey
{
    /// <summary>The key of the one fleet grain.</summary>
    public const string Key = "fleet";

    /// <summary>
    /// Makes the registry hold exactly the configured hosts among those that came from configuration:
    /// adds new ones, updates changed ones, removes (and decommissions) configuration hosts no longer
    /// configured. Hosts registered through the API are left alone. Idempotent. It starts no host:
    /// the caller follows it with <see cref="EnsureHostsActiveAsync"/>, a pass that may be long.
    /// </summary>
    Task<FleetChange> SeedFromConfigurationAsync(IReadOnlyList<HostRegistration> configured);

    /// <summary>Adds or replaces one host.</summary>
    Task<FleetChange> UpsertAsync(HostRegistration registration);

    /// <summary>Removes one host; its grain stops polling and its series disappear.</summary>
    Task<bool> RemoveAsync(string hostName);

    Task<IReadOnlyList<HostRegistration>> GetHostsAsync();

    /// <summary>
    /// Activates every registered host grain (the watchdog's work, callable on demand) and returns when
    /// a pass that began after this call finished. One pass runs at a time, with a bounded number of
    /// starts in flight; calls during a pass share the next one. It interleaves, so registry edits
    /// are not held up behind a pass, and a pass over a big fleet takes minutes (hence the timeout).
    /// </summary>
    [AlwaysInterleave, ResponseTimeout("00:10:00")]
    Task EnsureHostsActiveAsync();

    /// <summary>
    /// Registers a new host through the API: refused when the name is taken or <c>Monitor:MaxHosts</c>
    /// is reached. The registration is stored with <see cref="HostSource.Api"/>.
    /// </summary>
    Task<RegistryResult> CreateAsync(HostRegistration registration);

    /// <summary>Replaces the URL and labels of a host registered through the API (not one from configuration).</summary>
    Task<RegistryResult> UpdateAsync(HostRegistration registration);

    /// <summary>Removes a host registered through the API or by a probe (not one from configuration).</summary>
    Task<RegistryResult> DeleteAsync(string hostName);

    /// <summary>
    /// The host a <c>/probe</c> target names: the registered host with that URL, else, when
    /// <paramref name="mayRegister"/>, a new transient host named <paramref name="transientName"/>.
    /// Marks a transient host as probed now, which keeps it from expiring.
    /// </summary>
    Task<RegistryResult> ResolveTargetAsync(string url, string transientName, bool mayRegister);

    /// <summary>Removes the transient hosts not probed within <c>Monitor:TransientHosts:Expiry</c>; returns their names.</summary>
    Task<IReadOnlyList<string>> ExpireTransientHostsAsync();
}
