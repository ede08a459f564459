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
    private readonly List<string> flushes = [];

    public AtomicFileGrainStorageTests() =>
        storage = new AtomicFileGrainStorage(
            directory,
            new SystemTextJsonGrainStorageSerializer(Options.Create(new SystemTextJsonGrainStorageSerializerOptions())),
            NullLogger<AtomicFileGrainStorage>.Instance,
            FlushDirectory);

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

    [Fact]
    public async Task Write_WithAStaleETag_IsInconsistent_AndKeepsTheNewerState()
    {
        var first = new GrainState<OllamaModelState>(new OllamaModelState { Name = "x", Loads = 1 });
        await storage.WriteStateAsync("model", grain, first);
        var stale = new GrainState<OllamaModelState>();
        await storage.ReadStateAsync("model", grain, stale);
        first.State!.Loads = 2;
        await storage.WriteStateAsync("model", grain, first);

        stale.State!.Loads = 99;
        var error = await Assert.ThrowsAsync<InconsistentStateException>(() => storage.WriteStateAsync("model", grain, stale));

        Assert.Equal((first.ETag, stale.ETag), (error.StoredEtag, error.CurrentEtag));
        var read = new GrainState<OllamaModelState>();
        await storage.ReadStateAsync("model", grain, read);
        Assert.Equal(2, read.State!.Loads);
    }

    [Fact]
    public async Task Write_WithoutAnETag_OverAStoredState_IsInconsistent()
    {
        await storage.WriteStateAsync("model", grain, new GrainState<OllamaModelState>(new OllamaModelState { Name = "x" }));

        await Assert.ThrowsAsync<InconsistentStateException>(() => storage.WriteStateAsync("model", grain, new GrainState<OllamaModelState>(new OllamaModelState { Name = "y" })));
    }

    [Fact]
    public async Task Write_WithAnETag_WhenNothingIsStored_IsInconsistent()
    {
        var state = new GrainState<OllamaModelState>(new OllamaModelState { Name = "x" });
        await storage.WriteStateAsync("model", grain, state);
        File.Delete(Directory.GetFiles(directory).Single());

        await Assert.ThrowsAsync<InconsistentStateException>(() => storage.WriteStateAsync("model", grain, state));
    }

    [Fact]
    public async Task Clear_WithAStaleETag_IsInconsistent_AndKeepsTheFile()
    {
        var state = new GrainState<OllamaModelState>(new OllamaModelState { Name = "x" });
        await storage.WriteStateAsync("model", grain, state);
        var stale = new GrainState<OllamaModelState>(new OllamaModelState()) { ETag = "0123456789abcdef0123456789abcdef", RecordExists = true };

        await Assert.ThrowsAsync<InconsistentStateException>(() => storage.ClearStateAsync("model", grain, stale));

        Assert.Single(Directory.GetFiles(directory));
    }

    [Fact]
    public async Task ConcurrentWriters_FromOneRead_OnlyOneWins()
    {
        await storage.WriteStateAsync("model", grain, new GrainState<OllamaModelState>(new OllamaModelState { Name = "x" }));
        var writers = new List<GrainState<OllamaModelState>>();
        for (var i = 0; i < 8; i++)
        {
            var state = new GrainState<OllamaModelState>();
            await storage.ReadStateAsync("model", grain, state);
            state.State!.Loads = i;
            writers.Add(state);
        }

        var results = await Task.WhenAll(writers.Select(async w =>
        {
            try
            {
                await storage.WriteStateAsync("model", grain, w);
                return true;
            }
            catch (InconsistentStateException)
            {
                return false;
            }
        }));

        Assert.Single(results, won => won);
    }

    [Fact]
    public async Task Write_FlushesTheDirectory_AfterTheRename()
    {
        var state = new GrainState<OllamaModelState>(new OllamaModelState { Name = "x" });

        await storage.WriteStateAsync("model", grain, state);

        Assert.Equal([$"{directory}: {Path.GetFileName(Directory.GetFiles(directory).Single())}"], flushes);
    }

    [Fact]
    public void DirectorySync_FlushesARealDirectory_AndRefusesAMissingOne()
    {
        DirectorySync.Flush(directory);

        Assert.Throws<IOException>(() => DirectorySync.Flush(Path.Combine(directory, "missing")));
    }

    /// <summary>Records what the directory holds when it is flushed: the state file, no temporary one.</summary>
    private void FlushDirectory(string path) =>
        flushes.Add($"{path}: {string.Join(",", Directory.GetFiles(path).Select(Path.GetFileName).Order(StringComparer.Ordinal))}");
}
