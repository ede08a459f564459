using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;
using OllamaOrleans.Api.Configuration;

namespace OllamaOrleans.Api;

/// <summary>Reads <c>Api:MaxRequestBodyKilobytes</c> (the binder reads the rest), and <c>Monitor:TransientHosts:Enabled</c> from the host's facts.</summary>
internal sealed class ApiOptionsSetup(IConfiguration configuration, ApiHostFacts host, SettingErrors<ApiOptions> errors) : IConfigureOptions<ApiOptions>
{
    public void Configure(ApiOptions options)
    {
        options.MaxRequestBodyBytes = SettingBinder.Integer(configuration, $"{ApiOptions.Section}:MaxRequestBodyKilobytes", 1, 10 * 1024, errors) is { } kilobytes ? kilobytes * 1024L : options.MaxRequestBodyBytes;
        options.TransientHostsEnabled = host.TransientHostsEnabled;
    }
}
