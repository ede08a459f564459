using System.Buffers;
using System.Text;
using OllamaOrleans.Silo.Metrics;

namespace OllamaOrleans.Tests.Silo.Metrics;

public sealed class PrometheusTextWriterTests
{
    private static string Render(Action<PrometheusTextWriter> write)
    {
        var buffer = new ArrayBufferWriter<byte>();
        write(new PrometheusTextWriter(buffer));
        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    [Fact]
    public void Label_EscapesBackslashQuoteAndNewline() =>
        Assert.Equal(
            "m{model=\"a\\\\b\\\"c\\nd\"} 1\n",
            Render(w => w.Sample("m").Label("model", "a\\b\"c\nd").Value(1L)));

    [Fact]
    public void Label_KeepsUnicodeAsUtf8() =>
        Assert.Equal("m{model=\"lläma🦙\"} 1\n", Render(w => w.Sample("m").Label("model", "lläma🦙").Value(1L)));

    [Fact]
    public void Family_EscapesHelpButNotQuotes() =>
        Assert.Equal("# HELP m a \"b\" \\\\ \\n\n# TYPE m gauge\n", Render(w => w.Family("m", "gauge", "a \"b\" \\ \n")));

    [Fact]
    public void Sample_WithoutLabels() => Assert.Equal("m 42\n", Render(w => w.Sample("m").Value(42L)));

    [Theory]
    [InlineData(double.PositiveInfinity, "+Inf")]
    [InlineData(double.NegativeInfinity, "-Inf")]
    [InlineData(double.NaN, "NaN")]
    [InlineData(0.25, "0.25")]
    [InlineData(1795868648.285, "1795868648.285")]
    [InlineData(1e-7, "1E-07")]
    public void Format_UsesPrometheusSpelling(double value, string expected) => Assert.Equal(expected, PrometheusTextWriter.Format(value));
}
