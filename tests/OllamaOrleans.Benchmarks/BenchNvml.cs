using OllamaOrleans.Silo.Resources.Gpu;

namespace OllamaOrleans.Benchmarks;

/// <summary>
/// An NVML answering at once for a number of GPUs, each with two processes: measures the collector's
/// own work per GPU. The driver's time is not in it (there is no GPU on the benchmark machine).
/// </summary>
public sealed class BenchNvml(int gpus, int runnerPid) : INvml
{
    public NvmlReturn Init() => NvmlReturn.Success;

    public NvmlReturn DeviceCount(out uint count)
    {
        count = (uint)gpus;
        return NvmlReturn.Success;
    }

    public NvmlReturn DeviceHandle(uint index, out nint device)
    {
        device = (nint)(index + 1);
        return NvmlReturn.Success;
    }

    public NvmlReturn Uuid(nint device, out string uuid)
    {
        uuid = $"GPU-00000000-0000-0000-0000-00000000000{device}";
        return NvmlReturn.Success;
    }

    public NvmlReturn Name(nint device, out string name)
    {
        name = "NVIDIA H200";
        return NvmlReturn.Success;
    }

    public NvmlReturn DriverVersion(out string version)
    {
        version = "570.86.15";
        return NvmlReturn.Success;
    }

    public NvmlReturn Utilization(nint device, out uint gpuPercent)
    {
        gpuPercent = 87;
        return NvmlReturn.Success;
    }

    public NvmlReturn Memory(nint device, out ulong totalBytes, out ulong usedBytes)
    {
        (totalBytes, usedBytes) = (141UL << 30, 40UL << 30);
        return NvmlReturn.Success;
    }

    public NvmlReturn Temperature(nint device, out uint celsius)
    {
        celsius = 61;
        return NvmlReturn.Success;
    }

    public NvmlReturn Power(nint device, out uint milliwatts)
    {
        milliwatts = 412_000;
        return NvmlReturn.Success;
    }

    public NvmlReturn Energy(nint device, out ulong millijoules)
    {
        millijoules = 98_765_432;
        return NvmlReturn.Success;
    }

    public NvmlReturn ComputeProcesses(nint device, out (uint Pid, ulong UsedBytes)[] processes)
    {
        processes = [((uint)runnerPid, 38UL << 30), (999_999, 1UL << 30)];
        return NvmlReturn.Success;
    }

    public string ErrorString(NvmlReturn result) => result.ToString();

    public void Dispose()
    {
    }
}
