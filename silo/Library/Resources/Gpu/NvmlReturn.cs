namespace OllamaOrleans.Silo.Resources.Gpu;

/// <summary>The <c>nvmlReturn_t</c> codes the collector tells apart (nvml.h).</summary>
public enum NvmlReturn
{
    Success = 0,
    Uninitialized = 1,
    InvalidArgument = 2,
    NotSupported = 3,
    NoPermission = 4,
    NotFound = 6,
    InsufficientSize = 7,
    DriverNotLoaded = 9,
    LibraryNotFound = 12,
    FunctionNotFound = 13,
    GpuIsLost = 15,
    Unknown = 999,
}
