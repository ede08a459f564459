namespace OllamaOrleans.Silo.Cluster;

/// <summary>
/// Runs a pass one at a time. A request while a pass runs queues one more pass, to start when that one
/// ends; further requests before then join the queued pass, since it will see their change too.
/// </summary>
public sealed class PassQueue(Func<CancellationToken, Task> pass)
{
    // 0: idle; 1: a pass runs; 2: a pass runs and one more is queued.
    private int requested;
    private Task running = Task.CompletedTask;

    /// <summary>Completes when the passes started so far, the queued one included, have ended.</summary>
    public Task Idle => Volatile.Read(ref running);

    public void Request(CancellationToken cancellationToken)
    {
        while (true)
        {
            var current = Volatile.Read(ref requested);
            if (current == 2)
            {
                return;
            }

            if (Interlocked.CompareExchange(ref requested, current + 1, current) == current)
            {
                if (current == 0)
                {
                    Volatile.Write(ref running, RunAsync(cancellationToken));
                }

                return;
            }
        }
    }

    private async Task RunAsync(CancellationToken cancellationToken)
    {
        await Task.Yield();
        var more = true;
        while (more)
        {
            try
            {
                await pass(cancellationToken);
            }
            catch
            {
                Volatile.Write(ref requested, 0);
                throw;
            }

            more = Interlocked.Decrement(ref requested) > 0;
        }
    }
}
