namespace OllamaOrleans.Grains.Fleet;

/// <summary>
/// Starts items with at most a given number of starts in flight, so a pass over thousands of hosts
/// does not send every activation at once. A start answers whether it started the item (false: it
/// skipped it); a start that throws is counted as failed and reported, and the others go on.
/// </summary>
public static class BoundedStarts
{
    public static async Task<StartTally> RunAsync<T>(IReadOnlyList<T> items, int limit, Func<T, Task<bool>> start, Action<T, Exception> failed)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);
        var position = -1;
        int started = 0, skipped = 0, failures = 0;

        async Task WorkAsync()
        {
            int index;
            while ((index = Interlocked.Increment(ref position)) < items.Count)
            {
                var item = items[index];
                try
                {
                    if (await start(item))
                    {
                        Interlocked.Increment(ref started);
                    }
                    else
                    {
                        Interlocked.Increment(ref skipped);
                    }
                }
                catch (Exception e)
                {
                    Interlocked.Increment(ref failures);
                    failed(item, e);
                }
            }
        }

        await Task.WhenAll(Enumerable.Range(0, Math.Min(limit, items.Count)).Select(_ => WorkAsync()));
        return new StartTally(started, skipped, failures);
    }
}
