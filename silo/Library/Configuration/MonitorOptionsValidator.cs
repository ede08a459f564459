using System.Net;
using Microsoft.Extensions.Options;
using OllamaOrleans.Protocol.Hosts;

namespace OllamaOrleans.Silo.Configuration;

/// <summary>Checks <see cref="MonitorOptions"/> at start-up; each failure names the setting and the value.</summary>
internal sealed class MonitorOptionsValidator : IValidateOptions<MonitorOptions>
{
    public ValidateOptionsResult Validate(string? name, MonitorOptions options)
    {
        var errors = new List<string>(HostListBuilder.Build(options.Hosts).Errors);
        if (options.PollInterval <= TimeSpan.Zero)
        {
            errors.Add($"Monitor:PollInterval: '{options.PollInterval}' must be greater than zero.");
        }

        if (options.PollTimeout <= TimeSpan.Zero || options.PollTimeout > TimeSpan.FromMinutes(5))
        {
            errors.Add($"Monitor:PollTimeout: '{options.PollTimeout}' must be greater than zero and at most 00:05:00.");
        }

        if (options.TransientHostExpiry < TimeSpan.FromMinutes(1))
        {
            errors.Add($"Monitor:TransientHosts:Expiry: '{options.TransientHostExpiry}' must be at least 00:01:00 (the watchdog checks once a minute).");
        }

        if (HostRules.CheckUrl(options.DefaultUrl).Error is { } defaultError)
        {
            errors.Add($"Monitor:DefaultUrl: '{options.DefaultUrl}' {defaultError}.");
        }

        if (options.ListenAddress != "*" && options.ListenAddress != "localhost" && !IPAddress.TryParse(options.ListenAddress, out _))
        {
            errors.Add($"Monitor:ListenAddress: '{options.ListenAddress}' must be *, localhost or an IP address.");
        }

        if (options.GrafanaUrl is not null && CheckLink(options.GrafanaUrl) is { } grafanaError)
        {
            errors.Add($"Monitor:GrafanaUrl: '{options.GrafanaUrl}' {grafanaError}.");
        }

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }

    /// <summary>A link the fleet page shows to everyone who opens it: absolute http(s), and no password in it.</summary>
    private static string? CheckLink(string url)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps) || string.IsNullOrEmpty(uri.Host))
        {
            return "is not an absolute http:// or https:// URL, for example http://grafana:3000/d/ollama";
        }

        return string.IsNullOrEmpty(uri.UserInfo) ? null : "carries credentials; the fleet page would show them to everyone who opens it";
    }
}
