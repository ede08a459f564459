namespace OllamaOrleans.EndToEnd.Support;

/// <summary>Waits for a condition on a real system, up to a deadline that is part of what the test asserts.</summary>
public static class Eventually
{
    public static async Task<T> WithinAsync<T>(TimeSpan deadline, Func<Task<T>> probe, Func<T, bool> done, Func<T?, string> failure)
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

            await Task.Delay(100);
        }
    }
}
