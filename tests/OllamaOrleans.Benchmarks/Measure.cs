using System.Diagnostics;
using System.Globalization;

namespace OllamaOrleans.Benchmarks;

/// <summary>
/// A plain loop, timed: wall and CPU time of this process per operation, and bytes allocated per
/// operation on this thread. Warm-up first, then the median of a few rounds, so JIT and a noisy
/// neighbour on a shared machine weigh less.
/// </summary>
public static class Measure
{
    public static async Task RunAsync(string name, int iterations, Func<Task> operation)
    {
        for (var i = 0; i < Math.Max(3, iterations / 10); i++)
        {
            await operation();
        }

        var rounds = new List<(double Wall, double Cpu, double Bytes)>();
        for (var round = 0; round < 5; round++)
        {
            var cpu = Process.GetCurrentProcess().TotalProcessorTime;
            var bytes = GC.GetAllocatedBytesForCurrentThread();
            var started = Stopwatch.GetTimestamp();
            for (var i = 0; i < iterations; i++)
            {
                await operation();
            }

            var wall = Stopwatch.GetElapsedTime(started).TotalNanoseconds / iterations;
            var cpuNs = (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalNanoseconds / iterations;
            rounds.Add((wall, cpuNs, (GC.GetAllocatedBytesForCurrentThread() - bytes) / (double)iterations));
        }

        var median = rounds.OrderBy(r => r.Wall).ElementAt(rounds.Count / 2);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {name} | {iterations} | {median.Wall / 1000:0.0} µs | {median.Cpu / 1000:0.0} µs | {median.Bytes:0} B |"));
    }
}
