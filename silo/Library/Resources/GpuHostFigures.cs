namespace OllamaOrleans.Silo.Resources;

/// <summary>
/// A GPU as one host uses it: GPU-seconds of activity (utilisation times interval) while the host was
/// busy or idle, and the GPU memory its server and runner processes hold (null where the vendor's
/// interface does not say per process).
/// </summary>
public sealed record GpuHostFigures(int Index, double ActiveSecondsBusy, double ActiveSecondsIdle, long? ServerMemoryBytes, long? RunnerMemoryBytes);
