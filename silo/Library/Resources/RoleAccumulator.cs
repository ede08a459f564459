using OllamaOrleans.Silo.Resources.Proc;

namespace OllamaOrleans.Silo.Resources;

/// <summary>
/// Turns the cumulative per-process figures of one role (server or runners) into counters that never
/// go backwards, whatever restarts: each process adds what it used since the previous sample. That is
/// the difference to its last reading when it was tracked then; for CPU, the difference to the
/// previous process table when it ran untracked (the server found late); everything when it started
/// since (a new runner, a restarted server). The first sample only sets the baseline. A process that
/// exits keeps what it added, and (PID, start time) keeps a reused PID from passing for the old process.
/// </summary>
public sealed class RoleAccumulator(double ticksPerSecond)
{
    private Dictionary<(int Pid, long Start), ProcessReading> last = [];

    public double CpuSecondsBusy { get; private set; }

    public double CpuSecondsIdle { get; private set; }

    public long StorageReadBytes { get; private set; }

    /// <summary>Whether an io file of this role was readable yet; until then the read counter means nothing.</summary>
    public bool StorageReadable { get; private set; }

    /// <param name="before">The process table of the previous sample; null at the first.</param>
    /// <returns>The role's CPU seconds in this interval.</returns>
    public double Observe(IReadOnlyList<ProcessReading> readings, IReadOnlyDictionary<int, ProcStat>? before, bool busy)
    {
        var current = new Dictionary<(int, long), ProcessReading>(readings.Count);
        var cpu = 0.0;
        long read = 0;
        foreach (var r in readings)
        {
            current[(r.Pid, r.StartTicks)] = r;
            StorageReadable |= r.StorageReadBytes is not null;
            if (last.TryGetValue((r.Pid, r.StartTicks), out var tracked))
            {
                cpu += Math.Max(0, r.CpuSeconds - tracked.CpuSeconds);
                read += r.StorageReadBytes is { } now && tracked.StorageReadBytes is { } then ? Math.Max(0, now - then) : 0;
            }
            else if (before is null)
            {
                // First sample: the baseline.
            }
            else if (before.TryGetValue(r.Pid, out var untracked) && untracked.StartTicks == r.StartTicks)
            {
                cpu += Math.Max(0, r.CpuSeconds - (untracked.CpuTicks / ticksPerSecond));
            }
            else
            {
                cpu += r.CpuSeconds;
                read += r.StorageReadBytes ?? 0;
            }
        }

        last = current;
        if (busy)
        {
            CpuSecondsBusy += cpu;
        }
        else
        {
            CpuSecondsIdle += cpu;
        }

        StorageReadBytes += read;
        return cpu;
    }
}
