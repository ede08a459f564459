using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;
using OllamaOrleans.Api.Configuration;

namespace OllamaOrleans.Api.Security;

/// <summary>
/// Reads <c>Auth:Keys:N:Name/Hash/Role</c> (the binder reads <c>Auth:Metrics</c> and <c>Auth:Dashboard</c>);
/// the dashboard is admin in a cluster unless set: there it shows a whole cluster to anyone who reaches a
/// silo. An unreadable hash becomes an error naming its setting; no key is ever part of a message.
/// </summary>
internal sealed class AuthOptionsSetup(IConfiguration configuration, ApiHostFacts host, SettingErrors<AuthOptions> errors) : IConfigureOptions<AuthOptions>
{
    public void Configure(AuthOptions options)
    {
        foreach (var entry in configuration.GetSection($"{AuthOptions.Section}:Keys").GetChildren())
        {
            var role = (SettingBinder.Text(entry, "Role") ?? ApiRoles.Read).ToLowerInvariant();
            if (!ApiKeyHash.TryParse(SettingBinder.Text(entry, "Hash")?.ToLowerInvariant(), out var hash))
            {
                errors.Add($"{entry.Path}:Hash: must be the key's SHA-256 as {ApiKeyHash.HexLength} hex digits (`dotnet OllamaOrleans.Silo.dll --new-key` makes a key and its hash; `printf %s KEY | sha256sum` hashes one).");
            }

            options.Keys.Add(new ApiKey(SettingBinder.Text(entry, "Name") ?? "", hash, role));
        }

        options.DashboardSet = SettingBinder.Text(configuration, $"{AuthOptions.Section}:Dashboard") is not null;
        options.Dashboard = options.DashboardSet || !host.IsCluster ? options.Dashboard : AccessLevel.Admin;
    }
}
