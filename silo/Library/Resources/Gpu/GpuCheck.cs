using System.Globalization;

namespace OllamaOrleans.Silo.Resources.Gpu;

/// <summary>
/// <c>OllamaOrleans.Silo --gpu-check [--nvml PATH] [--sys ROOT]</c>: reads the GPUs once through the
/// collector's own sources and prints them as CSV, so an operator can see what the silo sees. Also
/// the whole of <c>tests/gpu/GpuCheck</c>, which compiles these sources alone (no packages, so it
/// builds offline) for <c>tests/gpu/check.sh</c> to compare with nvidia-smi. Exit code 0 with GPUs, 3 without.
/// </summary>
public static class GpuCheck
{
    public const string Flag = "--gpu-check";
    public const int NoGpuExitCode = 3;

    public static bool Requested(string[] args) => args.Contains(Flag);

    public static int Run(string[] args, TextWriter output)
    {
        IGpuSource[] sources =
        [
            NvmlGpuSource.FromLibrary(Argument(args, "--nvml") ?? NvmlLibrary.DefaultPath),
            new AmdSysfsGpuSource(Argument(args, "--sys") ?? AmdSysfsGpuSource.DefaultRoot),
        ];
        var found = 0;
        foreach (var source in sources)
        {
            using (source)
            {
                if (!source.TryOpen(out var reason))
                {
                    output.WriteLine($"# {reason}");
                    continue;
                }

                var gpus = source.Read(found);
                found += gpus.Count;
                Print(output, gpus);
            }
        }

        return found > 0 ? 0 : NoGpuExitCode;
    }

    private static void Print(TextWriter output, IReadOnlyList<GpuReading> gpus)
    {
        output.WriteLine("gpu,index,vendor,uuid,name,driver,utilization_percent,memory_used_mib,memory_total_mib,temperature_c,power_w,energy_j,problem");
        foreach (var g in gpus)
        {
            output.WriteLine(string.Join(',', "gpu", N(g.Index), g.Vendor, g.Uuid, g.Name.Replace(',', ' '), g.DriverVersion, N(g.UtilizationPercent), Mib(g.MemoryUsedBytes), Mib(g.MemoryTotalBytes), N(g.TemperatureCelsius), N(g.PowerWatts), N(g.EnergyJoules), g.Problem?.Replace(',', ' ') ?? ""));
        }

        output.WriteLine("process,gpu_index,pid,used_memory_mib");
        foreach (var g in gpus.Where(g => !g.Processes.IsDefault))
        {
            foreach (var p in g.Processes)
            {
                output.WriteLine(string.Join(',', "process", N(g.Index), N(p.Pid), Mib(p.MemoryBytes)));
            }
        }
    }

    private static string? Argument(string[] args, string name)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
    }

    private static string N(double? value) => value?.ToString("0.###", CultureInfo.InvariantCulture) ?? "";

    private static string Mib(long? bytes) => bytes is { } b ? (b / 1048576.0).ToString("0.#", CultureInfo.InvariantCulture) : "";
}
