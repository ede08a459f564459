using Microsoft.Extensions.Time.Testing;
using OllamaOrleans.Grains.Storage;
using OllamaOrleans.Tests.Support;

namespace OllamaOrleans.Tests.Grains.Storage;

public sealed class StorageHealthTests
{
    private readonly FakeTimeProvider time = new(new DateTimeOffset(2026, 11, 28, 12, 0, 0, TimeSpan.Zero));
    private readonly ListLogger<StorageHealth> logger = new();

    [Fact]
    public void Outage_IsLoggedOnceWhenItStarts_OnceAMinute_AndOnceWhenItEnds()
    {
        var health = new StorageHealth(time, logger);
        health.Succeeded();
        for (var second = 0; second < 90; second++)
        {
            foreach (var grain in new[] { "host/a", "host/b", "model/c" })
            {
                health.Failed(grain, new InvalidOperationException("No connection is active/available to service this operation: HGETALL x - more detail"));
            }

            time.Advance(TimeSpan.FromSeconds(1));
        }

        Assert.True(health.IsFailing);
        Assert.Equal(270, health.Failures);
        health.Succeeded();
        health.Succeeded();

        var lines = logger.Messages;
        Assert.Equal(3, lines.Count);
        Assert.StartsWith("Grain storage writes fail: No connection is active/available to service this operation: HGETALL x.", lines[0]);
        Assert.Contains("still fail after 00:01:00", lines[1]);
        Assert.Contains("writes by 3 grains failed so far", lines[1]);
        Assert.Contains("succeed again after 00:01:30 of failures; 270 writes by 3 grains", lines[2]);
        Assert.False(health.IsFailing);
        Assert.Equal(0, health.Failures);
    }
}
