using OllamaOrleans.Protocol.Statistics;

namespace OllamaOrleans.Grains.Statistics;

/// <summary>
/// A mergeable latency sketch (see <see cref="SketchMath"/>): two sketches merge by adding bins, and
/// the state is a handful of (bin, count) pairs instead of an HdrHistogram's kilobytes, which matters
/// because one is kept per time bucket and model, and persisted.
/// </summary>
public sealed class LatencySketch
{
    public SortedDictionary<int, long> Bins { get; set; } = [];

    public long Count { get; set; }

    public void Add(double seconds, long count = 1)
    {
        if (count <= 0 || double.IsNaN(seconds))
        {
            return;
        }

        var bin = SketchMath.BinOf(seconds);
        Bins[bin] = Bins.GetValueOrDefault(bin) + count;
        Count += count;
    }

    public void Merge(LatencySketch other)
    {
        foreach (var (bin, count) in other.Bins)
        {
            Bins[bin] = Bins.GetValueOrDefault(bin) + count;
        }

        Count += other.Count;
    }

    public double? Quantile(double q) => SketchMath.Quantile(Bins, q);
}
