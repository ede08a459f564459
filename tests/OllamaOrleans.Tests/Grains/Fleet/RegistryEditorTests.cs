using System.Collections.Immutable;
using OllamaOrleans.GrainInterfaces.Fleet;
using OllamaOrleans.GrainInterfaces.Hosts;
using OllamaOrleans.Grains.Fleet;

namespace OllamaOrleans.Tests.Grains.Fleet;

public sealed class RegistryEditorTests
{
    private static readonly FleetOptions Limits = new() { MaxHosts = 3, MaxTransientHosts = 1, TransientExpiry = TimeSpan.FromMinutes(10) };

    private static HostRegistration Host(string name, HostSource source, string url = "http://10.0.0.1:11434/") =>
        new(name, url, ImmutableSortedDictionary<string, string>.Empty, source);

    private static Dictionary<string, HostRegistration> Registry(params HostRegistration[] hosts) => hosts.ToDictionary(h => h.Name, StringComparer.Ordinal);

    [Fact]
    public void Create_StoresAsApi_RefusesTakenNamesAndAFullRegistry()
    {
        var config = Host("c", HostSource.Configuration);

        Assert.Equal((RegistryOutcome.Created, HostSource.Api), (RegistryEditor.Create(Registry(config), Host("a", HostSource.Transient), Limits) is var r ? (r.Outcome, r.Host!.Source) : default));
        Assert.Equal(RegistryOutcome.NameTaken, RegistryEditor.Create(Registry(config), Host("c", HostSource.Api), Limits).Outcome);
        Assert.Equal(RegistryOutcome.LimitReached, RegistryEditor.Create(Registry(config, Host("a", HostSource.Api), Host("b", HostSource.Api)), Host("d", HostSource.Api), Limits).Outcome);
    }

    [Fact]
    public void Update_ApiHostsOnly_AndATransientHostBecomesTheApis()
    {
        var registry = Registry(Host("c", HostSource.Configuration), Host("a", HostSource.Api), Host("t", HostSource.Transient));

        Assert.Equal(RegistryOutcome.Configured, RegistryEditor.Update(registry, Host("c", HostSource.Api, "http://10.0.0.9:11434/")).Outcome);
        Assert.Equal(RegistryOutcome.NotFound, RegistryEditor.Update(registry, Host("x", HostSource.Api)).Outcome);
        Assert.Equal(RegistryOutcome.Unchanged, RegistryEditor.Update(registry, Host("a", HostSource.Api)).Outcome);
        Assert.Equal(RegistryOutcome.Updated, RegistryEditor.Update(registry, Host("a", HostSource.Api, "http://10.0.0.2:11434/")).Outcome);
        var adopted = RegistryEditor.Update(registry, Host("t", HostSource.Api));
        Assert.Equal((RegistryOutcome.Updated, HostSource.Api), (adopted.Outcome, adopted.Host!.Source));
    }

    [Fact]
    public void Delete_RefusesConfiguredHosts()
    {
        var registry = Registry(Host("c", HostSource.Configuration), Host("a", HostSource.Api), Host("t", HostSource.Transient));

        Assert.Equal(RegistryOutcome.Configured, RegistryEditor.Delete(registry, "c").Outcome);
        Assert.Equal(RegistryOutcome.Removed, RegistryEditor.Delete(registry, "a").Outcome);
        Assert.Equal(RegistryOutcome.Removed, RegistryEditor.Delete(registry, "t").Outcome);
        Assert.Equal(RegistryOutcome.NotFound, RegistryEditor.Delete(registry, "x").Outcome);
    }

    [Fact]
    public void ResolveTarget_FindsByUrl_ElseRegistersATransientHostWithinTheCaps()
    {
        var registry = Registry(Host("gpu-1", HostSource.Configuration, "http://10.0.0.1:11434/"));

        Assert.Equal(("gpu-1", RegistryOutcome.Found), RegistryEditor.ResolveTarget(registry, "http://10.0.0.1:11434/", "10.0.0.1:11434", false, Limits) is var f ? (f.Host!.Name, f.Outcome) : default);
        Assert.Equal(RegistryOutcome.NotRegistered, RegistryEditor.ResolveTarget(registry, "http://10.0.0.2:11434/", "10.0.0.2:11434", false, Limits).Outcome);
        var created = RegistryEditor.ResolveTarget(registry, "http://10.0.0.2:11434/", "10.0.0.2:11434", true, Limits);
        Assert.Equal((RegistryOutcome.Created, HostSource.Transient, "10.0.0.2:11434"), (created.Outcome, created.Host!.Source, created.Host.Name));

        registry[created.Host.Name] = created.Host;
        Assert.Equal(RegistryOutcome.LimitReached, RegistryEditor.ResolveTarget(registry, "http://10.0.0.3:11434/", "10.0.0.3:11434", true, Limits).Outcome);
        Assert.Equal(RegistryOutcome.NameTaken, RegistryEditor.ResolveTarget(registry, "https://10.0.0.1:11434/", "gpu-1", true, Limits).Outcome);
    }

    [Fact]
    public void ResolveTarget_RespectsMaxHostsToo()
    {
        var full = Registry(Host("a", HostSource.Api), Host("b", HostSource.Api), Host("c", HostSource.Api));

        Assert.Equal(RegistryOutcome.LimitReached, RegistryEditor.ResolveTarget(full, "http://10.0.0.9:11434/", "10.0.0.9:11434", true, Limits).Outcome);
    }

    [Fact]
    public void Expired_TransientHostsNotProbedForTheExpiry()
    {
        var now = new DateTimeOffset(2026, 11, 28, 12, 0, 0, TimeSpan.Zero);
        var registry = Registry(Host("old", HostSource.Transient), Host("fresh", HostSource.Transient), Host("edge", HostSource.Transient), Host("api", HostSource.Api));
        var probed = new Dictionary<string, DateTimeOffset>
        {
            ["old"] = now.AddMinutes(-11),
            ["fresh"] = now.AddMinutes(-9),
            ["edge"] = now.AddMinutes(-10),
            ["api"] = now.AddDays(-1),
        };

        Assert.Equal(["edge", "old"], RegistryEditor.Expired(registry, probed, now, TimeSpan.FromMinutes(10)));
    }
}
