using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using OllamaOrleans.Grains.Models;
using OllamaOrleans.Silo.Storage;
using Orleans.Serialization;
using Orleans.Storage;

namespace OllamaOrleans.Tests.Silo.Storage;

public sealed class AtomicFileGrainStorageTests : IDisposable
{
    private readonly string directory = Directory.CreateTempSubdirectory("ollama-orleans-state-").FullName;
    private readonly AtomicFileGrainStorage storage;
    private readonly GrainId grain = GrainId.Create("model", "gpu1/llama3.2:latest");

    public AtomicFileGrainStorageTests() =>
        storage = new AtomicFileGrainStorage(directory, new SystemTextJsonGrainStorageSerializer(Options.Create(new SystemTextJsonGrainStorageSerializerOptions())), NullLogger<AtomicFileGrainStorage>.Instance);

    public void Dispose() => Directory.Delete(directory, recursive: true);

    [Fact]
    public async Task WriteThenRead_RoundTripsWithANewETag()
    {
        var written = new GrainState<OllamaModelState>(new OllamaModelState { Name = "llama3.2:latest", Loads = 4 });
        await storage.WriteStateAsync("model", grain, written);

        var read = new GrainState<OllamaModelState>();
        await storage.ReadStateAsync("model", grain, read);

        Assert.True(read.RecordExists);
        Assert.Equal(written.ETag, read.ETag);
        Assert.Equal(("llama3.2:latest", 4L), (read.State!.Name, read.State.Loads));
        Assert.Single(Directory.GetFiles(directory));
    }

    [Fact]
    public async Task Read_Missing_IsAFreshState()
    {
        var read = new GrainState<OllamaModelState>();

        await storage.ReadStateAsync("model", grain, read);

        Assert.False(read.RecordExists);
        Assert.Null(read.State!.Name);
    }

    [Fact]
    public async Task Read_CorruptFile_IsMovedAsideAndTheGrainStartsFresh()
    {
        await storage.WriteStateAsync("model", grain, new GrainState<OllamaModelState>(new OllamaModelState { Name = "x" }));
        var path = Directory.GetFiles(directory).Single();
        await File.WriteAllTextAsync(path, "ollama-orleans-state v1\n0123456789abcdef0123456789abcdef\n{\"Name\":");

        var read = new GrainState<OllamaModelState>();
        await storage.ReadStateAsync("model", grain, read);

        Assert.False(read.RecordExists);
        Assert.True(File.Exists(path + ".corrupt"));
        Assert.False(File.Exists(path));
    }

    [Fact]
    public async Task Clear_RemovesTheFile()
    {
        var state = new GrainState<OllamaModelState>(new OllamaModelState { Name = "x" });
        await storage.WriteStateAsync("model", grain, state);

        await storage.ClearStateAsync("model", grain, state);

        Assert.Empty(Directory.GetFiles(directory));
        Assert.False(state.RecordExists);
    }
}
