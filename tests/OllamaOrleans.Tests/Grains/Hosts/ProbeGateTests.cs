using OllamaOrleans.Grains.Hosts;

namespace OllamaOrleans.Tests.Grains.Hosts;

public sealed class ProbeGateTests
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 28, 12, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan Lease = TimeSpan.FromSeconds(70);

    [Fact]
    public void OneProbeAtATime_UntilExitOrLeaseExpiry()
    {
        var gate = new ProbeGate();

        Assert.True(gate.TryEnter("a", T0, Lease));
        Assert.False(gate.TryEnter("b", T0.AddSeconds(1), Lease));
        gate.Exit("b");
        Assert.False(gate.TryEnter("b", T0.AddSeconds(2), Lease));
        gate.Exit("a");
        Assert.True(gate.TryEnter("b", T0.AddSeconds(3), Lease));
        Assert.True(gate.TryEnter("c", T0.AddSeconds(74), Lease));
    }

    [Fact]
    public void TrafficInFlight_KeepsProbesAway_UntilEveryGatewayReportsZero()
    {
        var gate = new ProbeGate();
        gate.ReportTraffic("gw1", 2, T0);
        gate.ReportTraffic("gw2", 1, T0);

        Assert.False(gate.TryEnter("a", T0, Lease));
        gate.ReportTraffic("gw1", 0, T0);
        Assert.Equal(1, gate.TrafficInFlight(T0));
        Assert.False(gate.TryEnter("a", T0, Lease));
        gate.ReportTraffic("gw2", 0, T0);
        Assert.True(gate.TryEnter("a", T0, Lease));
    }

    [Fact]
    public void TrafficReport_OfADeadGateway_ExpiresAfterAMinute()
    {
        var gate = new ProbeGate();
        gate.ReportTraffic("gw1", 3, T0);

        Assert.False(gate.TryEnter("a", T0.AddSeconds(59), Lease));
        Assert.True(gate.TryEnter("a", T0.AddSeconds(61), Lease));
    }
}
