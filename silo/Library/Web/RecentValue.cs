namespace OllamaOrleans.Silo.Web;

/// <summary>
/// A value read at most once per <c>maxAge</c>, shared by everyone who asks meanwhile (a read in
/// flight included), so that many open fleet pages cost the grains what one does. A failed read is
/// not kept: the next caller reads again.
/// </summary>
public sealed class RecentValue<T>(TimeSpan maxAge, TimeProvider time)
{
    private readonly Lock gate = new();
    private Task<T>? current;
    private DateTimeOffset readAt;

    public Task<T> GetAsync(Func<Task<T>> read)
    {
        lock (gate)
        {
            var now = time.GetUtcNow();
            if (current is null || current.IsFaulted || current.IsCanceled || now - readAt >= maxAge)
            {
                current = read();
                readAt = now;
            }

            return current;
        }
    }
}
