using System.Collections.Immutable;
using System.Text;
using Microsoft.Extensions.Time.Testing;
using OllamaOrleans.Api.Gateway;
using OllamaOrleans.GrainInterfaces.Hosts;
using Prometheus;
using static OllamaOrleans.Tests.Support.Models;

namespace OllamaOrleans.Tests.Api.Gateway;

/// <summary>The gateway's host and model series leave with the host or the model, as grain-backed series do.</summary>
public sealed class GatewaySeriesSweeperTests
{
    // Host names of this test only: the series live in prometheus-net's shared default registry.
    private const string Kept = "sweep-kept";
    private const string Removed = "sweep-removed";
    private readonly GatewayMetrics metrics = new();
    private readonly StubDirectory directory = new();

    [Fact]
    public async Task ARemovedHost_LosesEverySeries_AndAModelGoneFromItsHost_LosesItsOwn()
    {
        var tracker = new InFlightTracker(metrics);
        directory.Hosts = [Host(Kept, "llama3.2:latest", "qwen:7b"), Host(Removed, "llama3.2:latest")];
        using (tracker.Enter(Kept, "llama3.2:latest"))
        using (tracker.Enter(Kept, "qwen:7b"))
        using (tracker.Enter(Kept, "other"))
        using (tracker.Enter(Removed, "llama3.2:latest"))
        {
        }

        metrics.Request(Kept, "generate", "200");
        metrics.Request(Removed, "generate", "200");
        metrics.Disconnect(Kept, "qwen:7b");
        metrics.Disconnect(Kept, "llama3.2:latest");
        metrics.Disconnect(Removed, "llama3.2:latest");
        directory.Hosts = [Host(Kept, "llama3.2:latest")];

        new GatewaySeriesSweeper(directory, metrics, tracker, new FakeTimeProvider()).Sweep();

        Assert.Equal(
            [
                $"ollama_client_disconnects_total{{host=\"{Kept}\",model=\"llama3.2:latest\"}} 1",
                $"ollama_gateway_requests_total{{host=\"{Kept}\",endpoint=\"generate\",status=\"200\"}} 1",
                $"ollama_requests_in_flight{{host=\"{Kept}\",model=\"llama3.2:latest\"}} 0",
                $"ollama_requests_in_flight{{host=\"{Kept}\",model=\"other\"}} 0",
            ],
            await SeriesOfTheseHostsAsync());
    }

    [Fact]
    public async Task AnInFlightSeries_StaysUntilItsLastRequestEnds_AndNeverGoesNegative()
    {
        const string host = "sweep-busy";
        var tracker = new InFlightTracker(metrics);
        var sweeper = new GatewaySeriesSweeper(directory, metrics, tracker, new FakeTimeProvider());
        var lease = tracker.Enter(host, "llama3.2:latest");

        sweeper.Sweep();
        Assert.Equal([$"ollama_requests_in_flight{{host=\"{host}\",model=\"llama3.2:latest\"}} 1"], await SeriesOfTheseHostsAsync(host));
        Assert.Equal(1, tracker.Host(host));

        lease.Dispose();
        sweeper.Sweep();
        Assert.Empty(await SeriesOfTheseHostsAsync(host));
        Assert.Equal(0, tracker.Host(host));
    }

    private static HostSnapshot Host(string name, params string[] models) => new(
        new HostRegistration(name, $"http://{name}:11434/", ImmutableSortedDictionary<string, string>.Empty, HostSource.Configuration),
        true, "0.32.15", null, null, [.. models.Select(m => Snapshot(m, Available()))], [], 0, null);

    private static async Task<List<string>> SeriesOfTheseHostsAsync(params string[] hosts)
    {
        hosts = hosts.Length == 0 ? [Kept, Removed] : hosts;
        using var stream = new MemoryStream();
        await Metrics.DefaultRegistry.CollectAndExportAsTextAsync(stream);
        return [.. Encoding.UTF8.GetString(stream.ToArray()).Split('\n')
            .Where(l => hosts.Any(h => l.Contains($"host=\"{h}\"", StringComparison.Ordinal)))
            .Order(StringComparer.Ordinal)];
    }

    private sealed class StubDirectory : IHostDirectory
    {
        public IReadOnlyList<HostSnapshot> Hosts { get; set; } = [];

        public IReadOnlyList<HostSnapshot> All => Hosts;

        public HostSnapshot? Find(string name) => Hosts.FirstOrDefault(h => h.Name == name);
    }
}
