using Microsoft.Extensions.Options;
using Microsoft.Extensions.Configuration;

namespace OllamaOrleans.Api.Configuration;

/// <summary>Reads <c>Api:*</c>, and <c>Monitor:TransientHosts:Enabled</c> from the host's facts, into <see cref="ApiOptions"/>.</summary>
internal sealed class ApiOptionsSetup(IConfiguration configuration, ApiHostFacts host, AuthSettingErrors errors) : IConfigureOptions<ApiOptions>
{
    public void Configure(ApiOptions options)
    {
        var read = new SettingReader(configuration, errors.Errors);
        options.MaxRequestBodyBytes = read.Integer($"{ApiOptions.Section}:MaxRequestBodyKilobytes", 1, 10 * 1024) is { } kilobytes ? kilobytes * 1024L : options.MaxRequestBodyBytes;
        options.RateLimitPerMinute = read.Integer($"{ApiOptions.Section}:RateLimitPerMinute", 1, 1_000_000) ?? options.RateLimitPerMinute;
        options.ProbeRateLimitPerSecond = read.Integer($"{ApiOptions.Section}:ProbeRateLimitPerSecond", 1, 100_000) ?? options.ProbeRateLimitPerSecond;
        options.TransientHostsEnabled = host.TransientHostsEnabled;
    }
}
