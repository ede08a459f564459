namespace OllamaOrleans.Protocol.Statistics;

/// <summary>
/// The bins of the latency sketch (the DDSketch idea): logarithmic bins of 2 % relative width, so a
/// quantile read from merged bins is within 2 % of the true value.
/// </summary>
public static class SketchMath
{
    public const double RelativeAccuracy = 0.02;

    /// <summary>Values at or below this (1 µs) share one bin.</summary>
    public const int ZeroBin = int.MinValue;

    private const double MinValue = 1e-6;
    private static readonly double Gamma = (1 + RelativeAccuracy) / (1 - RelativeAccuracy);
    private static readonly double LogGamma = Math.Log(Gamma);

    public static int BinOf(double seconds) =>
        seconds <= MinValue ? ZeroBin : (int)Math.Ceiling(Math.Log(seconds) / LogGamma);

    /// <summary>The representative value of a bin: within 2 % of every value in it.</summary>
    public static double ValueOf(int bin) => bin == ZeroBin ? 0 : 2 * Math.Pow(Gamma, bin) / (Gamma + 1);

    /// <summary>The value at quantile <paramref name="q"/> (0..1) of sorted bins, or null when empty.</summary>
    public static double? Quantile(IEnumerable<KeyValuePair<int, long>> sortedBins, double q)
    {
        var bins = sortedBins.ToList();
        var count = bins.Sum(b => b.Value);
        if (count == 0)
        {
            return null;
        }

        var rank = Math.Max(1, (long)Math.Ceiling(Math.Clamp(q, 0, 1) * count));
        long seen = 0;
        foreach (var (bin, n) in bins)
        {
            seen += n;
            if (seen >= rank)
            {
                return ValueOf(bin);
            }
        }

        return ValueOf(bins[^1].Key);
    }
}
