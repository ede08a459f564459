using System.Globalization;

namespace OllamaOrleans.Benchmarks.Gateway;

/// <summary>
/// Issue 16's targets for the gateway, judged against nginx measured in the same run: a small request's
/// added p50 at most nginx's + 0.1 ms and its added p99 at most twice nginx's; a stream's first byte
/// added p50 at most nginx's + 0.1 ms.
/// </summary>
public static class GatewayTargets
{
    private const double Margin = 0.1;

    public static IEnumerable<string> Lines(AddedLatency gateway, AddedLatency nginx)
    {
        yield return Line("small request, added p50", gateway.SmallP50, nginx.SmallP50, nginx.SmallP50 + Margin, "nginx + 0.10 ms");
        yield return Line("small request, added p99", gateway.SmallP99, nginx.SmallP99, 2 * Math.Max(0, nginx.SmallP99), "2 × nginx");
        yield return Line("stream first byte, added p50", gateway.FirstByteP50, nginx.FirstByteP50, nginx.FirstByteP50 + Margin, "nginx + 0.10 ms");
    }

    private static string Line(string row, double gateway, double nginx, double limit, string rule) => string.Create(
        CultureInfo.InvariantCulture,
        $"- {row}: gateway {gateway:+0.00;-0.00} ms, nginx {nginx:+0.00;-0.00} ms, gateway − nginx {gateway - nginx:+0.00;-0.00} ms; target ≤ {rule} = {limit:0.00} ms: {(gateway <= limit ? "target met" : "target missed")}");
}
