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

    [Fact]
    public void Value_WritesTheSameTextAsFormat()
    {
        var random = new Random(9);
        double[] values = [.. Enumerable.Range(0, 2000).Select(_ => (random.NextDouble() - 0.5) * Math.Pow(10, random.Next(-12, 20))), 0, -0.0, 1, 1e21, double.MaxValue, double.Epsilon, double.NaN, double.PositiveInfinity];
        foreach (var value in values)
        {
            Assert.Equal($"m {PrometheusTextWriter.Format(value)}\n", Render(w => w.Sample("m").Value(value)));
        }
    }

    [Theory]
    [InlineData(0L)]
    [InlineData(-42L)]
    [InlineData(long.MaxValue)]
    [InlineData(long.MinValue)]
    public void Value_WritesIntegersInvariant(long value) =>
        Assert.Equal($"m {value.ToString(System.Globalization.CultureInfo.InvariantCulture)}\n", Render(w => w.Sample("m").Value(value)));

    [Fact]
    public void EncodedLabels_EqualLabelsWrittenOneByOne()
    {
        (string, string)[] labels = [("host", "gpu\"1"), ("model", "a\\b\nc")];
        var encoded = PrometheusTextWriter.EncodeLabels(labels);
        Assert.Equal(
            Render(w => w.Sample("m_bucket").Label("host", "gpu\"1").Label("model", "a\\b\nc").Label("le", "+Inf").Value(3L)),
            Render(w => w.Sample("m", "_bucket").Labels(encoded).Labels("le=\"+Inf\""u8).Value(3L)));
        Assert.Equal("m 1\n", Render(w => w.Sample("m").Labels(PrometheusTextWriter.EncodeLabels([])).Value(1L)));
    }
}
