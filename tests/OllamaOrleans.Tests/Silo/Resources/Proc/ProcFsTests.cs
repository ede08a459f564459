using System.Net;
using OllamaOrleans.Silo.Resources.Proc;
using OllamaOrleans.Tests.Support;

namespace OllamaOrleans.Tests.Silo.Resources.Proc;

/// <summary>The file reading and the port-based server lookup on the captured tree (links added by <see cref="ProcFixture"/>).</summary>
public sealed class ProcFsTests : IDisposable
{
    private readonly ProcFixture fixture = new();

    public void Dispose() => fixture.Dispose();

    [Fact]
    public void ReadTable_ReadsEveryPidDirectory_AndSkipsOtherEntries()
    {
        var table = new ProcFs(fixture.Root).ReadTable();

        Assert.Equal([2, ProcFixture.ServerPid, ProcFixture.RunnerPid], table.Keys.Order());
        Assert.Equal(ProcFixture.ServerPid, table[ProcFixture.RunnerPid].ParentPid);
    }

    [Fact]
    public void ResidentAndStorageRead_OfTheRunner_ComeFromStatusAndIo()
    {
        var proc = new ProcFs(fixture.Root);

        Assert.Equal(93044L * 1024, proc.ResidentBytes(ProcFixture.RunnerPid));
        Assert.Equal(2019393536L, proc.StorageReadBytes(ProcFixture.RunnerPid));
        Assert.Null(proc.StorageReadBytes(4242));
    }

    [Fact]
    public void SocketOwners_FindsTheProcessHoldingTheInode_ThroughItsFdLinks()
    {
        var proc = new ProcFs(fixture.Root);

        Assert.Equal([ProcFixture.ServerPid], proc.SocketOwners(new HashSet<long> { 75704 }));
        Assert.Empty(proc.SocketOwners(new HashSet<long> { 1065 }));
    }

    [Theory]
    [InlineData("127.0.0.1", true)]
    [InlineData("::1", true)]
    public void ByPort_LoopbackUrl_FindsTheServerListeningOnIt(string address, bool loopback)
    {
        var proc = new ProcFs(fixture.Root);

        var pid = new ServerLocator(proc).ByPort(11434, loopback, [IPAddress.Parse(address)], proc.ReadTable());

        Assert.Equal(ProcFixture.ServerPid, pid);
    }

    [Fact]
    public void ByPort_NothingListensThere_IsNull()
    {
        var proc = new ProcFs(fixture.Root);

        Assert.Null(new ServerLocator(proc).ByPort(11435, true, [], proc.ReadTable()));
    }

    [Fact]
    public void ByPort_ListenerHeldByAnUnreadableProcess_IsNull()
    {
        // Port 2024 listens (inode 1065) but no visible process holds it: another user's process.
        var proc = new ProcFs(fixture.Root);

        Assert.Null(new ServerLocator(proc).ByPort(2024, false, [IPAddress.Parse("10.1.2.3")], proc.ReadTable()));
    }

    [Fact]
    public void ListeningInodes_TheUrlsAddressWhenOneListensThere_ElseAnyOnThePort()
    {
        ListeningSocket[] sockets =
        [
            new(IPAddress.Parse("10.1.2.3"), 2024, 1065),
            new(IPAddress.Parse("127.0.0.1"), 2024, 2000),
            new(IPAddress.Parse("127.0.0.1"), 2025, 3000),
            new(IPAddress.Parse("127.0.0.1"), 2026, 0),
        ];

        Assert.Equal([2000L], ServerLocator.ListeningInodes(sockets, 2024, true, []).Order());
        Assert.Equal([1065L], ServerLocator.ListeningInodes(sockets, 2024, false, [IPAddress.Parse("10.1.2.3")]).Order());
        Assert.Equal([1065L, 2000L], ServerLocator.ListeningInodes(sockets, 2024, false, [IPAddress.Parse("10.9.9.9")]).Order());
        Assert.Empty(ServerLocator.ListeningInodes(sockets, 2026, true, []));
        Assert.Empty(ServerLocator.ListeningInodes(sockets, 11434, true, []));
    }

    [Theory]
    [InlineData("socket:[75704]", 75704L)]
    [InlineData("pipe:[75060]", null)]
    [InlineData("socket:[]", null)]
    [InlineData(null, null)]
    public void SocketInode_ParsesOnlySocketLinks(string? link, long? inode) => Assert.Equal(inode, ProcFs.SocketInode(link));
}
