using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;
using OllamaOrleans.Api.Security;

namespace OllamaOrleans.Api.Configuration;

/// <summary>
/// Reads <c>Auth:Keys:N:Name/Hash/Role</c>, <c>Auth:Metrics</c> and <c>Auth:Dashboard</c> (admin in a
/// cluster unless set: there the dashboard shows a whole cluster to anyone who reaches a silo).
/// Unreadable values become errors naming their setting; no key is ever part of a message.
/// </summary>
internal sealed class AuthOptionsSetup(IConfiguration configuration, ApiHostFacts host, AuthSettingErrors errors) : IConfigureOptions<AuthOptions>
{
    public void Configure(AuthOptions options)
    {
        var read = new SettingReader(configuration, errors.Errors);
        foreach (var entry in configuration.GetSection($"{AuthOptions.Section}:Keys").GetChildren())
        {
            var name = read.String($"{entry.Path}:Name") ?? "";
            var role = (read.String($"{entry.Path}:Role") ?? ApiRoles.Read).ToLowerInvariant();
            var hashText = read.String($"{entry.Path}:Hash");
            if (!ApiKeyHash.TryParse(hashText?.ToLowerInvariant(), out var hash))
            {
                errors.Errors.Add($"{entry.Path}:Hash: must be the key's SHA-256 as {ApiKeyHash.HexLength} hex digits (`dotnet OllamaOrleans.Silo.dll --new-key` makes a key and its hash; `printf %s KEY | sha256sum` hashes one).");
            }

            options.Keys.Add(new ApiKey(name, hash, role));
        }

        options.Metrics = read.Enum<AccessLevel>($"{AuthOptions.Section}:Metrics") ?? options.Metrics;
        var dashboard = read.Enum<AccessLevel>($"{AuthOptions.Section}:Dashboard");
        options.DashboardSet = dashboard is not null;
        options.Dashboard = dashboard ?? (host.IsCluster ? AccessLevel.Admin : options.Dashboard);
    }
}
