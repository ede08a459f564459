using OllamaOrleans.GrainInterfaces.Hosts;
using OllamaOrleans.GrainInterfaces.Models;
using OllamaOrleans.GrainInterfaces.Statistics;
using OllamaOrleans.Protocol.Statistics;
using OllamaOrleans.Tests.Support;
using OllamaSimulator;

namespace OllamaOrleans.Tests.Grains.Probes;

/// <summary>Synthetic probes of model grains against the simulator, checked against the simulator's own state.</summary>
[Collection(MonitorClusterCollection.Name)]
public sealed class ProbeGrainTests(ClusterFixture fixture)
{
    private const string Llama = "llama3.2:latest";

    private async Task<(IOllamaHostGrain Host, string Name)> MonitorAsync(SimulatedOllama simulated, string name)
    {
        var host = fixture.Grains.GetGrain<IOllamaHostGrain>(name);
        await host.StartAsync(TestHosts.Registration(name, simulated.BaseUri));
        await host.PollNowAsync();
        return (host, name);
    }

    private IOllamaModelGrain Model(string host, string model = Llama) => fixture.Grains.GetGrain<IOllamaModelGrain>(ModelKey.For(host, model));

    /// <summary>Loads the model as a client would and polls: the poll sees the load, and the first probe follows on its own.</summary>
    private async Task<long> ClientLoadsAndFirstProbeAsync(SimulatedOllama simulated, IOllamaHostGrain host, string name)
    {
        await simulated.LoadAsync(Llama, TimeSpan.FromMinutes(10));
        await host.PollNowAsync();
        return await fixture.WaitForProbesAsync(name, Llama, 1);
    }

    /// <summary>Uses the model again as a client would and polls, so the moved expiry allows a probe asked for explicitly.</summary>
    private static async Task ClientUsesAgainAsync(SimulatedOllama simulated, IOllamaHostGrain host)
    {
        var before = simulated.GetModelState(Llama).ExpiresAt;
        do
        {
            await simulated.LoadAsync(Llama);
        }
        while (simulated.GetModelState(Llama).ExpiresAt == before);

        await host.PollNowAsync();
    }

    [Fact]
    public async Task LoadedOnly_ModelNotLoaded_IsNeverProbedOrLoaded()
    {
        var simulated = fixture.NextHost();
        var (_, name) = await MonitorAsync(simulated, TestHosts.UniqueName("probe"));

        var outcome = await Model(name).ProbeNowAsync();

        Assert.Equal(new ProbeOutcome(false, null, "no client used the model since the last probe"), outcome);
        Assert.Equal(0, simulated.Counters.Loads);
        Assert.Equal(0, simulated.Counters.RequestCount("POST /api/generate"));
    }

    [Fact]
    public async Task LoadedOnly_UnloadedAfterTheClientsUse_IsSkippedByThePsCheckAndNeverLoaded()
    {
        var simulated = fixture.NextHost();
        var (host, name) = await MonitorAsync(simulated, TestHosts.UniqueName("probe"));
        Assert.Equal(1, await ClientLoadsAndFirstProbeAsync(simulated, host, name));
        await ClientUsesAgainAsync(simulated, host);
        await simulated.UnloadAsync(Llama);

        var outcome = await Model(name).ProbeNowAsync();

        Assert.Equal(new ProbeOutcome(false, null, "the model is not loaded"), outcome);
        Assert.Equal(1, simulated.Counters.Loads);
        Assert.Equal(1, simulated.Counters.RequestCount("POST /api/generate"));
    }

    [Fact]
    public async Task LoadedOnly_ModelKeptForever_StaysForever()
    {
        var simulated = fixture.NextHost();
        var (host, name) = await MonitorAsync(simulated, TestHosts.UniqueName("probe"));
        using var http = new HttpClient();
        using var load = await http.PostAsync(new Uri(simulated.BaseUri, "api/generate"), new StringContent("""{"model":"llama3.2","prompt":"","keep_alive":-1}"""));
        load.EnsureSuccessStatusCode();
        await host.PollNowAsync();

        Assert.Equal(1, await fixture.WaitForProbesAsync(name, Llama, 1));

        var state = simulated.GetModelState(Llama);
        Assert.True(state.KeepAlive > TimeSpan.FromDays(365 * 100), $"keep-alive became {state.KeepAlive}");
        Assert.True(state.ExpiresAt!.Value.Year > 2300);
    }

