using System.Collections.Concurrent;

namespace OllamaOrleans.Silo.Resources;

/// <summary>
/// The latest <see cref="HostResources"/> per host, silo-local. The scrape joins it with the host
/// snapshots, so a host's figures are exported only while its grain lives on this silo.
/// </summary>
public sealed class ResourceRegistry
{
    private readonly ConcurrentDictionary<string, HostResources> hosts = new(StringComparer.Ordinal);

    public void Publish(HostResources resources) => hosts[resources.Host] = resources;

    public void Remove(string host) => hosts.TryRemove(host, out _);

    public HostResources? Get(string host) => hosts.TryGetValue(host, out var r) ? r : null;

    public IReadOnlyCollection<string> Hosts => [.. hosts.Keys];
}
