using OllamaSimulator.Json;

namespace OllamaSimulator.Tests.Json;

public sealed class GoTimeTests
{
    [Fact]
    public void Format_LocalOffset_TrimsTrailingZerosOfTheFraction()
    {
        var instant = new DateTimeOffset(2026, 8, 1, 9, 12, 44, TimeSpan.FromHours(-7)).AddTicks(7_060_150);
        Assert.Equal("2026-08-01T09:12:44.706015-07:00", GoTime.Format(instant));
    }

    [Fact]
    public void Format_ZeroOffset_WritesZ_AndNoFractionWhenWhole()
    {
        Assert.Equal("2026-08-22T16:52:19Z", GoTime.Format(new DateTimeOffset(2026, 8, 22, 16, 52, 19, TimeSpan.Zero)));
    }

    [Fact]
    public void FormatUtc_ConvertsToUtc()
    {
        var instant = new DateTimeOffset(2026, 8, 22, 9, 52, 19, TimeSpan.FromHours(-7)).AddTicks(3_854_060);
        Assert.Equal("2026-08-22T16:52:19.385406Z", GoTime.FormatUtc(instant));
    }

    [Fact]
    public void FormatLocal_UsesTheTimeProvidersZone()
    {
        var time = new Microsoft.Extensions.Time.Testing.FakeTimeProvider();
        time.SetLocalTimeZone(TimeZoneInfo.CreateCustomTimeZone("test-0530", TimeSpan.FromMinutes(330), "test", "test"));
        var instant = new DateTimeOffset(2026, 1, 2, 3, 4, 5, TimeSpan.Zero);
        Assert.Equal("2026-01-02T08:34:05+05:30", GoTime.FormatLocal(instant, time));
    }
}
