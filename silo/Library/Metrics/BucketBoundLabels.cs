using System.Runtime.CompilerServices;
using System.Text;

namespace OllamaOrleans.Silo.Metrics;

/// <summary>
/// The <c>le</c> label of each bucket of a histogram's bounds (<c>le="0.25"</c>, ..., <c>le="+Inf"</c>) as
/// UTF-8, rendered once per bounds list: the lists are static, so a scrape formats no bound.
/// </summary>
public static class BucketBoundLabels
{
    private static readonly ConditionalWeakTable<IReadOnlyList<double>, byte[][]> Cache = [];

    public static byte[][] For(IReadOnlyList<double> bounds) => Cache.GetValue(bounds, Render);

    private static byte[][] Render(IReadOnlyList<double> bounds) =>
        [.. bounds.Select(PrometheusTextWriter.Format).Append("+Inf").Select(le => Encoding.UTF8.GetBytes($"le=\"{le}\""))];
}
