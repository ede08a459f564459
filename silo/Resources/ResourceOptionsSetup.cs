using Microsoft.Extensions.Options;
using OllamaOrleans.Api.Configuration;
using OllamaOrleans.Silo.Configuration;

namespace OllamaOrleans.Silo.Resources;

/// <summary>Fills <see cref="ResourceOptions"/> from the <c>Resources</c> section; unparsable values become errors naming their setting.</summary>
internal sealed class ResourceOptionsSetup(IConfiguration configuration) : IConfigureOptions<ResourceOptions>
{
    public void Configure(ResourceOptions options)
    {
        var read = new SettingReader(configuration, options.BindingErrors);
        if (read.String("Resources:Enabled") is { } enabled)
        {
            if (bool.TryParse(enabled, out var value))
            {
                options.Enabled = value;
            }
            else
            {
                options.BindingErrors.Add($"Resources:Enabled: '{enabled}' must be true or false.");
            }
        }

        options.IdleInterval = read.Duration("Resources:IdleInterval") ?? options.IdleInterval;
        options.BusyInterval = read.Duration("Resources:BusyInterval") ?? options.BusyInterval;
        options.NodeAddresses = NodeAddresses(configuration);
        foreach (var entry in configuration.GetSection("Resources:Processes").GetChildren())
        {
            options.Processes.Add(new ProcessSourceOptions { Host = entry["Host"], PidFile = entry["PidFile"], Cgroup = entry["Cgroup"], Setting = entry.Path });
        }

        options.Gpu = read.String("Resources:Gpu") ?? options.Gpu;
        options.NvmlLibrary = read.String("Resources:NvmlLibrary") ?? options.NvmlLibrary;
        options.ProcRoot = read.String("Resources:ProcRoot") ?? options.ProcRoot;
        options.SysRoot = read.String("Resources:SysRoot") ?? options.SysRoot;
    }

    /// <summary>A comma-separated value (environment variable) or a list (file); read before the host is built too.</summary>
    public static List<string> NodeAddresses(IConfiguration configuration)
    {
        var section = configuration.GetSection("Resources:NodeAddresses");
        var values = section.Value is { } single ? [single] : section.GetChildren().Select(c => c.Value ?? "");
        return [.. values.SelectMany(v => v.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))];
    }
}
