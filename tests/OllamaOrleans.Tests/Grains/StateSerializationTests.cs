using Microsoft.Extensions.Options;
using OllamaOrleans.Grains.Fleet;
using OllamaOrleans.Grains.Hosts;
using OllamaOrleans.Grains.Models;
using OllamaOrleans.Grains.Polling;
using OllamaOrleans.Tests.Support;
using Orleans.Serialization;
using Orleans.Storage;
using static OllamaOrleans.Tests.Support.Models;

namespace OllamaOrleans.Tests.Grains;

/// <summary>
/// Grain state goes through the System.Text.Json storage serializer the silo configures: JSON without
/// CLR type names, so it reads back after types move or gain fields.
/// </summary>
public sealed class StateSerializationTests
{
    private static readonly SystemTextJsonGrainStorageSerializer Serializer = new(Options.Create(new SystemTextJsonGrainStorageSerializerOptions()));

    private static T RoundTrip<T>(T value) => Serializer.Deserialize<T>(Serializer.Serialize(value))!;

    [Fact]
    public void HostState_RoundTrips()
    {
        var state = new OllamaHostState
        {
            Registration = TestHosts.Registration("gpu1", new Uri("http://gpu1:11434/")) with { Labels = System.Collections.Immutable.ImmutableSortedDictionary<string, string>.Empty.Add("site", "lab") },
            LoadedRunners = new() { ["llama3.2:latest"] = new LoadedRunner("d1", 4096) },
            Version = "0.32.15",
            KnownModels = ["llama3.2:latest"],
        };
        state.CountersFor("/api/ps").Record(TimeSpan.FromSeconds(0.3), new OllamaOrleans.Grains.Ollama.PollFailure(OllamaOrleans.GrainInterfaces.Hosts.PollFailureReason.Timeout, "x"));

        var copy = RoundTrip(state);

        Assert.True(state.Registration.IsEquivalentTo(copy.Registration));
        Assert.Equal(new LoadedRunner("d1", 4096), copy.LoadedRunners!["llama3.2:latest"]);
        Assert.Equal(state.Endpoints["/api/ps"].Buckets, copy.Endpoints["/api/ps"].Buckets);
        Assert.Equal(1, copy.Endpoints["/api/ps"].Errors["timeout"]);
        Assert.Equal(["llama3.2:latest"], copy.KnownModels);
    }

    [Fact]
    public void ModelState_RoundTrips()
    {
        var state = new OllamaModelState { Name = "llama3.2:latest", Available = Available(), Loaded = Loaded(), Details = Available().Details, Loads = 3, Unloads = 2 };

        var copy = RoundTrip(state);

        Assert.True(state.Available!.IsEquivalentTo(copy.Available));
        Assert.Equal(state.Loaded, copy.Loaded);
        Assert.Equal((3L, 2L), (copy.Loads, copy.Unloads));
        Assert.Equal<string>(["completion"], copy.Details!.Capabilities);
    }

    [Fact]
    public void ModelState_CloudModel_KeepsItsRemoteHostAndModel()
    {
        var state = new OllamaModelState { Name = "gpt-oss:120b-cloud", Available = Available(size: 384) with { RemoteHost = "https://ollama.com:443", RemoteModel = "gpt-oss:120b" } };

        var copy = RoundTrip(state);

        Assert.Equal(("https://ollama.com:443", "gpt-oss:120b"), (copy.Available!.RemoteHost, copy.Available.RemoteModel));
        Assert.True(state.Available.IsEquivalentTo(copy.Available));
        Assert.False(state.Available.IsEquivalentTo(copy.Available with { RemoteHost = null }));
    }

    [Fact]
    public void FleetState_RoundTrips()
    {
        var state = new FleetState { Hosts = { ["a"] = TestHosts.Registration("a", new Uri("http://a:1/")) } };

        Assert.True(state.Hosts["a"].IsEquivalentTo(RoundTrip(state).Hosts["a"]));
    }

    [Fact]
    public void ModelState_WrittenWithUnknownAndMissingFields_Reads()
    {
        const string older = """{"Name":"m:1","Loads":5,"Unloads":4,"RetiredField":true}""";

        var state = Serializer.Deserialize<OllamaModelState>(new BinaryData(older))!;

        Assert.Equal(("m:1", 5L, 4L), (state.Name, state.Loads, state.Unloads));
        Assert.Null(state.Available);
    }
}
