using System.Text.Json;
using OllamaSimulator.Json;

namespace OllamaSimulator.Tests.Json;

public sealed class GoDurationTests
{
    [Theory]
    [InlineData("10m", 600_000_000_000L)]
    [InlineData("1h30m", 5_400_000_000_000L)]
    [InlineData("1.5h", 5_400_000_000_000L)]
    [InlineData("300ms", 300_000_000L)]
    [InlineData("2us", 2_000L)]
    [InlineData("2µs", 2_000L)]
    [InlineData("-1m", -60_000_000_000L)]
    [InlineData("+5s", 5_000_000_000L)]
    [InlineData("0", 0L)]
    [InlineData(".5s", 500_000_000L)]
    public void TryParse_GoDuration_ReturnsNanoseconds(string text, long expected)
    {
        Assert.True(GoDuration.TryParse(text, out var ns, out var error), error);
        Assert.Equal(expected, ns);
    }

    [Theory]
    [InlineData("300", "time: missing unit in duration \"300\"")]
    [InlineData("abc", "time: invalid duration \"abc\"")]
    [InlineData("", "time: invalid duration \"\"")]
    [InlineData("1x", "time: unknown unit \"x\" in duration \"1x\"")]
    [InlineData("5m3", "time: missing unit in duration \"5m3\"")]
    [InlineData(".s", "time: invalid duration \".s\"")]
    [InlineData("9999999999999999999h", "time: invalid duration \"9999999999999999999h\"")]
    public void TryParse_Invalid_ReturnsGoError(string text, string expected)
    {
        Assert.False(GoDuration.TryParse(text, out _, out var error));
        Assert.Equal(expected, error);
    }

    [Theory]
    [InlineData("300", 300)]
    [InlineData("1.5", 1.5)]
    [InlineData("0", 0)]
    [InlineData("\"5m\"", 300)]
    [InlineData("\"0\"", 0)]
    public void ReadKeepAlive_NumbersAreSecondsAndStringsDurations(string json, double seconds)
    {
        var value = GoDuration.ReadKeepAlive(JsonDocument.Parse(json).RootElement, out var error);
        Assert.Null(error);
        Assert.Equal(TimeSpan.FromSeconds(seconds), value);
    }

    [Theory]
    [InlineData("-1")]
    [InlineData("-0.5")]
    [InlineData("\"-1m\"")]
    public void ReadKeepAlive_Negative_IsForeverAsMaxInt64Nanoseconds(string json)
    {
        var value = GoDuration.ReadKeepAlive(JsonDocument.Parse(json).RootElement, out var error);
        Assert.Null(error);
        Assert.Equal(GoDuration.Forever, value);
        Assert.Equal(long.MaxValue / 100, GoDuration.Forever.Ticks);
    }

    [Theory]
    [InlineData("true", "Unsupported type: 'bool'")]
    [InlineData("[1]", "Unsupported type: '[]interface {}'")]
    [InlineData("{}", "Unsupported type: 'map[string]interface {}'")]
    [InlineData("\"300\"", "time: missing unit in duration \"300\"")]
    public void ReadKeepAlive_BadValue_ReturnsOllamaError(string json, string expected)
    {
        Assert.Null(GoDuration.ReadKeepAlive(JsonDocument.Parse(json).RootElement, out var error));
        Assert.Equal(expected, error);
    }

    [Fact]
    public void ReadKeepAlive_Null_MeansNotSpecified()
    {
        Assert.Null(GoDuration.ReadKeepAlive(JsonDocument.Parse("null").RootElement, out var error));
        Assert.Null(error);
    }

    [Theory]
    [InlineData(300, "5m0s")]
    [InlineData(5400, "1h30m0s")]
    [InlineData(0.5, "0.5s")]
    [InlineData(0, "0s")]
    public void Format_WritesGoStyle(double seconds, string expected) =>
        Assert.Equal(expected, GoDuration.Format(TimeSpan.FromSeconds(seconds)));
}
