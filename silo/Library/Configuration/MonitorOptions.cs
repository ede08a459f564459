using System.ComponentModel.DataAnnotations;

namespace OllamaOrleans.Silo.Configuration;

/// <summary>
/// The <c>Monitor</c> section, with the original exporter's variables folded in: <c>OLLAMA_URL</c>
/// (comma-separated hosts), <c>COLLECT_INTERVAL</c> (seconds) and <c>EXPORTER_PORT</c>.
/// </summary>
public sealed class MonitorOptions
{
    public const string Section = "Monitor";

    public List<HostOptions> Hosts { get; set; } = [];

    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(30);

    public TimeSpan PollTimeout { get; set; } = TimeSpan.FromSeconds(5);

    [Range(1, 100_000)]
    public int MaxModelsPerHost { get; set; } = 500;

    /// <summary>Registered hosts beyond which the API and <c>/probe</c> add none (configured hosts always count, never refused).</summary>
    [Range(1, 1_000_000)]
    public int MaxHosts { get; set; } = 1000;

    /// <summary><c>Monitor:TransientHosts:Enabled</c>: whether <c>/probe</c> registers unregistered targets.</summary>
    [ConfigurationKeyName("TransientHosts:Enabled")]
    public bool TransientHostsEnabled { get; set; } = true;

    /// <summary><c>Monitor:TransientHosts:Max</c>.</summary>
    [ConfigurationKeyName("TransientHosts:Max")]
    [Range(0, 1_000_000)]
    public int MaxTransientHosts { get; set; } = 100;

    /// <summary><c>Monitor:TransientHosts:Expiry</c>: a transient host not probed for this long is removed.</summary>
    [ConfigurationKeyName("TransientHosts:Expiry")]
    public TimeSpan TransientHostExpiry { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>The host monitored in the embedded default when none is configured.</summary>
    public string DefaultUrl { get; set; } = "http://localhost:11434";

    /// <summary>The silo's one HTTP port: metrics, health, dashboard, API and gateway.</summary>
    [Range(1, 65535)]
    public int HttpPort { get; set; } = 9619;

    /// <summary>Address the HTTP port binds to; <c>*</c> is every interface.</summary>
    public string ListenAddress { get; set; } = "*";

    /// <summary><c>Monitor:GrafanaUrl</c>: where the fleet page links to Grafana; no link when unset.</summary>
    public string? GrafanaUrl { get; set; }
}
