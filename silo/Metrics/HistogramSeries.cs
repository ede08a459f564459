using OllamaOrleans.GrainInterfaces;

namespace OllamaOrleans.Silo.Metrics;

/// <summary>Writes one histogram's _bucket (cumulative, le), _sum and _count lines.</summary>
public static class HistogramSeries
{
    public static void Write(PrometheusTextWriter w, string name, IReadOnlyList<double> bounds, HistogramSnapshot histogram, params (string Key, string Value)[] labels)
    {
        long cumulative = 0;
        for (var i = 0; i <= bounds.Count; i++)
        {
            cumulative += i < histogram.BucketCounts.Length ? histogram.BucketCounts[i] : 0;
            Labels(w.Sample(name + "_bucket"), labels).Label("le", i < bounds.Count ? PrometheusTextWriter.Format(bounds[i]) : "+Inf").Value(cumulative);
        }

        Labels(w.Sample(name + "_sum"), labels).Value(histogram.Sum);
        Labels(w.Sample(name + "_count"), labels).Value(histogram.Count);
    }

    private static PrometheusTextWriter Labels(PrometheusTextWriter w, (string Key, string Value)[] labels)
    {
        foreach (var (key, value) in labels)
        {
            w.Label(key, value);
        }

        return w;
    }
}
