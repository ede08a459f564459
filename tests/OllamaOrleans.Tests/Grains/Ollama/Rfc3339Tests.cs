using OllamaOrleans.Grains.Ollama;

namespace OllamaOrleans.Tests.Grains.Ollama;

public sealed class Rfc3339Tests
{
    [Fact]
    public void Parse_NineFractionDigitsAndNegativeOffset()
    {
        var value = Rfc3339.Parse("2026-08-01T09:12:44.706015396-07:00");
        Assert.Equal(new DateTimeOffset(2026, 8, 1, 16, 12, 44, TimeSpan.Zero).AddTicks(7060153), value);
    }

    [Theory]
    [InlineData("2026-07-30T18:02:11Z", 0L)]
    [InlineData("2026-07-30T18:02:11.5Z", 5_000_000L)]
    [InlineData("2026-07-30T20:02:11.5+02:00", 5_000_000L)]
    public void Parse_AnyFractionLengthAndOffset(string text, long extraTicks) =>
        Assert.Equal(new DateTimeOffset(2026, 7, 30, 18, 2, 11, TimeSpan.Zero).AddTicks(extraTicks), Rfc3339.Parse(text));

    [Fact]
    public void Parse_ForeverKeepAliveYear2318() =>
        Assert.Equal(2318, Rfc3339.Parse("2318-08-22T10:05:31.123456789-07:00")!.Value.Year);

    [Theory]
    [InlineData("0001-01-01T00:00:00Z")]
    [InlineData("")]
    [InlineData(null)]
    [InlineData("yesterday")]
    [InlineData("2026-13-01T00:00:00Z")]
    public void Parse_ZeroTimeOrGarbageIsNone(string? text) => Assert.Null(Rfc3339.Parse(text));
}
