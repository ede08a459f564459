using Microsoft.Extensions.Options;
using OllamaOrleans.Api.Configuration;
using OllamaOrleans.Silo.Hosting;

namespace OllamaOrleans.Silo.Configuration;

/// <summary>The silo's facts for the API's and the gateway's settings, from its own (validated) settings.</summary>
internal static class SiloApiFacts
{
    /// <summary>When the monitor's own settings are invalid, their validator names them; these facts then fall back to the defaults.</summary>
    public static ApiHostFacts From(IServiceProvider services) =>
        From(services.GetRequiredService<IOptions<MonitorOptions>>().ValueOrNull() ?? new MonitorOptions(), services.GetRequiredService<SiloMode>().IsCluster);

    public static ApiHostFacts From(MonitorOptions monitor, bool isCluster)
    {
        var urls = monitor.Hosts.Select(h => new ConfiguredUrl(h.Setting == "OLLAMA_URL" ? "OLLAMA_URL" : $"{h.Setting}:Url", h.Url ?? "")).ToList();
        return new ApiHostFacts(isCluster, monitor.TransientHostsEnabled, [monitor.HttpPort], urls);
    }
}
