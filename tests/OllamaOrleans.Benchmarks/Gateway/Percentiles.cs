namespace OllamaOrleans.Benchmarks.Gateway;

public static class Percentiles
{
    public static double Of(IReadOnlyList<double> values, double q)
    {
        var sorted = values.Order().ToList();
        var rank = Math.Clamp((int)Math.Ceiling(q * sorted.Count) - 1, 0, sorted.Count - 1);
        return sorted[rank];
    }
}
