namespace OllamaOrleans.Api.Configuration;

/// <summary>
/// What the process that hosts the API and the gateway knows of itself, for the settings that depend
/// on it: the silo fills it from its own settings, the api process from its few.
/// </summary>
/// <param name="IsCluster">Whether the process is part of a cluster (there the dashboard needs an admin key unless opened).</param>
/// <param name="TransientHostsEnabled"><c>Monitor:TransientHosts:Enabled</c>: whether <c>/probe</c> registers unregistered targets.</param>
/// <param name="ReservedPorts">Ports the process already listens on, which a gateway listener may not take.</param>
/// <param name="HostUrls">The hosts the process's settings name, which the address guard must not refuse.</param>
public sealed record ApiHostFacts(bool IsCluster, bool TransientHostsEnabled, IReadOnlyList<int> ReservedPorts, IReadOnlyList<ConfiguredUrl> HostUrls);
