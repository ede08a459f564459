using System.Collections.Immutable;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using OllamaOrleans.GrainInterfaces.Hosts;
using OllamaOrleans.Grains.Placement;
using OllamaOrleans.Grains.Registry;
using OllamaOrleans.Silo.Resources;
using OllamaOrleans.Silo.Resources.Gpu;
using OllamaOrleans.Tests.Support;

namespace OllamaOrleans.Tests.Silo.Resources;

/// <summary>When the sampler samples, on a fake clock: every idle interval, every busy interval while busy.</summary>
public sealed class ResourceSamplerCadenceTests
{
    private static readonly DateTimeOffset T0 = DateTimeOffset.FromUnixTimeSeconds(1_800_000_000);
    private readonly FakeTimeProvider time = new(T0);
    private readonly HostSnapshotRegistry hosts = new();
    private readonly ResourceRegistry resources = new();
    private readonly SwitchableActivity activity = new();
    private readonly ResourceSampler sampler;

    public ResourceSamplerCadenceTests()
    {
        // Loopback, so on this node; nothing listens there, so no processes: the cadence is what counts.
        hosts.Publish(new HostSnapshot(
            new HostRegistration("h", $"http://127.0.0.1:{TestHosts.ClosedPort()}", ImmutableSortedDictionary<string, string>.Empty, HostSource.Api), true, null, null, null, [], [], 0, null));
        hosts.Publish(new HostSnapshot(
            new HostRegistration("remote", "http://10.255.0.9:11434", ImmutableSortedDictionary<string, string>.Empty, HostSource.Api), true, null, null, null, [], [], 0, null));
        sampler = new ResourceSampler(
            hosts,
            new LoopbackNodeDirectory(),
            new HostAddressCache(time),
            activity,
            new GpuCollector([], NullLogger<GpuCollector>.Instance),
            resources,
            Options.Create(new ResourceOptions { IdleInterval = TimeSpan.FromSeconds(10), BusyInterval = TimeSpan.FromSeconds(1) }),
            time,
            NullLoggerFactory.Instance);
    }

    private async Task<int> At(double seconds)
    {
        time.SetUtcNow(T0.AddSeconds(seconds));
        return await sampler.CollectAsync();
    }

    [Fact]
    public async Task IdleEveryIdleInterval_BusyEveryBusyInterval_TimeSplitByState()
    {
        Assert.Equal(1, await At(0));     // first sample: the baseline
        Assert.Equal(1, await At(1));     // the second follows a busy interval later
        Assert.Equal(0, await At(2));
        Assert.Equal(0, await At(10.5));
        Assert.Equal(1, await At(11));
        activity.Busy.Add("h");
        Assert.Equal(1, await At(12));
        Assert.Equal(0, await At(12.5));
        Assert.Equal(1, await At(13));
        activity.Busy.Clear();
        Assert.Equal(1, await At(14));    // busy at its start: still a busy interval
        Assert.Equal(0, await At(15));

        var h = resources.Get("h")!;
        Assert.Equal((T0.AddSeconds(14), 3.0, 11.0), (h.SampledAt, h.BusySeconds, h.IdleSeconds));
        Assert.Null(resources.Get("remote"));
    }
}
