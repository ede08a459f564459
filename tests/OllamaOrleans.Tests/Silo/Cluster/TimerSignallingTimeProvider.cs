using Microsoft.Extensions.Time.Testing;

namespace OllamaOrleans.Tests.Silo.Cluster;

/// <summary>A fake clock that tells when code under test starts a timer (a <c>Task.Delay</c> on it), so a test advances time only once the wait has begun.</summary>
public sealed class TimerSignallingTimeProvider(DateTimeOffset start) : FakeTimeProvider(start)
{
    private readonly SemaphoreSlim created = new(0);

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var timer = base.CreateTimer(callback, state, dueTime, period);
        created.Release();
        return timer;
    }

    /// <summary>Waits (in real time, at most <paramref name="patience"/>) until one more timer has been created.</summary>
    public async Task TimerStartedAsync(TimeSpan patience) =>
        Assert.True(await created.WaitAsync(patience), "no timer started");
}
