using System.Collections.Immutable;
using System.Net;
using OllamaOrleans.Grains.Placement;
using OllamaOrleans.Silo.Resources.Gpu;
using OllamaOrleans.Silo.Resources.Proc;

namespace OllamaOrleans.Silo.Resources;

/// <summary>
/// One local host's processes across samples: finds the server (listening port, PID file or cgroup),
/// follows it by (PID, start time) and finds it again when Ollama restarts, takes its descendants as
/// the runners, and accumulates per-role counters and GPU activity.
/// </summary>
public sealed partial class HostProcessTracker(string host, Uri url, ProcessSourceOptions? source, ProcFs proc, string cgroupRoot, TimeSpan relocateInterval, ILogger logger)
{
    /// <summary>The longest wait between two searches for a server whose listening socket no visible process holds.</summary>
    private static readonly TimeSpan SearchBackoffCap = TimeSpan.FromMinutes(5);

    private readonly ServerLocator locator = new(proc);
    private readonly ServerSearchSchedule search = new(relocateInterval, relocateInterval > SearchBackoffCap ? relocateInterval : SearchBackoffCap);
    private readonly RoleAccumulator server = new(ClockTicks.PerSecond);
    private readonly RoleAccumulator runners = new(ClockTicks.PerSecond);
    private readonly ActivityClock clock = new();
    private readonly GpuActivity gpuActivity = new();
    private IReadOnlyDictionary<int, ProcStat>? before;
    private (int Pid, long Start)? serverProcess;
    private DateTimeOffset nextLocateAt = DateTimeOffset.MinValue;
    private bool missingReported;

    public string Host => host;

    public Uri Url => url;

    public DateTimeOffset? LastSampleAt { get; private set; }

    /// <summary>Samples taken; the first only sets the baseline, so the second should follow soon.</summary>
    public int Samples { get; private set; }

    /// <summary>Whether the host was busy at the last sample: the sample after a burst closes it at the busy cadence.</summary>
    public bool LastBusy { get; private set; }

    /// <param name="listening">This cycle's listening sockets (read once per cycle, and only when a tracker asks).</param>
    public HostResources Sample(IReadOnlyDictionary<int, ProcStat> table, Func<IReadOnlyList<ListeningSocket>> listening, DateTimeOffset now, bool busy, GpuNodeReading gpus, IReadOnlyList<IPAddress> urlAddresses)
    {
        var (seconds, busyInterval) = clock.Advance(now, busy);
        var (serverPids, runnerPids) = Processes(table, listening, now, urlAddresses);
        var serverReadings = Read(serverPids, table);
        var runnerReadings = Read(runnerPids, table);
        var serverCpu = server.Observe(serverReadings, before, busyInterval);
        var runnerCpu = runners.Observe(runnerReadings, before, busyInterval);
        var toPercent = seconds > 0 ? 100.0 / seconds : (double?)null;
        before = table;
        LastSampleAt = now;
        Samples++;
        LastBusy = busy;

        var gpuFigures = gpus.Gpus.Select(g =>
        {
            var (b, i) = gpuActivity.Advance(g, seconds, busyInterval);
            return new GpuHostFigures(g.Index, b, i, Held(g, serverPids), Held(g, runnerPids));
        }).ToImmutableArray();
        return new HostResources(
            host,
            now,
            serverPids.Count > 0 ? serverPids[0] : null,
            [.. runnerPids],
            Figures(server, serverReadings, serverCpu * toPercent),
            Figures(runners, runnerReadings, runnerCpu * toPercent),
            clock.BusySeconds,
            clock.IdleSeconds,
            gpus,
            gpuFigures);
    }

