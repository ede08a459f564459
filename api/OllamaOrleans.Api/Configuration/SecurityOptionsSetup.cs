using System.Net;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;
using OllamaOrleans.Protocol.Security;

namespace OllamaOrleans.Api.Configuration;

/// <summary>Reads <c>Security:AllowedNetworks</c> (CIDR or single addresses) and <c>Security:AllowedHosts</c> (names).</summary>
internal sealed class SecurityOptionsSetup(IConfiguration configuration) : IConfigureOptions<SecurityOptions>
{
    public void Configure(SecurityOptions options)
    {
        foreach (var (setting, value) in Values(TargetPolicy.NetworksSetting))
        {
            var text = value.Contains('/', StringComparison.Ordinal) ? value : value + (value.Contains(':', StringComparison.Ordinal) ? "/128" : "/32");
            if (IPNetwork.TryParse(text, out var network))
            {
                options.AllowedNetworks.Add(network);
            }
            else
            {
                options.Errors.Add($"{setting}: '{value}' is not a network; write it as 10.0.0.0/8, fd00::/8 or a single address.");
            }
        }

        foreach (var (setting, value) in Values(TargetPolicy.HostsSetting))
        {
            if (Uri.CheckHostName(value) is UriHostNameType.Dns or UriHostNameType.IPv4 or UriHostNameType.IPv6)
            {
                options.AllowedHosts.Add(value);
            }
            else
            {
                options.Errors.Add($"{setting}: '{value}' is not a host name.");
            }
        }
    }

    /// <summary>The entries of a list setting, or of one comma-separated value, each with the setting to name in an error.</summary>
    private IEnumerable<(string Setting, string Value)> Values(string key)
    {
        var section = configuration.GetSection(key);
        IEnumerable<(string Setting, string Text)> entries = section.Value is { } single
            ? [(key, single)]
            : section.GetChildren().Select(c => (c.Path, c.Value ?? ""));
        return entries.SelectMany(e => e.Text.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).Select(v => (e.Setting, v)));
    }
}
