using System.Security.Cryptography;
using System.Text;
using Orleans.Storage;

namespace OllamaOrleans.Silo.Storage;

/// <summary>
/// Grain state in files, for the embedded default when <c>Monitor:StateDirectory</c> is set, so one
/// process keeps its registry, counters and 24-hour windows across restarts. Each write goes to a
/// temporary file that is flushed and renamed over the old one, and the directory is flushed after the
/// rename, so a crash or a power loss leaves the old state or the new one, never half of one. Writes
/// and clears check the ETag as the Redis provider does: a writer holding a stale one gets
/// <see cref="InconsistentStateException"/>. A file that cannot be read is moved aside
/// (<c>.corrupt</c>) and logged, and the grain starts fresh rather than failing to activate.
/// </summary>
public sealed partial class AtomicFileGrainStorage(
    string directory, IGrainStorageSerializer serializer, ILogger<AtomicFileGrainStorage> logger, Action<string>? flushDirectory = null) : IGrainStorage
{
    private const string Magic = "ollama-orleans-state v1";

    // Check and rename are one step per file: writers of one file (say, two activations) take turns.
    private readonly SemaphoreSlim[] stripes = [.. Enumerable.Range(0, 32).Select(_ => new SemaphoreSlim(1, 1))];
    private readonly Action<string> flush = flushDirectory ?? DirectorySync.Flush;

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
        var stripe = StripeOf(path);
        await stripe.WaitAsync();
        try
        {
            await CheckETagAsync(path, grainState.ETag, "write");
            var temporary = path + ".tmp";
            await using (var file = new FileStream(temporary, FileMode.Create, FileAccess.Write, FileShare.None, 4096, FileOptions.Asynchronous))
            {
                await file.WriteAsync(Encoding.ASCII.GetBytes($"{Magic}\n{etag}\n"));
                await file.WriteAsync(payload);
                await file.FlushAsync();
                file.Flush(flushToDisk: true);
            }

            File.Move(temporary, path, overwrite: true);
            flush(directory);
        }
        finally
        {
            stripe.Release();
        }

        grainState.ETag = etag;
        grainState.RecordExists = true;
    }

    public async Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        var path = PathOf(stateName, grainId);
        var stripe = StripeOf(path);
        await stripe.WaitAsync();
        try
        {
            await CheckETagAsync(path, grainState.ETag, "clear");
            File.Delete(path);
            flush(directory);
        }
        finally
        {
            stripe.Release();
        }

        Reset(grainState);
    }

    /// <summary>Throws unless the stored ETag is <paramref name="expected"/> (null: nothing stored).</summary>
    private static async Task CheckETagAsync(string path, string? expected, string operation)
    {
        var stored = await StoredETagAsync(path);
        if (!string.Equals(stored, expected, StringComparison.Ordinal))
        {
            throw new InconsistentStateException(
                $"Cannot {operation} state at {path}: stored ETag '{stored ?? "(none)"}', the grain's '{expected ?? "(none)"}'; another writer changed it since the grain read it.",
                stored ?? "",
                expected ?? "");
        }
    }

    /// <summary>The ETag of the file's header; null when there is no file or no readable header (a fresh grain may overwrite it).</summary>
    private static async Task<string?> StoredETagAsync(string path)
    {
        var header = Encoding.ASCII.GetBytes(Magic + "\n");
        var buffer = new byte[header.Length + 33];
        try
        {
            await using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete, 1, FileOptions.Asynchronous);
            var read = await file.ReadAtLeastAsync(buffer, buffer.Length, throwOnEndOfStream: false);
            return read == buffer.Length && buffer.AsSpan(0, header.Length).SequenceEqual(header) && buffer[^1] == (byte)'\n'
                ? Encoding.ASCII.GetString(buffer, header.Length, 32)
                : null;
        }
        catch (FileNotFoundException)
        {
            return null;
        }
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

    private SemaphoreSlim StripeOf(string path) => stripes[(int)((uint)StringComparer.Ordinal.GetHashCode(path) % (uint)stripes.Length)];

    /// <summary>One file per grain and state name; the name is a hash, so any key is a safe file name.</summary>
    private string PathOf(string stateName, GrainId grainId)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes($"{grainId}\n{stateName}"));
        return Path.Combine(directory, Convert.ToHexStringLower(hash.AsSpan(0, 16)) + ".json");
    }
}
