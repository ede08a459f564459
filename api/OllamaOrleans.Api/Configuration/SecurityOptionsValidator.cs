using Microsoft.Extensions.Options;
using OllamaOrleans.Protocol.Hosts;
using OllamaOrleans.Protocol.Security;

namespace OllamaOrleans.Api.Configuration;

/// <summary>
/// Checks the allow-list, and the configured hosts whose URL the policy refuses without resolving
/// anything (an address, or a metadata service's name): better a clear start-up error than a host
/// that is down forever. Names are resolved only when connecting, since DNS may not be up at start.
/// </summary>
internal sealed class SecurityOptionsValidator(ApiHostFacts facts) : IValidateOptions<SecurityOptions>
{
    public ValidateOptionsResult Validate(string? name, SecurityOptions options)
    {
        var errors = new List<string>();
        var policy = new TargetPolicy(options.AllowedNetworks, options.AllowedHosts);
        foreach (var host in facts.HostUrls)
        {
            if (HostRules.CheckUrl(host.Url).Url is not { } url)
            {
                continue;
            }

            var bare = url.DnsSafeHost;
            var refused = System.Net.IPAddress.TryParse(bare, out var address)
                ? policy.Check(bare, [address])
                : policy.DecideByName(bare) == false ? policy.Check(bare, []) : null;
            if (refused is not null)
            {
                errors.Add($"{host.Setting}: '{host.Url}' is refused by the address guard: {refused}.");
            }
        }

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
