using OllamaOrleans.Grains.Placement;
using Orleans.Runtime.Placement;

namespace OllamaOrleans.Grains.Hosts;

public sealed partial class OllamaHostGrain
{
    private static readonly TimeSpan MoveRetryDelay = TimeSpan.FromMinutes(2);
    private DateTimeOffset nextMoveAttempt = DateTimeOffset.MinValue;

    /// <summary>
    /// Moves this activation to its home (<see cref="HostHome"/>) when that is another silo: a silo on
    /// the host's node, or the one rendezvous hashing picks. Checked on every start, so the fleet's
    /// watchdog also moves hosts to silos that joined after them. The URL (not a fixed silo) goes with the request, so the director decides.
    /// </summary>
    private async Task MoveToOllamaNodeAsync(string url)
    {
        var now = time.GetUtcNow();
        if (now < nextMoveAttempt || await nodes.BetterSiloAsync(url, this.GetGrainId()) is not { } target)
        {
            return;
        }

        // A migration normally ends this activation; should placement decline it, try again later.
        nextMoveAttempt = now + MoveRetryDelay;
        LogMovingToNode(logger, Name, url, target.ToString());
        MigrateWithUrl(url);
    }

    public Task HandOverAsync()
    {
        if (state.State.Registration is { } registration)
        {
            MigrateWithUrl(registration.Url);
        }

        return Task.CompletedTask;
    }

    private void MigrateWithUrl(string url)
    {
        // A caller's placement hint would pin the migration to where it came from. MigrateOnIdle takes
        // its copy of the request context now; the changes end with the calling grain method.
        RequestContext.Remove(IPlacementDirector.PlacementHintKey);
        HostUrlContext.Set(url);
        this.MigrateOnIdle();
    }
}