    private (IReadOnlyList<int> Server, IReadOnlyList<int> Runners) Processes(IReadOnlyDictionary<int, ProcStat> table, Func<IReadOnlyList<ListeningSocket>> listening, DateTimeOffset now, IReadOnlyList<IPAddress> urlAddresses)
    {
        if (source?.Cgroup is { } cgroup)
        {
            var members = (ProcFs.ReadPidList(CgroupProcs(cgroup)) ?? []).Where(table.ContainsKey).ToList();
            var roots = ProcessTree.Roots(members, table);
            Found(roots.Count > 0 ? roots[0] : null, table, $"cgroup {cgroup}");
            return (roots, [.. members.Except(roots).Order()]);
        }

        if (serverProcess is { } known && !(table.TryGetValue(known.Pid, out var stat) && stat.StartTicks == known.Start))
        {
            LogServerGone(logger, host, known.Pid);
            serverProcess = null;
            nextLocateAt = now;
            search.Reset();
        }

        if (serverProcess is null && source?.PidFile is { } pidFile && now >= nextLocateAt)
        {
            nextLocateAt = now + relocateInterval;
            Found(ServerLocator.ByPidFile(pidFile), table, $"PID file {pidFile}");
        }
        else if (serverProcess is null && source?.PidFile is null)
        {
            Search(table, listening(), now, urlAddresses);
        }

        return serverProcess is { } s ? ([s.Pid], ProcessTree.Descendants(s.Pid, table)) : ([], []);
    }

    /// <summary>
    /// By the listening port: nothing listening means no server (no process is looked at); a socket
    /// that appeared or changed is searched for at once, the same socket again only after a back-off.
    /// </summary>
    private void Search(IReadOnlyDictionary<int, ProcStat> table, IReadOnlyList<ListeningSocket> listening, DateTimeOffset now, IReadOnlyList<IPAddress> urlAddresses)
    {
        var how = $"listening port {url.Port}";
        var inodes = ServerLocator.ListeningInodes(listening, url.Port, NodeIdentity.IsLoopback(url.DnsSafeHost), urlAddresses);
        if (search.Due(inodes, now))
        {
            var pid = locator.Owner(inodes, table);
            if (pid is null)
            {
                search.Missed(now);
            }

            Found(pid, table, how);
        }
        else if (inodes.Count == 0)
        {
            Found(null, table, how);
        }
    }

    private void Found(int? pid, IReadOnlyDictionary<int, ProcStat> table, string how)
    {
        if (pid is { } p && table.TryGetValue(p, out var stat))
        {
            if (serverProcess?.Pid != p)
            {
                LogServerFound(logger, host, p, how);
            }

            serverProcess = (p, stat.StartTicks);
            missingReported = false;
        }
        else if (!missingReported)
        {
            missingReported = true;
            serverProcess = null;
            LogServerMissing(logger, host, how);
        }
    }

    private List<ProcessReading> Read(IReadOnlyList<int> pids, IReadOnlyDictionary<int, ProcStat> table) =>
        [.. pids.Where(table.ContainsKey).Select(pid =>
        {
            var stat = table[pid];
            return new ProcessReading(pid, stat.StartTicks, stat.CpuTicks / ClockTicks.PerSecond, proc.ResidentBytes(pid) ?? 0, proc.StorageReadBytes(pid));
        })];

    private static RoleFigures Figures(RoleAccumulator role, List<ProcessReading> readings, double? cpuPercent) => new(
        readings.Count,
        cpuPercent,
        role.CpuSecondsBusy,
        role.CpuSecondsIdle,
        readings.Sum(r => r.ResidentBytes),
        role.StorageReadable ? role.StorageReadBytes : null);

    private static long? Held(GpuReading gpu, IReadOnlyList<int> pids) =>
        gpu.Processes.IsDefault ? null : gpu.Processes.Where(p => pids.Contains(p.Pid)).Sum(p => p.MemoryBytes ?? 0);

    private string CgroupProcs(string cgroup) =>
        Path.Combine(cgroup.StartsWith('/') ? cgroup : Path.Combine(cgroupRoot, cgroup), "cgroup.procs");
}
