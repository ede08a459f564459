using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;
using OllamaOrleans.Api.Configuration;

namespace OllamaOrleans.Api.Gateway;

/// <summary>Reads <c>Gateway:MaxRequestBodyMegabytes</c> into <see cref="GatewayOptions.MaxRequestBodyBytes"/>; the binder reads the rest.</summary>
internal sealed class GatewayOptionsSetup(IConfiguration configuration, SettingErrors<GatewayOptions> errors) : IConfigureOptions<GatewayOptions>
{
    public void Configure(GatewayOptions options) =>
        options.MaxRequestBodyBytes = SettingBinder.Integer(configuration, $"{GatewayOptions.Section}:MaxRequestBodyMegabytes", 1, 4096, errors) is { } megabytes ? megabytes * 1024L * 1024 : options.MaxRequestBodyBytes;
}
