using OllamaOrleans.GrainInterfaces.Models;
using OllamaOrleans.Grains.Ollama;
using OllamaOrleans.Grains.Polling;

namespace OllamaOrleans.Tests.Grains.Polling;

public sealed class LoadedModelsDiffTests
{
    private static PsEntry Ps(string name, string digest = "d1", int context = 4096) =>
        new(name, new LoadedModel(100, 100, context, null, digest), ModelDetails.Empty);

    private static Dictionary<string, LoadedRunner> Runners(params (string Name, string Digest, int Context)[] runners) =>
        runners.ToDictionary(r => r.Name, r => new LoadedRunner(r.Digest, r.Context));

    [Fact]
    public void Compute_WithoutPrevious_IsABaselineWithoutEvents()
    {
        var diff = LoadedModelsDiff.Compute(null, [Ps("a:latest"), Ps("b:1")]);

        Assert.Empty(diff.Loads);
        Assert.Empty(diff.Unloads);
        Assert.Equal(["a:latest", "b:1"], diff.Current.Keys.Order());
    }

    [Fact]
    public void Compute_NewAndGoneModels_AreLoadsAndUnloads()
    {
        var diff = LoadedModelsDiff.Compute(Runners(("a:latest", "d1", 4096), ("b:1", "d1", 4096)), [Ps("b:1"), Ps("c:2")]);

        Assert.Equal(new Dictionary<string, int> { ["c:2"] = 1 }, diff.Loads);
        Assert.Equal(new Dictionary<string, int> { ["a:latest"] = 1 }, diff.Unloads);
    }

    [Fact]
    public void Compute_SameRunner_CountsNothing()
    {
        var diff = LoadedModelsDiff.Compute(Runners(("a:latest", "d1", 4096)), [Ps("A")]);

        Assert.Empty(diff.Loads);
        Assert.Empty(diff.Unloads);
    }

    [Theory]
    [InlineData("d2", 4096)]
    [InlineData("d1", 8192)]
    public void Compute_ChangedDigestOrContext_IsAReload(string digest, int context)
    {
        var diff = LoadedModelsDiff.Compute(Runners(("a:latest", "d1", 4096)), [Ps("a", digest, context)]);

        Assert.Equal(1, diff.Loads["a:latest"]);
        Assert.Equal(1, diff.Unloads["a:latest"]);
    }

    [Fact]
    public void Compute_DuplicateNamesInOneListing_CountOnce()
    {
        var diff = LoadedModelsDiff.Compute(Runners(), [Ps("a"), Ps("a:latest")]);

        Assert.Equal(new Dictionary<string, int> { ["a:latest"] = 1 }, diff.Loads);
    }
}
