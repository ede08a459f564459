using OllamaOrleans.GrainInterfaces.Hosts;
using OllamaOrleans.Grains.Registry;
using OllamaOrleans.Silo.Resources;
using Prometheus;

namespace OllamaOrleans.Silo.Metrics;

/// <summary>
/// <c>GET /metrics</c>: the silo's own series (prometheus-net: process, Orleans' meter filtered) and then
/// the fleet's series of the hosts whose grains live on this silo, with the process and GPU figures
/// of those that run on this silo's node, and, on the fleet grain's silo, the registry's hosts.
/// Transient hosts (registered by <c>/probe</c>) are left out:
/// their scrape is <c>/probe</c>, and a host exported on both would be counted twice by any sum.
/// </summary>
public static class MetricsEndpoint
{
    public const string ContentType = "text/plain; version=0.0.4; charset=utf-8";

    public static IEndpointConventionBuilder MapFleetMetrics(this IEndpointRouteBuilder endpoints) =>
        endpoints.MapGet("/metrics", async (HttpContext context, IHostSnapshotRegistry registry, IRegisteredHosts registered, ResourceRegistry resources) =>
        {
            context.Response.ContentType = ContentType;
            context.Response.Headers.CacheControl = "no-store";
            await Prometheus.Metrics.DefaultRegistry.CollectAndExportAsTextAsync(context.Response.Body, context.RequestAborted);
            var hosts = registry.Snapshots.Where(h => h.Registration.Source != HostSource.Transient).ToList();
            var body = new BlockBufferWriter(context.Response.BodyWriter);
            FleetExposition.Write(body, hosts, resources.Get);
            RegistrySeriesWriter.Write(body, registered.Names);
            body.Commit();
            await context.Response.BodyWriter.FlushAsync(context.RequestAborted);
        }).ExcludeFromDescription();
}