    [Fact]
    public async Task Probe_RecordsReachTheHostSnapshotAndTheRollingStatistics()
    {
        var simulated = fixture.NextHost();
        var (host, name) = await MonitorAsync(simulated, TestHosts.UniqueName("probe"));
        Assert.Equal(1, await ClientLoadsAndFirstProbeAsync(simulated, host, name));
        await ClientUsesAgainAsync(simulated, host);

        Assert.Equal(new ProbeOutcome(true, "200", null), await Model(name).ProbeNowAsync());

        var published = await WaitForAsync(() => fixture.Registry.Snapshots.SingleOrDefault(s => s.Name == name)?.Models.Single(m => m.Name == Llama).Inference.SingleOrDefault()?.Requests.Sum(r => r.Count) == 2);
        Assert.True(published, "the host snapshot never showed the two probes");
        var statistics = await host.GetStatisticsAsync(StatisticsWindow.FiveMinutes, null);
        Assert.Equal(2, statistics.Total.Requests);
        Assert.Equal(2, statistics.Models.Single(m => m.Model == Llama).Summary.Requests);
        Assert.Equal(0, statistics.Models.Single(m => m.Model == "qwen2.5:7b").Summary.Requests);
        Assert.Equal(2, (await Model(name).GetWindowAsync(StatisticsWindow.OneDay, InferenceSources.Probe)).Requests);
        Assert.Equal(0, (await Model(name).GetWindowAsync(StatisticsWindow.OneDay, InferenceSources.Traffic)).Requests);
    }

    [Fact]
    public async Task Probe_CountersSurviveADeactivation()
    {
        var simulated = fixture.NextHost();
        var (host, name) = await MonitorAsync(simulated, TestHosts.UniqueName("probe"));
        Assert.Equal(1, await ClientLoadsAndFirstProbeAsync(simulated, host, name));

        await fixture.Cluster.DeactivateAsync(Model(name));

        var snapshot = await Model(name).GetSnapshotAsync();
        Assert.Equal(1, snapshot!.Inference.Single().Requests.Single().Count);
        Assert.Equal(1, (await Model(name).GetWindowAsync(StatisticsWindow.OneHour, null)).Requests);
    }

    [Fact]
    public async Task Probe_HostDown_IsNotGranted()
    {
        var simulated = fixture.NextHost();
        var (host, name) = await MonitorAsync(simulated, TestHosts.UniqueName("probe"));
        Assert.Equal(1, await ClientLoadsAndFirstProbeAsync(simulated, host, name));
        await ClientUsesAgainAsync(simulated, host);
        simulated.SetFault(FaultMode.Down);
        try
        {
            await host.PollNowAsync();

            var outcome = await Model(name).ProbeNowAsync();

            Assert.Equal(new ProbeOutcome(false, null, "the host is down, busy, or already probing"), outcome);
        }
        finally
        {
            simulated.SetFault(FaultMode.None);
        }
    }

    [Theory]
    [InlineData(FaultMode.Hang, "timeout")]
    [InlineData(FaultMode.Error, "500")]
    [InlineData(FaultMode.Malformed, "malformed")]
    [InlineData(FaultMode.Truncated, "truncated")]
    public async Task Always_FaultyHost_LandsInItsOutcomeClass(FaultMode fault, string status)
    {
        var simulated = fixture.NextHost();
        var name = $"always-{Array.IndexOf([FaultMode.Hang, FaultMode.Error, FaultMode.Malformed, FaultMode.Truncated], fault) + 1}";
        await MonitorAsync(simulated, name);
        simulated.SetFault(fault);
        try
        {
            var outcome = await Model(name).ProbeNowAsync();

            Assert.Equal(new ProbeOutcome(true, status, null), outcome);
            var snapshot = await Model(name).GetSnapshotAsync();
            Assert.Equal(new RequestCount("generate", "POST", status, 1), snapshot!.Inference.Single().Requests.Single());
            Assert.Equal(new ProbeStatus(false, snapshot.Probe!.At, status), snapshot.Probe);
        }
        finally
        {
            simulated.SetFault(FaultMode.None);
        }
    }

    [Fact]
    public async Task Always_ModelDeletedFromTheHost_Is404()
    {
        var simulated = fixture.NextHost();
        await MonitorAsync(simulated, "always-5");
        Assert.True(simulated.RemoveModel(Llama));

        var outcome = await Model("always-5").ProbeNowAsync();

        Assert.Equal(new ProbeOutcome(true, "404", null), outcome);
    }

    [Fact]
    public async Task Always_QueueFull_Is503()
    {
        await using var busy = await SimulatorHost.StartAsync(new SimulatorOptions { MaxQueue = 0, LoadTime = TimeSpan.FromMilliseconds(10) });
        await MonitorAsync(busy.Hosts[0], "always-6");

        var outcome = await Model("always-6").ProbeNowAsync();

        Assert.Equal(new ProbeOutcome(true, "503", null), outcome);
        Assert.Equal(0, busy.Hosts[0].Counters.Loads);
    }

    [Fact]
    public async Task Always_LoadsAModelThatWasNotLoaded()
    {
        var simulated = fixture.NextHost();
        await MonitorAsync(simulated, "always-7");

        var outcome = await Model("always-7").ProbeNowAsync();

        Assert.Equal(new ProbeOutcome(true, "200", null), outcome);
        Assert.Equal(1, simulated.Counters.Loads);
        Assert.True((await Model("always-7").GetSnapshotAsync())!.Inference.Single().LoadDuration.Sum > 0);
    }

    private static Task<bool> WaitForAsync(Func<bool> condition) =>
        Eventually.TrueWithinAsync(TimeSpan.FromSeconds(5), condition, TimeSpan.FromMilliseconds(50));
}
