using System.Text.Json;

namespace OllamaOrleans.Benchmarks.Fleet;

/// <summary>
/// Polls as the simulator counted them: the <c>GET /api/version</c> requests of all its hosts (the
/// silo and the original exporter both ask it once per poll), read from its control port.
/// </summary>
public static class SimulatorPolls
{
    public static async Task<long> CountAsync(HttpClient http, string control)
    {
        using var document = JsonDocument.Parse(await http.GetStringAsync(new Uri(new Uri(control), "/_sim/hosts")));
        var total = 0L;
        foreach (var host in document.RootElement.GetProperty("hosts").EnumerateArray())
        {
            foreach (var request in host.GetProperty("counters").GetProperty("requests").EnumerateArray())
            {
                if (request.GetProperty("endpoint").GetString() == "GET /api/version")
                {
                    total += request.GetProperty("count").GetInt64();
                }
            }
        }

        return total;
    }

    /// <summary>Milliseconds of CPU per poll: <paramref name="cores"/> over <paramref name="seconds"/> shared by <paramref name="polls"/>.</summary>
    public static double CpuMsPerPoll(double cores, double seconds, long polls) => polls <= 0 ? double.NaN : cores * seconds * 1000 / polls;
}
