namespace OllamaOrleans.Api.Hosting;

/// <summary>
/// The pause between a background service's rounds. It ends early, without an exception, when the host
/// stops: a service cancelled that way has finished, not failed, even when the host stops because its
/// start failed (a port in use), where the host would otherwise log the cancellation as a crash.
/// </summary>
public static class StoppingDelay
{
    /// <summary>Waits <paramref name="delay"/>; false when <paramref name="stopping"/> ended the wait.</summary>
    public static async Task<bool> PauseAsync(this TimeProvider time, TimeSpan delay, CancellationToken stopping)
    {
        try
        {
            await Task.Delay(delay, time, stopping);
            return true;
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
            return false;
        }
    }
}
