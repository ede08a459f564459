using OllamaOrleans.GrainInterfaces.Statistics;

namespace OllamaOrleans.Grains.Statistics;

/// <summary>A Prometheus-style histogram kept in grain state, so a restart continues it.</summary>
public sealed class CumulativeHistogram
{
    /// <summary>Per-bucket (not cumulative) counts; the last is +Inf.</summary>
    public long[] Counts { get; set; } = [];

    public double Sum { get; set; }

    public long Count { get; set; }

    public void Observe(double value, IReadOnlyList<double> bounds)
    {
        EnsureShape(bounds);
        var index = bounds.Count;
        for (var i = 0; i < bounds.Count; i++)
        {
            if (value <= bounds[i])
            {
                index = i;
                break;
            }
        }

        Counts[index]++;
        Sum += value;
        Count++;
    }

    public HistogramSnapshot ToSnapshot(IReadOnlyList<double> bounds)
    {
        EnsureShape(bounds);
        return new HistogramSnapshot([.. Counts], Sum, Count);
    }

    /// <summary>State from a version with other bounds keeps its total in +Inf, so the count stays right.</summary>
    private void EnsureShape(IReadOnlyList<double> bounds)
    {
        if (Counts.Length == bounds.Count + 1)
        {
            return;
        }

        var resized = new long[bounds.Count + 1];
        resized[^1] = Counts.Sum();
        Counts = resized;
    }
}
