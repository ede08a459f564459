using OllamaSimulator.Tests.Support;

namespace OllamaSimulator.Tests.Control;

public sealed class SimulatorHostTests
{
    [Fact]
    public async Task Hosts_AreInPortOrder_AndFoundByPort()
    {
        await using var sim = await TestSimulator.StartAsync(o => o.With(hosts: 4));

        Assert.Equal(sim.Hosts.Select(h => h.Port).Order(), sim.Hosts.Select(h => h.Port));
        Assert.Same(sim.Hosts[2], sim[sim.Hosts[2].Port]);
        Assert.Same(sim.Hosts[3], sim.Get(sim.Hosts[3].Port));
        Assert.Equal(new Uri($"http://127.0.0.1:{sim.Hosts[0].Port}/"), sim.Hosts[0].BaseUri);
        Assert.Throws<KeyNotFoundException>(() => sim.Get(1));
        Assert.False(sim.TryGet(1, out _));
    }

    [Fact]
    public async Task PortInUse_FailsToStart_NamingThePort()
    {
        await using var first = await TestSimulator.StartAsync();
        var taken = first.Hosts[0].Port;

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => SimulatorHost.StartAsync(new SimulatorOptions { BasePort = taken }));
        Assert.StartsWith($"cannot listen on 127.0.0.1:{taken}:", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task BadOptions_AreRejectedBeforeBinding()
    {
        var error = await Assert.ThrowsAsync<ArgumentException>(() => SimulatorHost.StartAsync(new SimulatorOptions { NumParallel = 0 }));
        Assert.Equal("NumParallel", error.ParamName);
        var badModel = await Assert.ThrowsAsync<ArgumentException>(() => SimulatorHost.StartAsync(new SimulatorOptions { Models = [new SimulatedModel { Name = "bad name" }] }));
        Assert.StartsWith("Models: invalid model name \"bad name\"", badModel.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Dispose_StopsEveryPort()
    {
        var sim = await TestSimulator.StartAsync(o => o.With(hosts: 2));
        var ports = sim.Hosts.Select(h => h.Port).Append(sim.ControlPort).ToList();
        await sim.DisposeAsync();

        using var client = new HttpClient();
        foreach (var port in ports)
        {
            await Assert.ThrowsAsync<HttpRequestException>(() => client.GetStringAsync($"http://127.0.0.1:{port}/"));
        }
    }
}
