namespace OllamaOrleans.Silo.Resources.Proc;

/// <summary>One process's figures at one sample; (PID, start time) tells a restarted process from the old one.</summary>
public readonly record struct ProcessReading(int Pid, long StartTicks, double CpuSeconds, long ResidentBytes, long? StorageReadBytes);
