using Microsoft.Extensions.Time.Testing;
using OllamaOrleans.Api.Gateway;
using OllamaOrleans.Grains.Hosts;
using OllamaOrleans.Silo.Resources;

namespace OllamaOrleans.Tests.Silo.Resources;

public sealed class GatewayInferenceActivityTests
{
    private readonly FakeTimeProvider time = new(new DateTimeOffset(2026, 11, 29, 8, 0, 0, TimeSpan.Zero));
    private readonly ReportedTraffic reported = new();

    [Fact]
    public void RequestsThroughThisSilosGateway_MakeTheHostBusy_AtOnce()
    {
        var tracker = new InFlightTracker(new GatewayMetrics());
        var activity = new GatewayInferenceActivity(tracker, reported, time);

        using (tracker.Enter("a:11434", "llama3.2:latest"))
        {
            Assert.True(activity.IsBusy("a:11434"));
            Assert.False(activity.IsBusy("b:11434"));
        }

        Assert.False(activity.IsBusy("a:11434"));
    }

    [Fact]
    public void TrafficOtherGatewaysReport_MakesTheHostBusy_AlsoWithoutAGatewayHere()
    {
        var activity = new GatewayInferenceActivity(null, reported, time);

        reported.Report("a:11434", busy: true, time.GetUtcNow().AddMinutes(1));

        Assert.True(activity.IsBusy("a:11434"));
        time.Advance(TimeSpan.FromMinutes(1));
        Assert.False(activity.IsBusy("a:11434"));
    }
}
