namespace OllamaOrleans.Testing;

/// <summary>
/// The tests' one way to wait for something that happens on its own (a process, a timer, a one-way
/// call): ask again after a short pause until it holds or the deadline, part of what the test asserts,
/// has passed. Never a fixed sleep.
/// </summary>
public static class Eventually
{
    private static readonly TimeSpan DefaultPause = TimeSpan.FromMilliseconds(100);

    /// <summary>
    /// Probes until <paramref name="done"/> holds for what it returns, and returns that; a probe that
    /// fails as a system not yet up does (refused, timed out) counts as not yet. Past the deadline it
    /// throws a <see cref="TimeoutException"/> with <paramref name="failure"/>'s account of the last answer.
    /// </summary>
    public static async Task<T> WithinAsync<T>(TimeSpan deadline, Func<Task<T>> probe, Func<T, bool> done, Func<T?, string> failure, TimeSpan? pause = null)
    {
        var until = DateTime.UtcNow + deadline;
        T? last = default;
        while (true)
        {
            try
            {
                last = await probe();
                if (done(last))
                {
                    return last;
                }
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException or IOException)
            {
            }

            if (DateTime.UtcNow >= until)
            {
                throw new TimeoutException($"Not within {deadline}: {failure(last)}");
            }

            await Task.Delay(pause ?? DefaultPause);
        }
    }

    /// <summary>Whether <paramref name="condition"/> holds within the deadline; the caller asserts on the answer.</summary>
    public static async Task<bool> TrueWithinAsync(TimeSpan deadline, Func<Task<bool>> condition, TimeSpan? pause = null)
    {
        var until = DateTime.UtcNow + deadline;
        while (!await condition())
        {
            if (DateTime.UtcNow >= until)
            {
                return false;
            }

            await Task.Delay(pause ?? DefaultPause);
        }

        return true;
    }

    /// <inheritdoc cref="TrueWithinAsync(TimeSpan, Func{Task{bool}}, TimeSpan?)"/>
    public static Task<bool> TrueWithinAsync(TimeSpan deadline, Func<bool> condition, TimeSpan? pause = null) =>
        TrueWithinAsync(deadline, () => Task.FromResult(condition()), pause);
}
