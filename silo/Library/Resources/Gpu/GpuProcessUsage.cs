namespace OllamaOrleans.Silo.Resources.Gpu;

/// <summary>A process with a compute context on a GPU and the GPU memory it holds (null when the driver does not say).</summary>
public readonly record struct GpuProcessUsage(int Pid, long? MemoryBytes);
