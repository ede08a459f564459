using System.Net;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;
using OllamaOrleans.Protocol.Security;

namespace OllamaOrleans.Api.Configuration;

/// <summary>Reads <c>Security:AllowedNetworks</c> (CIDR or single addresses) and <c>Security:AllowedHosts</c> (names).</summary>
internal sealed class SecurityOptionsSetup(IConfiguration configuration, SettingErrors<SecurityOptions> errors) : IConfigureOptions<SecurityOptions>
{
    public void Configure(SecurityOptions options)
    {
        foreach (var (setting, value) in SettingBinder.Entries(configuration.GetSection(TargetPolicy.NetworksSetting)))
        {
            var text = value.Contains('/', StringComparison.Ordinal) ? value : value + (value.Contains(':', StringComparison.Ordinal) ? "/128" : "/32");
            if (IPNetwork.TryParse(text, out var network))
            {
                options.AllowedNetworks.Add(network);
            }
            else
            {
                errors.Add($"{setting}: '{value}' is not a network; write it as 10.0.0.0/8, fd00::/8 or a single address.");
            }
        }

        foreach (var (setting, value) in SettingBinder.Entries(configuration.GetSection(TargetPolicy.HostsSetting)))
        {
            if (Uri.CheckHostName(value) is UriHostNameType.Dns or UriHostNameType.IPv4 or UriHostNameType.IPv6)
            {
                options.AllowedHosts.Add(value);
            }
            else
            {
                errors.Add($"{setting}: '{value}' is not a host name.");
            }
        }
    }
}
