namespace OllamaOrleans.Grains.Storage;

/// <summary>
/// Writes a grain's state without letting a storage outage reach the grain: a failed write is
/// reported to <see cref="StorageHealth"/> (which logs per outage, not per write), leaves the state
/// pending in memory, and is retried by the next write or <see cref="RetryPendingAsync"/>. A write
/// whose answer was lost may have changed the stored ETag; the next one then re-reads the ETag and
/// writes the state this activation holds, which is the newest.
/// </summary>
public sealed class StateWriter<TState>(IPersistentState<TState> state, StorageHealth health, string grain)
{
    private bool etagSuspect;

    /// <summary>Whether the last write failed, so the stored state is behind the one in memory.</summary>
    public bool Pending { get; private set; }

    public async Task<bool> WriteAsync()
    {
        try
        {
            if (etagSuspect)
            {
                await RefreshETagAsync();
            }

            await state.WriteStateAsync();
            Pending = false;
            etagSuspect = false;
            health.Succeeded();
            return true;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            Pending = true;
            etagSuspect = true;
            health.Failed(grain, e);
            return false;
        }
    }

    public Task RetryPendingAsync() => Pending ? WriteAsync() : Task.CompletedTask;

    private async Task RefreshETagAsync()
    {
        var current = state.State;
        await state.ReadStateAsync();
        state.State = current;
    }
}
