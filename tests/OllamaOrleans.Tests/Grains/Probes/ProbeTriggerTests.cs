using OllamaOrleans.GrainInterfaces.Models;
using OllamaOrleans.Grains.Probes;

namespace OllamaOrleans.Tests.Grains.Probes;

public sealed class ProbeTriggerTests
{
    private const string NoUse = "no client used the model since the last probe";
    private const string TooLate = "the last client request is too long ago: a probe now would extend the model's keep-alive";
    private const string TooSoon = "the model was probed less than an interval ago";
    private static readonly DateTimeOffset T0 = new(2026, 11, 28, 12, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan Interval = TimeSpan.FromMinutes(5);

    private static LoadedModel Loaded(DateTimeOffset? expiresAt) => new(1_000, 1_000, 4096, expiresAt, "sha256:a");

    private static ProbeTrigger Seen(DateTimeOffset expiresAt)
    {
        var trigger = new ProbeTrigger();
        trigger.Observe(Loaded(expiresAt), 0, T0);
        return trigger;
    }

    [Fact]
    public void FirstSighting_IsABaselineNotAUse() =>
        Assert.Equal(NoUse, Seen(T0.AddMinutes(4)).WhyNot(T0, Interval));

    [Fact]
    public void SameExpiryPollAfterPoll_NeverProbes()
    {
        var trigger = Seen(T0.AddMinutes(4));
        for (var minute = 1; minute <= 10; minute++)
        {
            trigger.Observe(Loaded(T0.AddMinutes(4)), 0, T0.AddMinutes(minute));
            Assert.Equal(NoUse, trigger.TryStart(T0.AddMinutes(minute), Interval));
            Assert.Equal(NoUse, trigger.TryStart(T0.AddMinutes(minute), null));
        }
    }

    [Theory]
    [InlineData(1)]
    [InlineData(-1)]
    public void MovedExpiry_IsAUse(int minutes)
    {
        var trigger = Seen(T0.AddMinutes(4));

        trigger.Observe(Loaded(T0.AddMinutes(4 + minutes)), 0, T0.AddSeconds(30));

        Assert.Null(trigger.TryStart(T0.AddSeconds(30), Interval));
    }

    [Fact]
    public void LoadCountedByThePoll_IsAUse()
    {
        var trigger = new ProbeTrigger();

        trigger.Observe(Loaded(T0.AddMinutes(5)), 1, T0);

        Assert.Null(trigger.WhyNot(T0, Interval));
    }

    [Fact]
    public void Unloaded_ForgetsTheUse()
    {
        var trigger = new ProbeTrigger();
        trigger.Observe(Loaded(T0.AddMinutes(5)), 1, T0);

        trigger.Observe(null, 0, T0.AddSeconds(1));

        Assert.Equal(NoUse, trigger.WhyNot(T0.AddSeconds(1), Interval));
    }

    [Fact]
    public void UseOlderThanItsLifetime_IsNotProbed()
    {
        var trigger = new ProbeTrigger();
        trigger.Observe(Loaded(T0.AddMinutes(5)), 1, T0);

        Assert.Null(trigger.WhyNot(T0 + ProbeTrigger.UseLifetime, null));
        Assert.Equal(TooLate, trigger.WhyNot(T0 + ProbeTrigger.UseLifetime + TimeSpan.FromTicks(1), null));
    }

    [Fact]
    public void ProbeConsumesTheUse_AndItsOwnExpiryIsNoUse()
    {
        var trigger = new ProbeTrigger();
        trigger.Observe(Loaded(T0.AddMinutes(5)), 1, T0);
        Assert.Null(trigger.TryStart(T0.AddSeconds(1), Interval));
        Assert.Equal("a probe of this model is running", trigger.WhyNot(T0.AddSeconds(1), null));

        trigger.Finish(T0.AddSeconds(1), ran: true, T0.AddSeconds(2).AddMinutes(5));
        trigger.Observe(Loaded(T0.AddSeconds(2).AddMinutes(5)), 0, T0.AddSeconds(30));

        Assert.Equal(NoUse, trigger.WhyNot(T0.AddSeconds(30), null));
        Assert.Equal(T0.AddSeconds(1), trigger.ProbedAt);
    }

    [Fact]
    public void ExpiryMovedWhileProbing_IsNotAUse()
    {
        var trigger = new ProbeTrigger();
        trigger.Observe(Loaded(T0.AddMinutes(5)), 1, T0);
        Assert.Null(trigger.TryStart(T0, Interval));

        trigger.Observe(Loaded(T0.AddSeconds(1).AddMinutes(5)), 0, T0.AddSeconds(1));
        trigger.Finish(T0, ran: true, expiresAfter: null);
        trigger.Observe(Loaded(T0.AddSeconds(1).AddMinutes(5)), 0, T0.AddSeconds(30));

        Assert.Equal(NoUse, trigger.WhyNot(T0.AddSeconds(30), null));
    }

    [Fact]
    public void ProbeThatDidNotRun_LeavesTheUse()
    {
        var trigger = new ProbeTrigger();
        trigger.Observe(Loaded(T0.AddMinutes(5)), 1, T0);
        Assert.Null(trigger.TryStart(T0, Interval));

        trigger.Finish(T0, ran: false, null);

        Assert.Null(trigger.WhyNot(T0.AddSeconds(1), Interval));
        Assert.Null(trigger.ProbedAt);
    }

    [Fact]
    public void UseWithinAnIntervalOfTheLastProbe_WaitsForTheNextUse()
    {
        var trigger = new ProbeTrigger();
        trigger.Observe(Loaded(T0.AddMinutes(5)), 1, T0);
        Assert.Null(trigger.TryStart(T0, Interval));
        trigger.Finish(T0, ran: true, T0.AddMinutes(5));

        trigger.Observe(Loaded(T0.AddMinutes(6)), 0, T0.AddMinutes(1));
        Assert.Equal(TooSoon, trigger.WhyNot(T0.AddMinutes(1), Interval));
        Assert.Null(trigger.WhyNot(T0.AddMinutes(1), null));

        // No probe catches up at the interval's end: the use is stale by then.
        Assert.Equal(TooLate, trigger.WhyNot(T0 + Interval, Interval));
        trigger.Observe(Loaded(T0.AddMinutes(10)), 0, T0 + Interval);
        Assert.Null(trigger.WhyNot(T0 + Interval, Interval));
    }

    [Fact]
    public void GatewayRequest_IsAUse()
    {
        var trigger = Seen(T0.AddMinutes(4));

        trigger.ClientRequest(T0.AddSeconds(3));

        Assert.Null(trigger.WhyNot(T0.AddSeconds(5), Interval));
    }
}
