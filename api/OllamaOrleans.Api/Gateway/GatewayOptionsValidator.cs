using Microsoft.Extensions.Options;
using OllamaOrleans.Api.Configuration;
using OllamaOrleans.Protocol.Hosts;

namespace OllamaOrleans.Api.Gateway;

/// <summary>Checks <see cref="GatewayOptions"/> at start-up; each failure names the setting and the value.</summary>
internal sealed class GatewayOptionsValidator(ApiHostFacts host) : IValidateOptions<GatewayOptions>
{
    public ValidateOptionsResult Validate(string? name, GatewayOptions options)
    {
        var errors = new List<string>();
        if (options.UpstreamTimeout <= TimeSpan.Zero)
        {
            errors.Add($"{GatewayOptions.Section}:UpstreamTimeout: '{options.UpstreamTimeout}' must be greater than zero.");
        }

        if (options.ConnectTimeout <= TimeSpan.Zero)
        {
            errors.Add($"{GatewayOptions.Section}:ConnectTimeout: '{options.ConnectTimeout}' must be greater than zero.");
        }

        if (options.FlushInterval <= TimeSpan.Zero)
        {
            errors.Add($"{GatewayOptions.Section}:FlushInterval: '{options.FlushInterval}' must be greater than zero.");
        }

        var ports = new HashSet<int>(host.ReservedPorts);
        for (var i = 0; i < options.Listeners.Count; i++)
        {
            var listener = options.Listeners[i];
            var setting = $"{GatewayOptions.Section}:Listeners:{i}";
            if (HostRules.CheckName(listener.Host) is { } nameError)
            {
                errors.Add($"{setting}:Host: '{listener.Host}' {nameError}.");
            }

            if (listener.Port == 0 || !ports.Add(listener.Port))
            {
                errors.Add($"{setting}:Port: '{listener.Port}' must be a port not used by the HTTP port or another listener.");
            }
        }

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
