using OllamaOrleans.Silo.Web;

namespace OllamaOrleans.Tests.Silo.Web;

public sealed class PageFormatTests
{
    [Theory]
    [InlineData(0L, "0 B")]
    [InlineData(1023L, "1023 B")]
    [InlineData(1536L, "1.5 KiB")]
    [InlineData(5L << 20, "5.0 MiB")]
    [InlineData(4_294_967_296L, "4.0 GiB")]
    [InlineData(3L << 40, "3.0 TiB")]
    public void Bytes_InBinaryUnits(long bytes, string text) => Assert.Equal(text, PageFormat.Bytes(bytes));

    [Theory]
    [InlineData(0.4, "just now")]
    [InlineData(4, "4 s ago")]
    [InlineData(89, "89 s ago")]
    [InlineData(90, "1 min ago")]
    [InlineData(3600, "60 min ago")]
    [InlineData(5400, "1 h ago")]
    [InlineData(172_800, "2 d ago")]
    public void Ago_InTheLargestReadableUnit(double seconds, string text)
    {
        var now = new DateTimeOffset(2026, 12, 6, 3, 0, 0, TimeSpan.Zero);

        Assert.Equal(text, PageFormat.Ago(now.AddSeconds(-seconds), now));
    }

    [Theory]
    [InlineData(null, "–")]
    [InlineData(0.1234, "123 ms")]
    [InlineData(1.5, "1.50 s")]
    public void Seconds_MillisecondsBelowASecond(double? seconds, string text) => Assert.Equal(text, PageFormat.Seconds(seconds));

    [Fact]
    public void CountsAndRates_AreInvariant()
    {
        Assert.Equal("1,234,567", PageFormat.Count(1_234_567));
        Assert.Equal("12.3", PageFormat.Rate(12.34));
        Assert.Equal("–", PageFormat.Rate(null));
    }
}
