namespace OllamaOrleans.Grains.Fleet;

/// <summary>
/// Runs a pass at most once at a time. A call while no pass runs starts one; a call during a pass
/// waits for the next pass, which starts when the current one ends and so sees every change made
/// before the call; all calls during one pass share that next pass, so never more than one is queued.
/// The returned task completes (or fails, with the pass's exception) when the pass covering the call ends.
/// </summary>
public sealed class PassCoalescer(Func<Task> pass)
{
    private readonly Lock gate = new();
    private bool running;
    private TaskCompletionSource? next;

    public Task RunAsync()
    {
        TaskCompletionSource first;
        lock (gate)
        {
            if (running)
            {
                next ??= new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
                return next.Task;
            }

            running = true;
            first = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        }

        _ = DriveAsync(first);
        return first.Task;
    }

    private async Task DriveAsync(TaskCompletionSource waiting)
    {
        while (true)
        {
            try
            {
                await pass();
                waiting.SetResult();
            }
            catch (Exception e)
            {
                waiting.SetException(e);
            }

            lock (gate)
            {
                if (next is null)
                {
                    running = false;
                    return;
                }

                waiting = next;
                next = null;
            }
        }
    }
}
