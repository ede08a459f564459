using System.Collections.Immutable;

namespace OllamaOrleans.Silo.Resources.Gpu;

/// <summary>
/// NVIDIA GPUs through NVML. Opened once (nvmlInit is slow); a figure a GPU does not support is left
/// out quietly, any other error becomes the reading's <see cref="GpuReading.Problem"/>.
/// </summary>
public sealed class NvmlGpuSource(Func<(INvml? Nvml, string Reason)> load) : IGpuSource
{
    private const ulong NotAvailable = ulong.MaxValue; // NVML_VALUE_NOT_AVAILABLE

    private INvml? nvml;
    private Device[] devices = [];
    private string driver = "";

    public static NvmlGpuSource FromLibrary(string path) => new(() => (NvmlLibrary.TryLoad(path, out var reason), reason));

    public bool TryOpen(out string reason)
    {
        var (library, why) = load();
        if (library is null)
        {
            reason = "NVIDIA: " + why;
            return false;
        }

        var init = library.Init();
        if (init != NvmlReturn.Success)
        {
            reason = $"NVIDIA: nvmlInit failed: {library.ErrorString(init)}";
            library.Dispose();
            return false;
        }

        var found = new List<Device>();
        if (library.DeviceCount(out var count) == NvmlReturn.Success)
        {
            for (uint i = 0; i < count; i++)
            {
                // A GPU this process may not use (another container's) refuses a handle: leave it out.
                if (library.DeviceHandle(i, out var handle) == NvmlReturn.Success)
                {
                    library.Uuid(handle, out var uuid);
                    library.Name(handle, out var name);
                    found.Add(new Device((int)i, handle, uuid, name));
                }
            }
        }

        if (found.Count == 0)
        {
            reason = "NVIDIA: NVML is installed but reports no usable GPU";
            library.Dispose();
            return false;
        }

        library.DriverVersion(out driver);
        (nvml, devices, reason) = (library, [.. found], "");
        return true;
    }

    public IReadOnlyList<GpuReading> Read(int firstIndex)
    {
        if (nvml is not { } n)
        {
            return [];
        }

        return [.. devices.Select(d => Read(n, d, firstIndex))];
    }

    public void Dispose()
    {
        nvml?.Dispose();
        nvml = null;
    }

    private GpuReading Read(INvml n, Device d, int firstIndex)
    {
        string? problem = null;
        bool Ok(NvmlReturn result, string call)
        {
            if (result == NvmlReturn.Success)
            {
                return true;
            }

            if (result is not (NvmlReturn.NotSupported or NvmlReturn.FunctionNotFound))
            {
                problem ??= $"{call}: {n.ErrorString(result)}";
            }

            return false;
        }

        var h = d.Handle;
        double? utilization = Ok(n.Utilization(h, out var percent), "utilization") ? percent : null;
        var memoryOk = Ok(n.Memory(h, out var total, out var used), "memory");
        double? temperature = Ok(n.Temperature(h, out var celsius), "temperature") ? celsius : null;
        double? power = Ok(n.Power(h, out var milliwatts), "power") ? milliwatts / 1000.0 : null;
        double? energy = Ok(n.Energy(h, out var millijoules), "energy") ? millijoules / 1000.0 : null;
        var processes = Ok(n.ComputeProcesses(h, out var list), "processes")
            ? list.Select(p => new GpuProcessUsage((int)p.Pid, p.UsedBytes == NotAvailable ? null : (long)p.UsedBytes)).ToImmutableArray()
            : default;
        return new GpuReading(
            firstIndex + d.Index,
            "nvidia",
            d.Uuid,
            d.Name,
            driver,
            utilization,
            memoryOk ? (long)used : null,
            memoryOk ? (long)total : null,
            temperature,
            power,
            energy,
            processes,
            problem);
    }

    private sealed record Device(int Index, nint Handle, string Uuid, string Name);
}
