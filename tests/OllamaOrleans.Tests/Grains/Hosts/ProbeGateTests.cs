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
    public void TrafficInFlight_KeepsProbesAway()
    {
        var gate = new ProbeGate { TrafficInFlight = 2 };

        Assert.False(gate.TryEnter("a", T0, Lease));
        gate.TrafficInFlight = 0;
        Assert.True(gate.TryEnter("a", T0, Lease));
    }
}
