using OllamaOrleans.GrainInterfaces.Models;
using OllamaOrleans.Grains.Ollama;
using OllamaOrleans.Grains.Polling;
using static OllamaOrleans.Tests.Support.Models;

namespace OllamaOrleans.Tests.Grains.Polling;

public sealed class ObservationPlannerTests
{
    private static readonly Dictionary<string, ModelSnapshot> NothingKnown = [];

    [Fact]
    public void Plan_MergesTagsAndPsByCanonicalName()
    {
        var plan = ObservationPlanner.Plan(List(Tag("llama3.2:latest"), Tag("qwen:7b")), List(Ps("Llama3.2")), null, NothingKnown, 100);

        Assert.Equal(["llama3.2:latest", "qwen:7b"], plan.Observations.Keys.Order());
        var llama = plan.Observations["llama3.2:latest"];
        Assert.Equal("llama3.2:latest", llama.Name);
        Assert.NotNull(llama.Available);
        Assert.NotNull(llama.Loaded);
        Assert.Null(plan.Observations["qwen:7b"].Loaded);
        Assert.Empty(plan.Retired);
        Assert.Equal(0, plan.Dropped);
    }

    [Fact]
    public void Plan_LoadedButNotOnDisk_IsTrackedAsLoadedOnly()
    {
        var plan = ObservationPlanner.Plan(List<TagsEntry>(), List(Ps("deleted:1")), null, NothingKnown, 100);

        var model = Assert.Single(plan.Observations).Value;
        Assert.Null(model.Available);
        Assert.NotNull(model.Loaded);
    }

    [Fact]
    public void Plan_CarriesDiffEvents()
    {
        var diff = new LoadDiff(new Dictionary<string, LoadedRunner>(), new Dictionary<string, int> { ["a:latest"] = 1 }, new Dictionary<string, int> { ["b:latest"] = 1 });

        var plan = ObservationPlanner.Plan(List(Tag("a"), Tag("b")), List(Ps("a")), diff, NothingKnown, 100);

        Assert.Equal((1, 0), (plan.Observations["a:latest"].Loads, plan.Observations["a:latest"].Unloads));
        Assert.Equal((0, 1), (plan.Observations["b:latest"].Loads, plan.Observations["b:latest"].Unloads));
    }

    [Fact]
    public void Plan_BothListingsSucceedWithoutAKnownModel_RetiresIt()
    {
        var known = new Dictionary<string, ModelSnapshot> { ["gone:1"] = Snapshot("gone:1", Available()) };

        var plan = ObservationPlanner.Plan(List(Tag("a")), List<PsEntry>(), null, known, 100);

        Assert.Equal(["gone:1"], plan.Retired);
    }

    [Fact]
    public void Plan_FailedTags_KeepsKnownAvailability()
    {
        var known = new Dictionary<string, ModelSnapshot> { ["a:latest"] = Snapshot("a:latest", Available(size: 42)) };

        var plan = ObservationPlanner.Plan(null, List<PsEntry>(), null, known, 100);

        Assert.Empty(plan.Retired);
        Assert.Equal(42, plan.Observations["a:latest"].Available!.SizeBytes);
        Assert.Null(plan.Observations["a:latest"].Loaded);
    }

    [Fact]
    public void Plan_FailedPs_KeepsKnownResidency()
    {
        var known = new Dictionary<string, ModelSnapshot> { ["a:latest"] = Snapshot("a:latest", Available(), Loaded(memory: 7)) };

        var plan = ObservationPlanner.Plan(List(Tag("a")), null, null, known, 100);

        Assert.Equal(7, plan.Observations["a:latest"].Loaded!.MemoryBytes);
    }

    [Fact]
    public void Plan_AllFailed_KeepsEverythingKnown()
    {
        var known = new Dictionary<string, ModelSnapshot> { ["a:latest"] = Snapshot("a:latest", Available(), Loaded()), ["b:1"] = Snapshot("b:1", Available()) };

        var plan = ObservationPlanner.Plan(null, null, null, known, 100);

        Assert.Equal(["a:latest", "b:1"], plan.Observations.Keys.Order());
        Assert.Empty(plan.Retired);
    }

    [Fact]
    public void Plan_OverTheCap_KeepsLoadedFirstThenKnownThenByName()
    {
        var known = new Dictionary<string, ModelSnapshot> { ["z:1"] = Snapshot("z:1", Available()) };

        var plan = ObservationPlanner.Plan(List(Tag("a:1"), Tag("b:1"), Tag("y:1"), Tag("z:1")), List(Ps("y:1")), null, known, 3);

        Assert.Equal(["a:1", "y:1", "z:1"], plan.Observations.Keys.Order());
        Assert.Equal(1, plan.Dropped);
    }
}
