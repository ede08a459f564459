using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OllamaOrleans.Api.Hosting;
using OllamaOrleans.GrainInterfaces.Models;
using OllamaOrleans.Protocol.Ollama;

namespace OllamaOrleans.Api.Gateway;

/// <summary>
/// Sends queued measurements to the model grains in batches, one call per model per flush. When the
/// cluster cannot take them the batch is dropped and counted, and that is logged once per outage,
/// not per batch; the gateway keeps proxying either way.
/// </summary>
public sealed partial class TrafficFlusher(
    TrafficQueue queue,
    IGrainFactory grains,
    GatewayMetrics metrics,
    IOptions<GatewayOptions> options,
    TimeProvider time,
    ILogger<TrafficFlusher> logger) : BackgroundService
{
    private const int MaxBatch = 5_000;
    private bool failing;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var batch = new List<TrafficRecord>();
        while (await WaitForRecordsAsync(stoppingToken))
        {
            while (batch.Count < MaxBatch && queue.Reader.TryRead(out var record))
            {
                batch.Add(record);
            }

            await FlushAsync(batch);
            batch.Clear();
            if (!await time.PauseAsync(options.Value.FlushInterval, stoppingToken))
            {
                return;
            }
        }
    }

    private async Task<bool> WaitForRecordsAsync(CancellationToken stoppingToken)
    {
        try
        {
            return await queue.Reader.WaitToReadAsync(stoppingToken);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            return false;
        }
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        var rest = new List<TrafficRecord>();
        while (queue.Reader.TryRead(out var record))
        {
            rest.Add(record);
        }

        await FlushAsync(rest);
    }

    private async Task FlushAsync(List<TrafficRecord> batch)
    {
        var calls = batch
            .GroupBy(r => (r.Host, Model: ModelName.Canonical(r.Model)))
            .Select(async g =>
            {
                try
                {
                    await grains.GetGrain<IOllamaModelGrain>(ModelKey.For(g.Key.Host, g.Key.Model)).RecordAsync([.. g.Select(r => r.Record)]);
                    return 0;
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    if (!failing)
                    {
                        LogUndelivered(logger, e, g.Count());
                    }

                    return g.Count();
                }
            });
        var lost = (await Task.WhenAll(calls)).Sum();
        if (lost > 0)
        {
            failing = true;
            metrics.Dropped("cluster_unreachable", lost);
        }
        else if (failing && batch.Count > 0)
        {
            failing = false;
            LogDelivering(logger);
        }
    }
}
