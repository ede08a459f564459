using Microsoft.Extensions.Options;
using OllamaOrleans.Grains.Fleet;
using OllamaOrleans.Grains.Hosts;
using OllamaOrleans.Grains.Models;
using Orleans.Serialization;
using Orleans.Storage;

namespace OllamaOrleans.Tests.Grains;

/// <summary>
/// State as the previous version wrote it to Redis (<c>Fixtures/state</c>, captured by its
/// <c>capture.sh</c> from main's build before <see cref="OllamaHostState.LastPollAt"/> existed) reads
/// with today's types: a change of version keeps the registry and the counters.
/// </summary>
public sealed class StoredStateCompatibilityTests
{
    private static readonly SystemTextJsonGrainStorageSerializer Serializer = new(Options.Create(new SystemTextJsonGrainStorageSerializerOptions()));

    private static T Read<T>(string file) =>
        Serializer.Deserialize<T>(new BinaryData(File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "Fixtures", "state", file))))!;

    [Fact]
    public void FleetState_FromThePreviousVersion_KeepsTheRegistry()
    {
        var fleet = Read<FleetState>("fleet-state.json");

        var host = Assert.Single(fleet.Hosts);
        Assert.Equal("127.0.0.1:26434", host.Key);
        Assert.Equal("http://127.0.0.1:26434", host.Value.Url.TrimEnd('/'));
    }

    [Fact]
    public void HostState_FromThePreviousVersion_KeepsCountersAndHasNoLastPoll()
    {
        var host = Read<OllamaHostState>("ollamahost-state.json");

        Assert.Equal("127.0.0.1:26434", host.Registration!.Name);
        Assert.Equal(host.Endpoints["/api/ps"].Count, host.Endpoints["/api/ps"].Buckets.Sum());
        Assert.True(host.Endpoints["/api/ps"].Count >= 10);
        Assert.Contains("llama3.2:latest", host.KnownModels);
        Assert.Contains("llama3.2:latest", host.LoadedRunners!.Keys);
        Assert.NotNull(host.LastSuccessAt);
        Assert.Null(host.LastPollAt);
    }

    [Fact]
    public void ModelState_FromThePreviousVersion_KeepsResidencyAndRequestCounts()
    {
        var model = Read<OllamaModelState>("ollamamodel-state.json");

        Assert.Equal("llama3.2:latest", model.Name);
        Assert.Equal(32768, model.Loaded!.ContextLength);
        Assert.Equal(10, model.Inference["probe"].Requests.Values.Sum());
        Assert.Equal(20, model.Revision);
    }
}
