using System.Runtime.InteropServices;

namespace OllamaOrleans.Silo.Resources.Gpu;

public sealed unsafe partial class NvmlLibrary
{
    /// <summary>The entry points, bound once; optional ones are null when the driver predates them.</summary>
    private sealed class Exports
    {
        public delegate* unmanaged<int> Init;
        public delegate* unmanaged<int> Shutdown;
        public delegate* unmanaged<uint*, int> GetCount;
        public delegate* unmanaged<uint, nint*, int> GetHandle;
        public delegate* unmanaged<nint, byte*, uint, int> GetUuid;
        public delegate* unmanaged<nint, byte*, uint, int> GetName;
        public delegate* unmanaged<byte*, uint, int> GetDriverVersion;
        public delegate* unmanaged<nint, NvmlUtilization*, int> GetUtilization;
        public delegate* unmanaged<nint, NvmlMemoryV1*, int> GetMemory;
        public delegate* unmanaged<nint, NvmlMemoryV2*, int> GetMemoryV2;
        public delegate* unmanaged<nint, int, uint*, int> GetTemperature;
        public delegate* unmanaged<nint, uint*, int> GetPower;
        public delegate* unmanaged<nint, ulong*, int> GetEnergy;
        public delegate* unmanaged<nint, uint*, byte*, int> GetProcesses;
        public int ProcessInfoSize;
        public delegate* unmanaged<int, byte*> ErrorString;

        public static Exports Bind(nint lib)
        {
            var e = new Exports
            {
                Init = (delegate* unmanaged<int>)Required(lib, "nvmlInit_v2"),
                Shutdown = (delegate* unmanaged<int>)Required(lib, "nvmlShutdown"),
                GetCount = (delegate* unmanaged<uint*, int>)Required(lib, "nvmlDeviceGetCount_v2"),
                GetHandle = (delegate* unmanaged<uint, nint*, int>)Required(lib, "nvmlDeviceGetHandleByIndex_v2"),
                GetUuid = (delegate* unmanaged<nint, byte*, uint, int>)Required(lib, "nvmlDeviceGetUUID"),
                GetName = (delegate* unmanaged<nint, byte*, uint, int>)Required(lib, "nvmlDeviceGetName"),
                GetDriverVersion = (delegate* unmanaged<byte*, uint, int>)Required(lib, "nvmlSystemGetDriverVersion"),
                GetUtilization = (delegate* unmanaged<nint, NvmlUtilization*, int>)Required(lib, "nvmlDeviceGetUtilizationRates"),
                GetMemory = (delegate* unmanaged<nint, NvmlMemoryV1*, int>)Required(lib, "nvmlDeviceGetMemoryInfo"),
                GetMemoryV2 = (delegate* unmanaged<nint, NvmlMemoryV2*, int>)Optional(lib, "nvmlDeviceGetMemoryInfo_v2"),
                GetTemperature = (delegate* unmanaged<nint, int, uint*, int>)Required(lib, "nvmlDeviceGetTemperature"),
                GetPower = (delegate* unmanaged<nint, uint*, int>)Required(lib, "nvmlDeviceGetPowerUsage"),
                GetEnergy = (delegate* unmanaged<nint, ulong*, int>)Optional(lib, "nvmlDeviceGetTotalEnergyConsumption"),
                ErrorString = (delegate* unmanaged<int, byte*>)Required(lib, "nvmlErrorString"),
            };

            // _v3 and _v2 take nvmlProcessInfo_t (24 bytes: pid, usedGpuMemory, gpuInstanceId,
            // computeInstanceId); the original entry point takes nvmlProcessInfo_v1_t (16 bytes).
            var processes = Optional(lib, "nvmlDeviceGetComputeRunningProcesses_v3");
            processes = processes != 0 ? processes : Optional(lib, "nvmlDeviceGetComputeRunningProcesses_v2");
            e.ProcessInfoSize = processes != 0 ? 24 : 16;
            e.GetProcesses = (delegate* unmanaged<nint, uint*, byte*, int>)(processes != 0 ? processes : Required(lib, "nvmlDeviceGetComputeRunningProcesses"));
            return e;
        }

        private static nint Required(nint lib, string name) => NativeLibrary.GetExport(lib, name);

        private static nint Optional(nint lib, string name) => NativeLibrary.TryGetExport(lib, name, out var address) ? address : 0;
    }
}
