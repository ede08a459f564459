using Microsoft.Extensions.Time.Testing;

namespace OllamaSimulator.Tests.Support;

/// <summary>A fake clock at a fixed instant in a fixed -07:00 zone, as Ollama's own docs show times.</summary>
internal static class FakeClock
{
    public static readonly DateTimeOffset Start = new(2026, 8, 22, 10, 0, 31, 123, TimeSpan.Zero);

    public static FakeTimeProvider Create()
    {
        var time = new FakeTimeProvider(Start);
        time.SetLocalTimeZone(TimeZoneInfo.CreateCustomTimeZone("test-0700", TimeSpan.FromHours(-7), "test", "test"));
        return time;
    }

    /// <summary>Fast settings driven by <paramref name="time"/>: instant loads, unpaced tokens.</summary>
    public static Task<SimulatorHost> StartAsync(FakeTimeProvider time, Func<SimulatorOptions, SimulatorOptions>? configure = null) =>
        TestSimulator.StartAsync(o =>
        {
            var faked = o.With(time: time, tokensPerSecond: double.PositiveInfinity);
            return configure?.Invoke(faked) ?? faked;
        });
}
