using OllamaOrleans.GrainInterfaces.Models;
using OllamaOrleans.Grains.Ollama;
using OllamaOrleans.Protocol.Ollama;

namespace OllamaOrleans.Grains.Polling;

/// <summary>
/// Whether a poll reads <c>/api/tags</c> besides <c>/api/version</c> and <c>/api/ps</c>. In a steady
/// fleet only <c>/api/ps</c> changes from poll to poll, so the listing is read only when something says
/// it may have changed: no listing read yet by this activation, a failed call in this poll or the last
/// one (the host was down, came back, or answered badly), another version, a model loaded or unloaded
/// (deleting a loaded model unloads it; pulling a new digest reloads it), a loaded model that the last
/// listing did not name or named with another digest, and at least every <see cref="Backstop"/> (a
/// model pulled or deleted without being loaded).
/// </summary>
public sealed class TagsSchedule
{
    /// <summary>The longest time between two reads of the listing.</summary>
    public static readonly TimeSpan Backstop = TimeSpan.FromMinutes(1);

    private DateTimeOffset? lastRead;
    private bool lastPollHealthy;

    /// <param name="now">When this poll's calls ended.</param>
    /// <param name="healthy">Whether this poll's <c>/api/version</c> and <c>/api/ps</c> succeeded.</param>
    /// <param name="versionChanged">Whether <c>/api/version</c> answered another version than the last one.</param>
    /// <param name="loadedChanged">Whether this poll counted a load or an unload.</param>
    /// <param name="loaded">This poll's <c>/api/ps</c> entries; null when it failed.</param>
    /// <param name="known">The host's tracked models, by canonical name, as the last listing left them.</param>
    public bool Due(DateTimeOffset now, bool healthy, bool versionChanged, bool loadedChanged, IReadOnlyList<PsEntry>? loaded, IReadOnlyDictionary<string, ModelSnapshot> known) =>
        lastRead is not { } read
        || now - read >= Backstop
        || !lastPollHealthy
        || !healthy
        || versionChanged
        || loadedChanged
        || (loaded is not null && !loaded.All(entry => Listed(entry, known)));

    /// <summary>Notes a poll's outcome.</summary>
    /// <param name="tagsSucceeded">Whether the listing was read: null when it was not asked for.</param>
    public void Completed(DateTimeOffset now, bool healthy, bool? tagsSucceeded)
    {
        lastPollHealthy = healthy && tagsSucceeded != false;
        if (tagsSucceeded == true)
        {
            lastRead = now;
        }
    }

    private static bool Listed(PsEntry entry, IReadOnlyDictionary<string, ModelSnapshot> known) =>
        known.TryGetValue(ModelName.Canonical(entry.Name), out var model)
        && model.Available is { } available
        && available.Digest == entry.Model.Digest;
}
