using OllamaOrleans.Grains.Hosts;

namespace OllamaOrleans.Tests.Grains.Hosts;

public sealed class ReportedTrafficTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 29, 8, 0, 0, TimeSpan.Zero);

    [Fact]
    public void ReportedBusy_IsBusyUntilItsExpiry_ThenIdle()
    {
        var traffic = new ReportedTraffic();

        traffic.Report("a:11434", busy: true, Now.AddMinutes(1));

        Assert.True(traffic.IsBusy("a:11434", Now.AddSeconds(59)));
        Assert.False(traffic.IsBusy("a:11434", Now.AddMinutes(1)));
        Assert.False(traffic.IsBusy("b:11434", Now));
    }

    [Fact]
    public void ReportedIdle_EndsBusyAtOnce()
    {
        var traffic = new ReportedTraffic();
        traffic.Report("a:11434", busy: true, Now.AddMinutes(1));

        traffic.Report("a:11434", busy: false, default);

        Assert.False(traffic.IsBusy("a:11434", Now));
    }
}
