using System.Runtime.InteropServices;
using System.Text;

namespace OllamaOrleans.Silo.Resources.Gpu;

/// <summary>
/// NVML called directly: <c>libnvidia-ml.so.1</c> (installed with the NVIDIA driver) loaded at run
/// time through <see cref="NativeLibrary"/>, so a node without it simply has no NVIDIA GPU, and no
/// nvidia-smi process per sample. Struct layouts and versions follow nvml.h; where a newer entry
/// point exists (memory info v2, running processes v3) it is used, else the older one.
/// </summary>
public sealed unsafe partial class NvmlLibrary : INvml
{
    public const string DefaultPath = "libnvidia-ml.so.1";

    private const int NameBufferSize = 96;     // NVML_DEVICE_NAME_V2_BUFFER_SIZE, NVML_DEVICE_UUID_V2_BUFFER_SIZE
    private const int DriverBufferSize = 80;   // NVML_SYSTEM_DRIVER_VERSION_BUFFER_SIZE
    private const int TemperatureGpu = 0;      // NVML_TEMPERATURE_GPU

    private readonly nint library;
    private readonly Exports f;
    private bool initialized;

    private NvmlLibrary(nint library, Exports exports)
    {
        this.library = library;
        f = exports;
    }

    /// <summary>Loads NVML from <paramref name="path"/> (a file name searched like dlopen does, or a path); null with the reason when it cannot.</summary>
    public static NvmlLibrary? TryLoad(string path, out string reason)
    {
        if (!NativeLibrary.TryLoad(path, out var handle))
        {
            reason = $"{path} could not be loaded (no NVIDIA driver on this node)";
            return null;
        }

        try
        {
            reason = "";
            return new NvmlLibrary(handle, Exports.Bind(handle));
        }
        catch (EntryPointNotFoundException e)
        {
            NativeLibrary.Free(handle);
            reason = $"{path} lacks an NVML function this collector needs ({e.Message}); the driver is too old";
            return null;
        }
    }

    public NvmlReturn Init()
    {
        var result = (NvmlReturn)f.Init();
        initialized = result == NvmlReturn.Success;
        return result;
    }

    public NvmlReturn DeviceCount(out uint count)
    {
        uint value = 0;
        var result = f.GetCount(&value);
        count = value;
        return (NvmlReturn)result;
    }

    public NvmlReturn DeviceHandle(uint index, out nint device)
    {
        nint value = 0;
        var result = f.GetHandle(index, &value);
        device = value;
        return (NvmlReturn)result;
    }

    public NvmlReturn Uuid(nint device, out string uuid) => DeviceString(f.GetUuid, device, out uuid);

    public NvmlReturn Name(nint device, out string name) => DeviceString(f.GetName, device, out name);

    public NvmlReturn DriverVersion(out string version)
    {
        var buffer = stackalloc byte[DriverBufferSize];
        var result = (NvmlReturn)f.GetDriverVersion(buffer, DriverBufferSize);
        version = result == NvmlReturn.Success ? Decode(buffer, DriverBufferSize) : "";
        return result;
    }

    public NvmlReturn Utilization(nint device, out uint gpuPercent)
    {
        NvmlUtilization value;
        var result = f.GetUtilization(device, &value);
        gpuPercent = value.Gpu;
        return (NvmlReturn)result;
    }

    public NvmlReturn Memory(nint device, out ulong totalBytes, out ulong usedBytes)
    {
        if (f.GetMemoryV2 is not null)
        {
            var v2 = new NvmlMemoryV2 { Version = NvmlMemoryV2.StructVersion };
            var result = (NvmlReturn)f.GetMemoryV2(device, &v2);
            if (result != NvmlReturn.FunctionNotFound && result != NvmlReturn.NotSupported)
            {
                (totalBytes, usedBytes) = (v2.Total, v2.Used);
                return result;
            }
        }

        NvmlMemoryV1 v1;
        var fallback = (NvmlReturn)f.GetMemory(device, &v1);
        (totalBytes, usedBytes) = (v1.Total, v1.Used);
        return fallback;
    }

    public NvmlReturn Temperature(nint device, out uint celsius)
    {
        uint value = 0;
        var result = f.GetTemperature(device, TemperatureGpu, &value);
        celsius = value;
        return (NvmlReturn)result;
    }

    public NvmlReturn Power(nint device, out uint milliwatts)
    {
        uint value = 0;
        var result = f.GetPower(device, &value);
        milliwatts = value;
        return (NvmlReturn)result;
    }

    public NvmlReturn Energy(nint device, out ulong millijoules)
    {
        ulong value = 0;
        var result = f.GetEnergy is null ? (int)NvmlReturn.FunctionNotFound : f.GetEnergy(device, &value);
        millijoules = value;
        return (NvmlReturn)result;
    }

    public NvmlReturn ComputeProcesses(nint device, out (uint Pid, ulong UsedBytes)[] processes) =>
        NvmlProcessList.Read(f.GetProcesses, f.ProcessInfoSize, device, out processes);

    public string ErrorString(NvmlReturn result)
    {
        var text = f.ErrorString((int)result);
        return text is null ? result.ToString() : Marshal.PtrToStringUTF8((nint)text) ?? result.ToString();
    }

    public void Dispose()
    {
        if (initialized)
        {
            f.Shutdown();
            initialized = false;
        }

        NativeLibrary.Free(library);
    }

    private static NvmlReturn DeviceString(delegate* unmanaged<nint, byte*, uint, int> call, nint device, out string value)
    {
        var buffer = stackalloc byte[NameBufferSize];
        var result = (NvmlReturn)call(device, buffer, NameBufferSize);
        value = result == NvmlReturn.Success ? Decode(buffer, NameBufferSize) : "";
        return result;
    }

    private static string Decode(byte* buffer, int size)
    {
        var span = new ReadOnlySpan<byte>(buffer, size);
        var end = span.IndexOf((byte)0);
        return Encoding.UTF8.GetString(end < 0 ? span : span[..end]);
    }
}
