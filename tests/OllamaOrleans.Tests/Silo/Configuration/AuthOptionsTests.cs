using Microsoft.Extensions.Logging;
using OllamaOrleans.Api.Configuration;
using OllamaOrleans.Api.Security;
using OllamaOrleans.Silo.Hosting;
using OllamaOrleans.Tests.Support;

namespace OllamaOrleans.Tests.Silo.Configuration;

public sealed class AuthOptionsTests
{
    private const string Hash = "2bb80d537b1da3e38bd30361aa855686bde0eacd7162fef6a25fe97bf527a25b";

    private static (AuthOptions Options, IReadOnlyList<string> Errors) Load(bool isCluster, bool gatewayRequiresKey, params (string Key, string Value)[] settings)
    {
        (string, string)[] gateway = gatewayRequiresKey ? [("Gateway:RequireKey", "true")] : [];
        return SettingsHarness.Load<AuthOptions>(s => s.AddApiSettings(_ => new ApiHostFacts(isCluster, true, [], [])), [.. settings, .. gateway]);
    }

    private static (AuthOptions Options, IReadOnlyList<string> Errors) Load(params (string Key, string Value)[] settings) => Load(false, false, settings);

    [Fact]
    public void Defaults_NoKeys_MetricsAndDashboardOpenInTheEmbeddedDefault()
    {
        var (options, errors) = Load();

        Assert.Empty(errors);
        Assert.Empty(options.Keys);
        Assert.Equal((AccessLevel.Anonymous, AccessLevel.Anonymous), (options.Metrics, options.Dashboard));
    }

    [Fact]
    public void InACluster_TheDashboardNeedsAnAdminKey_UnlessExplicitlyOpened()
    {
        Assert.Equal(AccessLevel.Admin, Load(true, false).Options.Dashboard);
        Assert.Equal(AccessLevel.Anonymous, Load(true, false, ("Auth:Dashboard", "anonymous")).Options.Dashboard);
    }

    [Fact]
    public void Keys_NameHashAndRole()
    {
        var (options, errors) = Load(("Auth:Keys:0:Name", "ops"), ("Auth:Keys:0:Hash", Hash.ToUpperInvariant()), ("Auth:Keys:0:Role", "Admin"), ("Auth:Keys:1:Name", "prom"), ("Auth:Keys:1:Hash", new string('a', 64)), ("Auth:Metrics", "read"));

        Assert.Empty(errors);
        Assert.Equal([("ops", "admin"), ("prom", "read")], options.Keys.Select(k => (k.Name, k.Role)));
        Assert.Equal(Hash, Convert.ToHexStringLower(options.Keys[0].Hash));
        Assert.Equal(AccessLevel.Read, options.Metrics);
    }

    [Theory]
    [InlineData("Auth:Keys:0:Hash", "secret", "Auth:Keys:0:Hash: must be the key's SHA-256 as 64 hex digits")]
    [InlineData("Auth:Keys:0:Role", "root", "Auth:Keys:0:Role: 'root' must be read or admin.")]
    [InlineData("Auth:Keys:0:Name", "two words", "Auth:Keys:0:Name: 'two words' must be 1 to 64 letters, digits, or - _ . @")]
    [InlineData("Auth:Metrics", "sometimes", "Auth:Metrics: 'sometimes' must be one of Anonymous, Read, Admin.")]
    public void BadSettings_AreNamed(string key, string value, string error)
    {
        var settings = new Dictionary<string, string> { ["Auth:Keys:0:Name"] = "ops", ["Auth:Keys:0:Hash"] = Hash, ["Auth:Keys:0:Role"] = "admin", [key] = value };

        var (_, errors) = Load([.. settings.Select(s => (s.Key, s.Value))]);

        Assert.Contains(errors, e => e.StartsWith(error, StringComparison.Ordinal));
        Assert.DoesNotContain(errors, e => e.Contains("secret", StringComparison.Ordinal) && key == "Auth:Keys:0:Hash");
    }

    [Fact]
    public void DuplicateNamesOrKeys_AreRefused()
    {
        var (_, errors) = Load(("Auth:Keys:0:Name", "ops"), ("Auth:Keys:0:Hash", Hash), ("Auth:Keys:1:Name", "ops"), ("Auth:Keys:1:Hash", Hash));

        Assert.Equal(["Auth:Keys:1:Name: 'ops' is used by another key; give each key its own name.", "Auth:Keys:1:Hash: the same key is configured twice."], errors);
    }

    [Fact]
    public void RequiringAKey_WithNoKeyConfigured_IsAStartError()
    {
        Assert.Equal(["Auth:Metrics: 'Read' requires an API key, but Auth:Keys is empty; configure one (`dotnet OllamaOrleans.Silo.dll --new-key`)."], Load(("Auth:Metrics", "read")).Errors);
        Assert.Equal(["Gateway:RequireKey: 'true' requires an API key, but Auth:Keys is empty; configure one (`dotnet OllamaOrleans.Silo.dll --new-key`)."], Load(false, true).Errors);
        Assert.Equal(["Auth:Dashboard: 'Read' requires an API key, but Auth:Keys is empty; configure one (`dotnet OllamaOrleans.Silo.dll --new-key`)."], Load(("Auth:Dashboard", "read")).Errors);
    }

    [Fact]
    public void ClusterDefaultDashboard_WithoutKeys_StartsLocked_AndSaysSoOnce()
    {
        var (options, errors) = Load(true, false);
        var logger = new ListLogger<AuthOptionsTests>();

        DashboardAccess.WarnIfLocked(options, logger);
        DashboardAccess.WarnIfLocked(Load(true, false, ("Auth:Dashboard", "anonymous")).Options, logger);
        DashboardAccess.WarnIfLocked(Load(true, false, ("Auth:Keys:0:Name", "ops"), ("Auth:Keys:0:Hash", Hash), ("Auth:Keys:0:Role", "admin")).Options, logger);

        Assert.Empty(errors);
        Assert.Equal([(LogLevel.Warning, "The Orleans Dashboard (/dashboard) needs an admin API key in cluster mode and none is configured, so it answers 401. Configure a key (`dotnet OllamaOrleans.Silo.dll --new-key`, then Auth:Keys) or open it with Auth:Dashboard=anonymous.")], logger.Entries);
    }
}
