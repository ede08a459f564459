namespace OllamaOrleans.Silo.Resources;

/// <summary>
/// One role's figures at a sample: CPU (percent of one core over the last interval; null at the
/// first sample), CPU seconds split by busy/idle, resident memory, and bytes read from storage
/// (null until an io file of the role was readable).
/// </summary>
public sealed record RoleFigures(int Processes, double? CpuPercent, double CpuSecondsBusy, double CpuSecondsIdle, long MemoryBytes, long? StorageReadBytes);
