using System.Collections.Immutable;
using Microsoft.Extensions.Options;
using OllamaOrleans.GrainInterfaces.Hosts;
using OllamaOrleans.Protocol.Hosts;
using OllamaOrleans.Silo.Hosting;

namespace OllamaOrleans.Silo.Configuration;

/// <summary>
/// The hosts this silo's configuration declares. In the embedded default with nothing configured that
/// is Ollama's default address; in a cluster, nothing (the registry in Redis is the truth).
/// </summary>
public sealed class ConfiguredHosts(IOptions<MonitorOptions> options, SiloMode mode)
{
    public IReadOnlyList<HostRegistration> Hosts
    {
        get
        {
            var monitor = options.Value;
            if (monitor.Hosts.Count > 0)
            {
                return HostListBuilder.Build(monitor.Hosts).Hosts;
            }

            if (mode.IsCluster)
            {
                return [];
            }

            var url = HostRules.CheckUrl(monitor.DefaultUrl).Url!;
            return [new HostRegistration(HostRules.NameFromUrl(url), url.AbsoluteUri, ImmutableSortedDictionary<string, string>.Empty, HostSource.Configuration)];
        }
    }
}
