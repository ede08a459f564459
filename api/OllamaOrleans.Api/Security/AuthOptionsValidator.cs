using Microsoft.Extensions.Options;
using OllamaOrleans.Api.Gateway;

namespace OllamaOrleans.Api.Security;

/// <summary>Checks the keys and what needs them; a surface that requires a key needs at least one configured.</summary>
internal sealed class AuthOptionsValidator(IOptions<GatewayOptions> gateway) : IValidateOptions<AuthOptions>
{
    private const int MaxNameLength = 64;

    public ValidateOptionsResult Validate(string? name, AuthOptions options)
    {
        var errors = new List<string>();
        var names = new HashSet<string>(StringComparer.Ordinal);
        var hashes = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < options.Keys.Count; i++)
        {
            var key = options.Keys[i];
            var setting = $"{AuthOptions.Section}:Keys:{i}";
            if (key.Name.Length is 0 or > MaxNameLength || !key.Name.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' or '@'))
            {
                errors.Add($"{setting}:Name: '{key.Name}' must be 1 to {MaxNameLength} letters, digits, or - _ . @ (it names the client in usage series).");
            }
            else if (!names.Add(key.Name))
            {
                errors.Add($"{setting}:Name: '{key.Name}' is used by another key; give each key its own name.");
            }

            if (!ApiRoles.IsKnown(key.Role))
            {
                errors.Add($"{setting}:Role: '{key.Role}' must be {ApiRoles.Read} or {ApiRoles.Admin}.");
            }

            if (key.Hash.Length > 0 && !hashes.Add(Convert.ToHexString(key.Hash)))
            {
                errors.Add($"{setting}:Hash: the same key is configured twice.");
            }
        }

        if (options.Keys.Count == 0)
        {
            Require(errors, options.Metrics != AccessLevel.Anonymous, $"{AuthOptions.Section}:Metrics: '{options.Metrics}'");
            Require(errors, options.DashboardSet && options.Dashboard != AccessLevel.Anonymous, $"{AuthOptions.Section}:Dashboard: '{options.Dashboard}'");
            Require(errors, GatewayRequiresKey(), $"{GatewayOptions.Section}:RequireKey: 'true'");
        }

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }

    /// <summary>The gateway's setting; when the gateway's settings are invalid their own validator reports them, not this one.</summary>
    private bool GatewayRequiresKey()
    {
        try
        {
            return gateway.Value.RequireKey;
        }
        catch (OptionsValidationException)
        {
            return false;
        }
    }

    private static void Require(List<string> errors, bool needsKey, string setting)
    {
        if (needsKey)
        {
            errors.Add($"{setting} requires an API key, but Auth:Keys is empty; configure one (`dotnet OllamaOrleans.Silo.dll --new-key`).");
        }
    }
}
