using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;
using OllamaOrleans.Api.Configuration;

namespace OllamaOrleans.Silo.Configuration;

/// <summary>
/// Fills <see cref="MonitorOptions"/> from the <c>Monitor</c> section and the original exporter's
/// variables. Values that do not parse become errors naming their setting, reported at start-up by
/// <see cref="MonitorOptionsValidator"/>, instead of binder exceptions.
/// </summary>
internal sealed class MonitorOptionsSetup(IConfiguration configuration) : IConfigureOptions<MonitorOptions>
{
    public void Configure(MonitorOptions options)
    {
        var read = new SettingReader(configuration, options.BindingErrors);
        foreach (var entry in configuration.GetSection("Monitor:Hosts").GetChildren())
        {
            var host = new HostOptions { Name = entry["Name"], Url = entry["Url"], Setting = entry.Path };
            foreach (var label in entry.GetSection("Labels").GetChildren())
            {
                host.Labels[label.Key] = label.Value ?? "";
            }

            options.Hosts.Add(host);
        }

        var legacyUrls = read.String("OLLAMA_URL");
        if (legacyUrls is not null)
        {
            foreach (var url in legacyUrls.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
            {
                options.Hosts.Add(new HostOptions { Url = url, Setting = "OLLAMA_URL" });
            }
        }

        options.PollInterval = read.Seconds("COLLECT_INTERVAL") ?? read.Duration("Monitor:PollInterval") ?? options.PollInterval;
        options.PollTimeout = read.Duration("Monitor:PollTimeout") ?? options.PollTimeout;
        options.MaxModelsPerHost = read.Integer("Monitor:MaxModelsPerHost", 1, 100_000) ?? options.MaxModelsPerHost;
        options.MaxHosts = read.Integer("Monitor:MaxHosts", 1, 1_000_000) ?? options.MaxHosts;
        options.TransientHostsEnabled = read.Boolean("Monitor:TransientHosts:Enabled") ?? options.TransientHostsEnabled;
        options.MaxTransientHosts = read.Integer("Monitor:TransientHosts:Max", 0, 1_000_000) ?? options.MaxTransientHosts;
        options.TransientHostExpiry = read.Duration("Monitor:TransientHosts:Expiry") ?? options.TransientHostExpiry;
        options.DefaultUrl = read.String("Monitor:DefaultUrl") ?? options.DefaultUrl;
        options.HttpPort = read.Integer("EXPORTER_PORT", 1, 65535) ?? read.Integer("Monitor:HttpPort", 1, 65535) ?? options.HttpPort;
        options.ListenAddress = read.String("Monitor:ListenAddress") ?? options.ListenAddress;
        options.GrafanaUrl = read.String("Monitor:GrafanaUrl") ?? options.GrafanaUrl;
    }
}
