using System.Collections.Immutable;
using OllamaOrleans.Api.Gateway;
using OllamaOrleans.GrainInterfaces.Hosts;
using static OllamaOrleans.Tests.Support.Models;

namespace OllamaOrleans.Tests.Api.Gateway;

/// <summary>Only models the host lists become labels and grain keys; the rest are "other".</summary>
public sealed class ModelAdmissionTests
{
    private static readonly HostSnapshot Gpu = new(
        new HostRegistration("gpu", "http://gpu:11434/", ImmutableSortedDictionary<string, string>.Empty, HostSource.Configuration),
        true, "0.32.15", null, null,
        [Snapshot("llama3.2:latest", Available()), Snapshot("Qwen/Coder:7B", loaded: Loaded()), Snapshot("retired:1b")],
        [], 0, null);

    [Theory]
    [InlineData("llama3.2", "llama3.2:latest")]
    [InlineData(" LLAMA3.2:latest ", "llama3.2:latest")]
    [InlineData("qwen/coder:7b", "Qwen/Coder:7B")]
    public void Listed_ByTagsOrPs_IsTheHostsSpelling(string requested, string expected) =>
        Assert.Equal(expected, ModelAdmission.Listed(Gpu, requested));

    [Theory]
    [InlineData("made-up-1")]
    [InlineData("llama3.2:1b")]
    [InlineData("")]
    [InlineData("retired:1b")]
    [InlineData("llama3.2\u0000")]
    public void NotListed_IsOther(string requested)
    {
        Assert.Null(ModelAdmission.Listed(Gpu, requested));
        Assert.Equal("other", ModelAdmission.Label(Gpu, requested));
    }

    [Fact]
    public void AHugeName_IsOther() => Assert.Equal("other", ModelAdmission.Label(Gpu, "llama3.2" + new string(' ', 10_000)));

    [Theory]
    [InlineData("llama3.2:latest", true)]
    [InlineData("Qwen/Coder:7B", true)]
    [InlineData("other", true)]
    [InlineData("qwen/coder:7b", false)]
    [InlineData("mistral:7b", false)]
    public void Keeps_TheListedLabelsAndOther(string label, bool kept) => Assert.Equal(kept, ModelAdmission.Keeps(Gpu, label));
}
