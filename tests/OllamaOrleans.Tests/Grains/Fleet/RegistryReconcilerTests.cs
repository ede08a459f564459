using System.Collections.Immutable;
using OllamaOrleans.GrainInterfaces.Hosts;
using OllamaOrleans.Grains.Fleet;

namespace OllamaOrleans.Tests.Grains.Fleet;

public sealed class RegistryReconcilerTests
{
    private static HostRegistration Host(string name, string url = "http://h:11434/", HostSource source = HostSource.Configuration, string? label = null) =>
        new(name, url, label is null ? ImmutableSortedDictionary<string, string>.Empty : ImmutableSortedDictionary<string, string>.Empty.Add("site", label), source);

    private static Dictionary<string, HostRegistration> Registry(params HostRegistration[] hosts) => hosts.ToDictionary(h => h.Name);

    [Fact]
    public void Reconcile_AddsUpdatesAndRemovesConfigurationHostsOnly()
    {
        var current = Registry(Host("a"), Host("b", label: "x"), Host("gone"), Host("api", source: HostSource.Api));

        var (next, change) = RegistryReconciler.Reconcile(current, [Host("a"), Host("b", label: "y"), Host("new")]);

        Assert.Equal(["new"], change.Added);
        Assert.Equal(["b"], change.Updated);
        Assert.Equal(["gone"], change.Removed);
        Assert.Equal(["a", "api", "b", "new"], next.Keys.Order());
        Assert.Equal("y", next["b"].Labels["site"]);
    }

    [Fact]
    public void Reconcile_SameConfigurationTwice_ChangesNothing()
    {
        var configured = new[] { Host("a"), Host("b", label: "x") };
        var (first, _) = RegistryReconciler.Reconcile(Registry(), configured);

        var (_, change) = RegistryReconciler.Reconcile(first, configured);

        Assert.True(change.IsEmpty);
    }

    [Fact]
    public void Reconcile_ConfigurationTakesOverAnApiHostOfTheSameName()
    {
        var (next, change) = RegistryReconciler.Reconcile(Registry(Host("a", source: HostSource.Api)), [Host("a")]);

        Assert.Equal(["a"], change.Updated);
        Assert.Equal(HostSource.Configuration, next["a"].Source);
    }

    [Fact]
    public void Reconcile_DuplicateConfiguredName_Throws() =>
        Assert.Throws<ArgumentException>(() => RegistryReconciler.Reconcile(Registry(), [Host("a"), Host("a", "http://other:1/")]));
}
