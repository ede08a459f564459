using OllamaOrleans.GrainInterfaces.Hosts;
using OllamaOrleans.GrainInterfaces.Statistics;
using OllamaOrleans.Grains.Hosts;
using OllamaOrleans.Tests.Support;
using OllamaSimulator;

namespace OllamaOrleans.Tests.Grains.Hosts;

/// <summary>
/// Ollama's <c>/api/ps</c> waits for the scheduler's lock (server/sched.go: a health check or a wait for
/// VRAM holds it for seconds) while the other endpoints answer: the poll classifies only that call.
/// </summary>
[Collection(MonitorClusterCollection.Name)]
public sealed class HostGrainPsTimeoutTests(ClusterFixture fixture)
{
    [Fact]
    public async Task PsBlockedPastThePollTimeout_IsATimeoutOfPsOnly_TheHostStaysUpWithItsModels()
    {
        // A simulator of its own: the fixture's hosts are counted out for the probe tests.
        await using var simulator = await SimulatorHost.StartAsync(new SimulatorOptions { LoadTime = TimeSpan.Zero });
        var simulated = simulator.Hosts[0];
        var name = TestHosts.UniqueName("slowps");
        var host = fixture.Grains.GetGrain<IOllamaHostGrain>(name);
        simulated.SetFault(FaultMode.SlowPs, TimeSpan.FromMinutes(10));
        await host.StartAsync(TestHosts.Registration(name, simulated.BaseUri));

        var snapshot = await host.PollNowAsync();

        var errors = snapshot.Endpoints.ToDictionary(e => e.Endpoint, e => e.ErrorsByReason);
        Assert.Equal(new Dictionary<string, long> { ["timeout"] = 1 }, errors[PollEndpoints.Ps]);
        Assert.Empty(errors[PollEndpoints.Version]);
        Assert.Empty(errors[PollEndpoints.Tags]);
        Assert.True(snapshot.Up);
        Assert.Equal(simulated.Models.Count, snapshot.ModelsAvailable);
        Assert.Equal(0, simulated.Counters.RequestCount("GET /api/ps", 200));
        await host.DecommissionAsync();
    }
}
