namespace OllamaOrleans.Silo.Resources.Gpu;

/// <summary>
/// The NVML calls the collector makes, one method per C function, so the reading logic is tested
/// with a fake and the binding (<see cref="NvmlLibrary"/>) is checked against nvidia-smi on a GPU
/// machine (<c>tests/gpu/check.sh</c>).
/// </summary>
public interface INvml : IDisposable
{
    NvmlReturn Init();

    NvmlReturn DeviceCount(out uint count);

    NvmlReturn DeviceHandle(uint index, out nint device);

    NvmlReturn Uuid(nint device, out string uuid);

    NvmlReturn Name(nint device, out string name);

    NvmlReturn DriverVersion(out string version);

    NvmlReturn Utilization(nint device, out uint gpuPercent);

    /// <summary>Total and used bytes; used excludes driver-reserved memory where the driver tells them apart (memory info v2).</summary>
    NvmlReturn Memory(nint device, out ulong totalBytes, out ulong usedBytes);

    NvmlReturn Temperature(nint device, out uint celsius);

    NvmlReturn Power(nint device, out uint milliwatts);

    /// <summary>Energy since the driver was loaded, in millijoules.</summary>
    NvmlReturn Energy(nint device, out ulong millijoules);

    /// <summary>Processes with a compute context on the device; <c>ulong.MaxValue</c> memory means "not available".</summary>
    NvmlReturn ComputeProcesses(nint device, out (uint Pid, ulong UsedBytes)[] processes);

    string ErrorString(NvmlReturn result);
}
