using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;
using OllamaOrleans.Api.Gateway;

namespace OllamaOrleans.Api.Configuration;

/// <summary>Reads <c>Gateway:*</c> into <see cref="GatewayOptions"/>; unparsable values become errors naming their setting.</summary>
internal sealed class GatewayOptionsSetup(IConfiguration configuration, GatewaySettingErrors errors) : IConfigureOptions<GatewayOptions>
{
    private const string Section = GatewayOptions.Section;

    public void Configure(GatewayOptions options)
    {
        var read = new SettingReader(configuration, errors.Errors);
        options.Enabled = read.Boolean($"{Section}:Enabled") ?? options.Enabled;
        options.UpstreamTimeout = read.Duration($"{Section}:UpstreamTimeout") ?? options.UpstreamTimeout;
        options.ConnectTimeout = read.Duration($"{Section}:ConnectTimeout") ?? options.ConnectTimeout;
        options.MaxRequestBodyBytes = read.Integer($"{Section}:MaxRequestBodyMegabytes", 1, 4096) is { } megabytes ? megabytes * 1024L * 1024 : options.MaxRequestBodyBytes;
        options.RequireKey = read.Boolean($"{Section}:RequireKey") ?? options.RequireKey;
        options.ClientHeader = read.String($"{Section}:ClientHeader") ?? options.ClientHeader;
        options.MaxClients = read.Integer($"{Section}:MaxClients", 1, 100_000) ?? options.MaxClients;
        options.QueueCapacity = read.Integer($"{Section}:QueueCapacity", 100, 10_000_000) ?? options.QueueCapacity;
        options.FlushInterval = read.Duration($"{Section}:FlushInterval") ?? options.FlushInterval;
        foreach (var entry in configuration.GetSection($"{Section}:Listeners").GetChildren())
        {
            options.Listeners.Add(new GatewayListener
            {
                Host = read.String($"{entry.Path}:Host") ?? "",
                Port = read.Integer($"{entry.Path}:Port", 1, 65535) ?? 0,
            });
        }
    }
}
