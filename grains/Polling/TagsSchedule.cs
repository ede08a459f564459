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
/// listing did not name or named with another digest, and at least every <see cref="BackstopPolls"/>th
/// poll (a model pulled or deleted without being loaded shows within that many intervals).
/// </summary>
public sealed class TagsSchedule
{
    /// <summary>The most polls from one read of the listing to the next.</summary>
    public const int BackstopPolls = 3;

    private bool read;
    private int pollsSinceRead;
    private bool lastPollHealthy;

    /// <param name="healthy">Whether this poll's <c>/api/version</c> and <c>/api/ps</c> succeeded.</param>
    /// <param name="versionChanged">Whether <c>/api/version</c> answered another version than the last one.</param>
    /// <param name="loadedChanged">Whether this poll counted a load or an unload.</param>
    /// <param name="loaded">This poll's <c>/api/ps</c> entries; null when it failed.</param>
    /// <param name="known">The host's tracked models, by canonical name, as the last listing left them.</param>
    public bool Due(bool healthy, bool versionChanged, bool loadedChanged, IReadOnlyList<PsEntry>? loaded, IReadOnlyDictionary<string, ModelSnapshot> known) =>
        !read
        || pollsSinceRead + 1 >= BackstopPolls
        || !lastPollHealthy
        || !healthy
        || versionChanged
        || loadedChanged
        || (loaded is not null && !loaded.All(entry => Listed(entry, known)));

    /// <summary>Notes a poll's outcome.</summary>
    /// <param name="tagsSucceeded">Whether the listing was read: null when it was not asked for.</param>
    public void Completed(bool healthy, bool? tagsSucceeded)
    {
        lastPollHealthy = healthy && tagsSucceeded != false;
        if (tagsSucceeded == true)
        {
            read = true;
            pollsSinceRead = 0;
        }
        else
        {
            pollsSinceRead++;
        }
    }

    private static bool Listed(PsEntry entry, IReadOnlyDictionary<string, ModelSnapshot> known) =>
        known.TryGetValue(ModelName.Canonical(entry.Name), out var model)
        && model.Available is { } available
        && available.Digest == entry.Model.Digest;
}
