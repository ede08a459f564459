using OllamaOrleans.Silo.Resources;
using OllamaOrleans.Silo.Resources.Proc;

namespace OllamaOrleans.Tests.Silo.Resources;

public sealed class RoleAccumulatorTests
{
    private const double Ticks = 100;
    private static readonly Dictionary<int, ProcStat> EmptyTable = [];

    private static ProcessReading Reading(int pid, double cpu, long? read = 0, long start = 1000) => new(pid, start, cpu, 1 << 20, read);

    [Fact]
    public void FirstSample_IsTheBaseline_AndCountsNothing()
    {
        var role = new RoleAccumulator(Ticks);

        Assert.Equal(0, role.Observe([Reading(10, 50, 5000)], before: null, busy: false));

        Assert.Equal((0.0, 0.0, 0L), (role.CpuSecondsBusy, role.CpuSecondsIdle, role.StorageReadBytes));
    }

    [Fact]
    public void TrackedProcesses_AddWhatTheyUsedSinceTheLastSample_ToTheIntervalsState()
    {
        var role = new RoleAccumulator(Ticks);
        role.Observe([Reading(10, 50, 5000), Reading(11, 1)], null, false);

        Assert.Equal(3.5, role.Observe([Reading(10, 52, 9000), Reading(11, 2.5)], EmptyTable, busy: true));
        Assert.Equal(1.0, role.Observe([Reading(10, 53, 9000), Reading(11, 2.5)], EmptyTable, busy: false));

        Assert.Equal((3.5, 1.0, 4000L), (role.CpuSecondsBusy, role.CpuSecondsIdle, role.StorageReadBytes));
    }

    [Fact]
    public void RestartWithANewPid_AddsEverythingTheNewProcessUsed_SoTheCounterNeverGoesBack()
    {
        var role = new RoleAccumulator(Ticks);
        role.Observe([Reading(10, 50, 5000)], null, false);
        role.Observe([Reading(10, 80, 7000)], EmptyTable, false);

        Assert.Equal(0.75, role.Observe([Reading(20, 0.75, 300, start: 9000)], EmptyTable, false));

        Assert.Equal(30.75, role.CpuSecondsIdle);
        Assert.Equal(2300, role.StorageReadBytes);
    }

    [Fact]
    public void ReusedPidWithAnotherStartTime_IsANewProcess_NotANegativeDelta()
    {
        var role = new RoleAccumulator(Ticks);
        role.Observe([Reading(10, 50)], null, false);

        Assert.Equal(2, role.Observe([Reading(10, 2, start: 5000)], EmptyTable, false));
    }

    [Fact]
    public void ProcessThatRanUntracked_AddsOnlyWhatItUsedSinceThePreviousTable()
    {
        // The server is found late: it ran before, untracked, with 4000 ticks (40 s) at the previous sample.
        var role = new RoleAccumulator(Ticks);
        role.Observe([], null, false);
        var before = new Dictionary<int, ProcStat> { [10] = new ProcStat(10, 1, 3000, 1000, 1000) };

        Assert.Equal(1.5, role.Observe([Reading(10, 41.5, 123456)], before, true));

        Assert.Equal(1.5, role.CpuSecondsBusy);
        Assert.Equal(0, role.StorageReadBytes);
    }

    [Fact]
    public void StorageReadable_StaysFalseWhileNoIoFileWasReadable()
    {
        var role = new RoleAccumulator(Ticks);
        role.Observe([Reading(10, 1, read: null)], null, false);
        role.Observe([Reading(10, 2, read: null)], EmptyTable, false);

        Assert.False(role.StorageReadable);
        role.Observe([Reading(10, 3, read: 10)], EmptyTable, false);
        Assert.True(role.StorageReadable);
        Assert.Equal(0, role.StorageReadBytes);
    }
}
