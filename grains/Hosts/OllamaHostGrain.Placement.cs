using OllamaOrleans.Grains.Placement;
using Orleans.Runtime.Placement;

namespace OllamaOrleans.Grains.Hosts;

public sealed partial class OllamaHostGrain
{
    private static readonly TimeSpan MoveRetryDelay = TimeSpan.FromMinutes(10);
    private DateTimeOffset nextMoveAttempt = DateTimeOffset.MinValue;

    /// <summary>
    /// Moves this activation to a silo on the host's node when one runs there and this silo does not.
    /// Checked on every start, so the fleet's one-minute watchdog also moves hosts to silos that
    /// joined after them. The URL (not a fixed silo) goes with the request, so the director decides.
    /// </summary>
    private async Task MoveToOllamaNodeAsync(string url)
    {
        var now = time.GetUtcNow();
        if (now < nextMoveAttempt || await nodes.BetterSiloAsync(url) is not { } target)
        {
            return;
        }

        // A migration normally ends this activation; should placement decline it, try again later.
        nextMoveAttempt = now + MoveRetryDelay;
        LogMovingToNode(logger, Name, url, target.ToString());

        // A caller's placement hint would pin the migration to where it came from. Both changes end
        // with this async method; MigrateOnIdle has taken its copy of the context by then.
        RequestContext.Remove(IPlacementDirector.PlacementHintKey);
        HostUrlContext.Set(url);
        this.MigrateOnIdle();
    }
}
