using System.Threading.Channels;
using Microsoft.Extensions.Options;

namespace OllamaOrleans.Api.Gateway;

/// <summary>
/// A bounded queue between the request path and the model grains: proxying never waits for the
/// cluster; when the queue is full the record is dropped and counted instead.
/// </summary>
public sealed class TrafficQueue(IOptions<GatewayOptions> options, GatewayMetrics metrics)
{
    private readonly Channel<TrafficRecord> channel = Channel.CreateBounded<TrafficRecord>(new BoundedChannelOptions(options.Value.QueueCapacity)
    {
        FullMode = BoundedChannelFullMode.Wait,
        SingleReader = true,
    });

    public ChannelReader<TrafficRecord> Reader => channel.Reader;

    public void Enqueue(TrafficRecord record)
    {
        if (!channel.Writer.TryWrite(record))
        {
            metrics.Dropped("queue_full", 1);
        }
    }
}
