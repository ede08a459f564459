using System.Globalization;
using Microsoft.Extensions.Options;
using OllamaOrleans.Api.Configuration;

namespace OllamaOrleans.Silo.Configuration;

/// <summary>
/// After the binder has read the <c>Monitor</c> section: names each host entry's setting, and folds in the
/// original exporter's variables, which win over it: <c>OLLAMA_URL</c> (comma-separated hosts, added),
/// <c>COLLECT_INTERVAL</c> (seconds) and <c>EXPORTER_PORT</c>. Bad values become errors naming them.
/// </summary>
internal sealed class MonitorOptionsSetup(IConfiguration configuration, SettingErrors<MonitorOptions> errors) : IConfigureOptions<MonitorOptions>
{
    public void Configure(MonitorOptions options)
    {
        foreach (var (entry, host) in configuration.GetSection($"{MonitorOptions.Section}:{nameof(MonitorOptions.Hosts)}").GetChildren().Zip(options.Hosts))
        {
            host.Setting = entry.Path;
        }

        options.Hosts.AddRange(SettingBinder.Entries(configuration.GetSection("OLLAMA_URL")).Select(e => new HostOptions { Url = e.Value, Setting = "OLLAMA_URL" }));
        options.PollInterval = Seconds("COLLECT_INTERVAL") ?? options.PollInterval;
        options.HttpPort = SettingBinder.Integer(configuration, "EXPORTER_PORT", 1, 65535, errors) ?? options.HttpPort;
    }

    private TimeSpan? Seconds(string key)
    {
        if (SettingBinder.Text(configuration, key) is not { } raw)
        {
            return null;
        }

        if (int.TryParse(raw, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds) && seconds > 0)
        {
            return TimeSpan.FromSeconds(seconds);
        }

        errors.Add($"{key}: '{raw}' must be a whole number of seconds greater than 0.");
        return null;
    }
}
