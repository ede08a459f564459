using System.Security.Cryptography;
using System.Text;
using Orleans.Storage;

namespace OllamaOrleans.Silo.Storage;

/// <summary>
/// Grain state in files, for the embedded default when <c>Monitor:StateDirectory</c> is set, so one
/// process keeps its registry, counters and 24-hour windows across restarts. Each write goes to a
/// temporary file that is flushed and renamed over the old one, so a crash leaves the old state or the
/// new one, never half of one. A file that cannot be read is moved aside (<c>.corrupt</c>) and logged,
/// and the grain starts fresh rather than failing to activate.
/// </summary>
public sealed partial class AtomicFileGrainStorage(string directory, IGrainStorageSerializer serializer, ILogger<AtomicFileGrainStorage> logger) : IGrainStorage
{
    private const string Magic = "ollama-orleans-state v1";

    public async Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        var path = PathOf(stateName, grainId);
        if (!File.Exists(path))
        {
            Reset(grainState);
            return;
        }

        try
        {
            var bytes = await File.ReadAllBytesAsync(path);
            var (etag, payload) = Parse(bytes, path);
            grainState.State = serializer.Deserialize<T>(new BinaryData(payload)) ?? throw new InvalidDataException($"{path} holds no state.");
            grainState.ETag = etag;
            grainState.RecordExists = true;
        }
        catch (Exception e) when (e is InvalidDataException or System.Text.Json.JsonException or NotSupportedException)
        {
            var aside = path + ".corrupt";
            File.Move(path, aside, overwrite: true);
            LogCorrupt(logger, e, grainId.ToString(), aside);
            Reset(grainState);
        }
    }

    public async Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        var path = PathOf(stateName, grainId);
        var etag = Guid.NewGuid().ToString("N");
        var payload = serializer.Serialize(grainState.State).ToArray();
        var temporary = path + ".tmp";
        await using (var file = new FileStream(temporary, FileMode.Create, FileAccess.Write, FileShare.None, 4096, FileOptions.Asynchronous))
        {
            await file.WriteAsync(Encoding.ASCII.GetBytes($"{Magic}\n{etag}\n"));
            await file.WriteAsync(payload);
            await file.FlushAsync();
            file.Flush(flushToDisk: true);
        }

        File.Move(temporary, path, overwrite: true);
        grainState.ETag = etag;
        grainState.RecordExists = true;
    }

    public Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        File.Delete(PathOf(stateName, grainId));
        Reset(grainState);
        return Task.CompletedTask;
    }

    private static (string ETag, ReadOnlyMemory<byte> Payload) Parse(byte[] bytes, string path)
    {
        var header = Encoding.ASCII.GetBytes(Magic + "\n");
        if (bytes.Length < header.Length + 33 || !bytes.AsSpan(0, header.Length).SequenceEqual(header) || bytes[header.Length + 32] != (byte)'\n')
        {
            throw new InvalidDataException($"{path} is not a state file of this version.");
        }

        return (Encoding.ASCII.GetString(bytes, header.Length, 32), bytes.AsMemory(header.Length + 33));
    }

    private static void Reset<T>(IGrainState<T> grainState)
    {
        grainState.State = Activator.CreateInstance<T>();
        grainState.ETag = null;
        grainState.RecordExists = false;
    }

    /// <summary>One file per grain and state name; the name is a hash, so any key is a safe file name.</summary>
    private string PathOf(string stateName, GrainId grainId)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes($"{grainId}\n{stateName}"));
        return Path.Combine(directory, Convert.ToHexStringLower(hash.AsSpan(0, 16)) + ".json");
    }

    [LoggerMessage(1, LogLevel.Error, "State of {Grain} could not be read and was moved to {Aside}; the grain starts fresh.")]
    private static partial void LogCorrupt(ILogger logger, Exception exception, string grain, string aside);
}
