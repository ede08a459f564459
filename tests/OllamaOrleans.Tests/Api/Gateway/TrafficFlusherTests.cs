using System.Reflection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using OllamaOrleans.Api.Gateway;
using OllamaOrleans.GrainInterfaces.Statistics;
using OllamaOrleans.Protocol.Statistics;

namespace OllamaOrleans.Tests.Api.Gateway;

/// <summary>When the cluster cannot take measurements, the gateway drops and counts them instead of failing.</summary>
public sealed class TrafficFlusherTests
{
    [Fact]
    public async Task UnreachableCluster_DropsAndCountsTheBatch()
    {
        var options = Options.Create(new GatewayOptions { FlushInterval = TimeSpan.FromMilliseconds(10) });
        var metrics = new GatewayMetrics();
        var queue = new TrafficQueue(options, metrics);
        var before = metrics.DroppedSoFar("cluster_unreachable");
        var record = new InferenceRecord(DateTimeOffset.UnixEpoch, InferenceSources.Traffic, "chat", "POST", "200", 1, null, null, 1, 0, 1, 0);
        queue.Enqueue(new TrafficRecord("gpu1", "llama3.2", record));
        queue.Enqueue(new TrafficRecord("gpu1", "llama3.2:latest", record));
        queue.Enqueue(new TrafficRecord("gpu2", "qwen:7b", record));
        using var flusher = new TrafficFlusher(queue, Unreachable.Create(), metrics, options, TimeProvider.System, NullLogger<TrafficFlusher>.Instance);

        await flusher.StartAsync(CancellationToken.None);
        await Eventually.TrueWithinAsync(TimeSpan.FromSeconds(2), () => metrics.DroppedSoFar("cluster_unreachable") - before >= 3, TimeSpan.FromMilliseconds(10));

        await flusher.StopAsync(CancellationToken.None);
        Assert.Equal(3, metrics.DroppedSoFar("cluster_unreachable") - before);
    }

    /// <summary>A grain factory whose every call fails as one does when no silo can be reached.</summary>
    public class Unreachable : DispatchProxy
    {
        public static IGrainFactory Create() => DispatchProxy.Create<IGrainFactory, Unreachable>();

        protected override object? Invoke(MethodInfo? targetMethod, object?[]? args) =>
            throw new OrleansException("no gateway is reachable");
    }
}
