using Microsoft.Extensions.Time.Testing;
using OllamaOrleans.GrainInterfaces.Hosts;
using OllamaOrleans.GrainInterfaces.Models;
using OllamaOrleans.GrainInterfaces.Statistics;
using OllamaOrleans.Protocol.Statistics;
using OllamaOrleans.Tests.Support;
using OllamaSimulator;

namespace OllamaOrleans.Tests.Grains.Probes;

/// <summary>
/// LoadedOnly probes against a simulator on a fake clock, which keeps one keep_alive per runner as
/// Ollama's scheduler does: expiries are compared exactly with what they would be without the monitor.
/// </summary>
[Collection(MonitorClusterCollection.Name)]
public sealed class ProbeKeepAliveTests(ClusterFixture fixture)
{
    private const string Llama = "llama3.2:latest";
    private static readonly TimeSpan OwnersKeepAlive = TimeSpan.FromMinutes(10);

    private static async Task<SimulatorHost> StartSimulatorAsync(FakeTimeProvider time) =>
        await SimulatorHost.StartAsync(new SimulatorOptions
        {
            LoadTime = TimeSpan.Zero,
            TokensPerSecond = double.PositiveInfinity,
            TimeProvider = time,
        });

    // Starts at the real time: the probe compares the expiry /api/ps shows with the silo's clock.
    private static FakeTimeProvider Clock() => new(DateTimeOffset.UtcNow);

    private async Task<IOllamaHostGrain> MonitorAsync(SimulatedOllama simulated, string name)
    {
        var host = fixture.Grains.GetGrain<IOllamaHostGrain>(name);
        await host.StartAsync(TestHosts.Registration(name, simulated.BaseUri));
        await host.PollNowAsync();
        return host;
    }

    /// <summary>A client's /api/generate; keep_alive as JSON ("10m") or null to send none, as the ollama CLI.</summary>
    private static async Task ClientGenerateAsync(SimulatedOllama simulated, string? keepAlive)
    {
        using var http = new HttpClient();
        var field = keepAlive is null ? "" : $",\"keep_alive\":{keepAlive}";
        using var response = await http.PostAsync(new Uri(simulated.BaseUri, "api/generate"), new StringContent($$"""{"model":"llama3.2","prompt":"hi","stream":false{{field}}}"""));
        response.EnsureSuccessStatusCode();
    }

    private static void AssertArmed(SimulatedOllama simulated, DateTimeOffset expected)
    {
        var state = simulated.GetModelState(Llama);
        Assert.Equal(ModelState.Loaded, state.State);
        Assert.Equal(expected, state.ExpiresAt);
        Assert.Equal(OwnersKeepAlive, state.KeepAlive);
    }

    [Fact]
    public async Task LoadedOnly_ClientsSendingNoKeepAlive_KeepTheOwnersKeepAliveAfterEveryProbe()
    {
        var time = Clock();
        await using var simulator = await StartSimulatorAsync(time);
        var simulated = simulator.Hosts[0];
        var name = TestHosts.UniqueName("keepalive");
        var host = await MonitorAsync(simulated, name);
        await ClientGenerateAsync(simulated, "\"10m\"");
        AssertArmed(simulated, time.GetUtcNow() + OwnersKeepAlive);

        // The poll sees the load, and the probe follows on its own, re-arming what the client armed.
        await host.PollNowAsync();
        Assert.Equal(1, await fixture.WaitForProbesAsync(name, Llama, 1));
        AssertArmed(simulated, time.GetUtcNow() + OwnersKeepAlive);

        var model = fixture.Grains.GetGrain<IOllamaModelGrain>(ModelKey.For(name, Llama));
        for (var cycle = 0; cycle < 5; cycle++)
        {
            time.Advance(TimeSpan.FromMinutes(2));
            await ClientGenerateAsync(simulated, keepAlive: null);
            AssertArmed(simulated, time.GetUtcNow() + OwnersKeepAlive);
            await host.PollNowAsync();

            Assert.Equal(new ProbeOutcome(true, "200", null), await model.ProbeNowAsync());
            AssertArmed(simulated, time.GetUtcNow() + OwnersKeepAlive);
        }

        time.Advance(TimeSpan.FromMinutes(2));
        await ClientGenerateAsync(simulated, keepAlive: null);
        AssertArmed(simulated, time.GetUtcNow() + OwnersKeepAlive);
        Assert.Equal(6, await fixture.WaitForProbesAsync(name, Llama, 6));
        Assert.Equal(1, simulated.Counters.Loads);
    }

    [Fact]
    public async Task LoadedOnly_ModelNoClientUses_IsNotProbedAndUnloadsAtItsExpiry()
    {
        var time = Clock();
        await using var simulator = await StartSimulatorAsync(time);
        var simulated = simulator.Hosts[0];
        var name = TestHosts.UniqueName("keepalive");
        var host = await MonitorAsync(simulated, name);
        await ClientGenerateAsync(simulated, "\"10m\"");
        var expiry = time.GetUtcNow() + OwnersKeepAlive;
        await host.PollNowAsync();
        Assert.Equal(1, await fixture.WaitForProbesAsync(name, Llama, 1));

        var model = fixture.Grains.GetGrain<IOllamaModelGrain>(ModelKey.For(name, Llama));
        for (var minute = 1; minute < 10; minute++)
        {
            time.Advance(TimeSpan.FromMinutes(1));
            await host.PollNowAsync();

            Assert.Equal(new ProbeOutcome(false, null, "no client used the model since the last probe"), await model.ProbeNowAsync());
            AssertArmed(simulated, expiry);
        }

        time.Advance(expiry - time.GetUtcNow() - TimeSpan.FromTicks(1));
        Assert.Equal(ModelState.Loaded, simulated.GetModelState(Llama).State);
        time.Advance(TimeSpan.FromTicks(1));
        Assert.Equal(ModelState.Absent, simulated.GetModelState(Llama).State);
        Assert.Equal(2, simulated.Counters.RequestCount("POST /api/generate"));
        Assert.Equal(1, simulated.Counters.Unloads);
        await host.PollNowAsync();
        Assert.Null((await model.GetSnapshotAsync())!.Loaded);
    }

    [Fact]
    public async Task LoadedOnly_GatewayRequest_StartsAProbeWithoutAPoll()
    {
        var time = Clock();
        await using var simulator = await StartSimulatorAsync(time);
        var simulated = simulator.Hosts[0];
        var name = TestHosts.UniqueName("keepalive");
        await MonitorAsync(simulated, name);
        await ClientGenerateAsync(simulated, "\"10m\"");
        var model = fixture.Grains.GetGrain<IOllamaModelGrain>(ModelKey.For(name, Llama));

        await model.RecordAsync([new InferenceRecord(time.GetUtcNow(), InferenceSources.Traffic, "generate", "POST", "200", 0.1, 0.05, null, 3, 0.01, 1, 0.01)]);

        Assert.Equal(1, await fixture.WaitForProbesAsync(name, Llama, 1));
        AssertArmed(simulated, time.GetUtcNow() + OwnersKeepAlive);
        Assert.Equal(2, simulated.Counters.RequestCount("POST /api/generate"));
    }
}
