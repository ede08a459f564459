namespace OllamaSimulator.Scheduling;

/// <summary>One <c>/api/ps</c> entry, read under the scheduler's lock.</summary>
internal sealed record RunnerSnapshot(SimulatedModel Model, long Size, long SizeVram, DateTimeOffset ExpiresAt, int ContextLength);
