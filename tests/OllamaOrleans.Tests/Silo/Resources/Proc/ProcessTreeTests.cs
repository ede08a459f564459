using OllamaOrleans.Silo.Resources.Proc;

namespace OllamaOrleans.Tests.Silo.Resources.Proc;

public sealed class ProcessTreeTests
{
    private static readonly Dictionary<int, ProcStat> Table = new[]
    {
        Stat(1, 0), Stat(100, 1), Stat(101, 100), Stat(102, 100), Stat(150, 101), Stat(200, 1), Stat(201, 200),
    }.ToDictionary(s => s.Pid);

    private static ProcStat Stat(int pid, int parent) => new(pid, parent, 0, 0, pid);

    [Fact]
    public void Descendants_ChildrenThenGrandchildren_NotTheRootNorOtherTrees() =>
        Assert.Equal([101, 102, 150], ProcessTree.Descendants(100, Table));

    [Fact]
    public void Descendants_Leaf_HasNone() => Assert.Empty(ProcessTree.Descendants(150, Table));

    [Fact]
    public void Roots_OfACgroupWithServerAndRunners_IsTheServer() => Assert.Equal([100], ProcessTree.Roots([102, 100, 101, 150], Table));

    [Fact]
    public void Roots_ProcessesNotInTheTable_AreIgnored() => Assert.Equal([200], ProcessTree.Roots([200, 201, 999], Table));
}
