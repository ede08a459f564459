using OllamaOrleans.GrainInterfaces.Statistics;

namespace OllamaOrleans.Silo.Metrics;

/// <summary>
/// Writes one histogram's _bucket (cumulative, le), _sum and _count lines. The label set is escaped and
/// encoded once per histogram and the <c>le</c> labels once per bounds list (<see cref="BucketBoundLabels"/>):
/// histograms are most of a fleet's lines.
/// </summary>
public static class HistogramSeries
{
    public static void Write(PrometheusTextWriter w, string name, IReadOnlyList<double> bounds, HistogramSnapshot histogram, params ReadOnlySpan<(string Key, string Value)> labels)
    {
        var encoded = PrometheusTextWriter.EncodeLabels(labels);
        var les = BucketBoundLabels.For(bounds);
        long cumulative = 0;
        for (var i = 0; i <= bounds.Count; i++)
        {
            cumulative += i < histogram.BucketCounts.Length ? histogram.BucketCounts[i] : 0;
            w.Sample(name, "_bucket").Labels(encoded).Labels(les[i]).Value(cumulative);
        }

        w.Sample(name, "_sum").Labels(encoded).Value(histogram.Sum);
        w.Sample(name, "_count").Labels(encoded).Value(histogram.Count);
    }
}
