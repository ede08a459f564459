using OllamaOrleans.Silo.Resources.Gpu;

namespace OllamaOrleans.Tests.Support;

/// <summary>An NVML with settable devices and per-call results, for the reading logic without a GPU.</summary>
public sealed class FakeNvml : INvml
{
    public NvmlReturn InitResult { get; set; } = NvmlReturn.Success;

    public List<Device> Devices { get; } = [];

    public Dictionary<string, NvmlReturn> Failures { get; } = new(StringComparer.Ordinal);

    public bool Disposed { get; private set; }

    public NvmlReturn Init() => InitResult;

    public NvmlReturn DeviceCount(out uint count)
    {
        count = (uint)Devices.Count;
        return NvmlReturn.Success;
    }

    public NvmlReturn DeviceHandle(uint index, out nint device)
    {
        device = (nint)(index + 1);
        return Devices[(int)index].HandleResult;
    }

    public NvmlReturn Uuid(nint device, out string uuid) => Get(device, "uuid", d => d.Uuid, out uuid);

    public NvmlReturn Name(nint device, out string name) => Get(device, "name", d => d.Name, out name);

    public NvmlReturn DriverVersion(out string version)
    {
        version = "570.86.15";
        return NvmlReturn.Success;
    }

    public NvmlReturn Utilization(nint device, out uint gpuPercent) => Get(device, "utilization", d => d.Utilization, out gpuPercent);

    public NvmlReturn Memory(nint device, out ulong totalBytes, out ulong usedBytes)
    {
        var result = Get(device, "memory", d => (d.Total, d.Used), out var memory);
        (totalBytes, usedBytes) = memory;
        return result;
    }

    public NvmlReturn Temperature(nint device, out uint celsius) => Get(device, "temperature", d => d.Celsius, out celsius);

    public NvmlReturn Power(nint device, out uint milliwatts) => Get(device, "power", d => d.Milliwatts, out milliwatts);

    public NvmlReturn Energy(nint device, out ulong millijoules) => Get(device, "energy", d => d.Millijoules, out millijoules);

    public NvmlReturn ComputeProcesses(nint device, out (uint Pid, ulong UsedBytes)[] processes) => Get(device, "processes", d => d.Processes, out processes);

    public string ErrorString(NvmlReturn result) => result switch
    {
        NvmlReturn.GpuIsLost => "GPU is lost",
        NvmlReturn.NoPermission => "Insufficient Permissions",
        var other => other.ToString(),
    };

    public void Dispose() => Disposed = true;

    private NvmlReturn Get<T>(nint device, string call, Func<Device, T> value, out T result)
    {
        var d = Devices[(int)device - 1];
        result = value(d);
        return Failures.TryGetValue($"{d.Uuid}/{call}", out var failure) ? failure : NvmlReturn.Success;
    }

    public sealed record Device(string Uuid, string Name, uint Utilization, ulong Total, ulong Used, uint Celsius, uint Milliwatts, ulong Millijoules, (uint Pid, ulong UsedBytes)[] Processes)
    {
        public NvmlReturn HandleResult { get; init; } = NvmlReturn.Success;
    }
}
