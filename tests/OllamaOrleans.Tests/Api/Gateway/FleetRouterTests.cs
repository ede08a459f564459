using System.Collections.Immutable;
using OllamaOrleans.Api.Gateway;
using OllamaOrleans.GrainInterfaces.Hosts;
using OllamaOrleans.GrainInterfaces.Models;
using static OllamaOrleans.Tests.Support.Models;

namespace OllamaOrleans.Tests.Api.Gateway;

public sealed class FleetRouterTests
{
    private static HostSnapshot Host(string name, bool up, params ModelSnapshot[] models) => new(
        new HostRegistration(name, $"http://{name}:11434/", ImmutableSortedDictionary<string, string>.Empty, HostSource.Configuration),
        up, "0.32.15", null, null, [.. models], [], 0, null);

    private static readonly IReadOnlyList<HostSnapshot> Fleet =
    [
        Host("a", true, Snapshot("llama3.2:latest", Available())),
        Host("b", true, Snapshot("llama3.2:latest", Available(), Loaded())),
        Host("c", true, Snapshot("llama3.2:latest", Available(), Loaded()), Snapshot("qwen:7b", Available())),
        Host("d", false, Snapshot("mistral:7b", Available(), Loaded())),
    ];

    [Fact]
    public void Choose_LoadedWithFewestInFlight()
    {
        var busy = new Dictionary<string, int> { ["b"] = 3, ["c"] = 1 };

        Assert.Equal("c", FleetRouter.Choose("llama3.2", Fleet, h => busy.GetValueOrDefault(h))!.Name);
    }

    [Fact]
    public void Choose_TieOnInFlight_IsByName() => Assert.Equal("b", FleetRouter.Choose("LLAMA3.2:latest", Fleet, _ => 0)!.Name);

    [Fact]
    public void Choose_NotLoadedAnywhere_TakesAHostThatHasIt() => Assert.Equal("c", FleetRouter.Choose("qwen:7b", Fleet, _ => 0)!.Name);

    [Fact]
    public void Choose_OnlyOnADownHost_OrNowhere_IsNone()
    {
        Assert.Null(FleetRouter.Choose("mistral:7b", Fleet, _ => 0));
        Assert.Null(FleetRouter.Choose("nothere", Fleet, _ => 0));
    }

    [Fact]
    public void Choose_LeavesOutTriedHosts_LoadedFirst_ThenOnDisk_ThenNone()
    {
        Assert.Equal("c", FleetRouter.Choose("llama3.2", Fleet, _ => 0, new HashSet<string> { "b" })!.Name);
        Assert.Equal("a", FleetRouter.Choose("llama3.2", Fleet, _ => 0, new HashSet<string> { "b", "c" })!.Name);
        Assert.Null(FleetRouter.Choose("llama3.2", Fleet, _ => 0, new HashSet<string> { "a", "b", "c" }));
    }
}
