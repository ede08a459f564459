using System.Net;
using OllamaOrleans.Silo.Resources.Proc;
using OllamaOrleans.Tests.Support;

namespace OllamaOrleans.Tests.Silo.Resources.Proc;

public sealed class ProcNetTcpTests
{
    [Fact]
    public void ParseListening_CapturedTcp_KeepsOnlyListenSockets()
    {
        var sockets = ProcNetTcp.ParseListening(ProcFixture.Text("net/tcp"));

        Assert.Equal(
            [
                new ListeningSocket(IPAddress.Any, 2024, 1065),
                new ListeningSocket(IPAddress.Loopback, 41300, 72314),
                new ListeningSocket(IPAddress.Loopback, 11434, 75704),
            ],
            sockets);
    }

    [Fact]
    public void ParseListening_CapturedTcp6_DecodesWildcardAndLoopback()
    {
        var sockets = ProcNetTcp.ParseListening(ProcFixture.Text("net/tcp6"));

        Assert.Equal([new ListeningSocket(IPAddress.IPv6Any, 41619, 72370), new ListeningSocket(IPAddress.IPv6Loopback, 11434, 75710)], sockets);
        Assert.True(sockets[0].IsWildcard);
        Assert.False(sockets[1].IsWildcard);
    }

    [Fact]
    public void ParseListening_Ipv4MappedListener_IsReportedAsIpv4()
    {
        const string Line = "   0: 0000000000000000FFFF00000A00000A:2CAA 00000000000000000000000000000000:0000 0A 00000000:00000000 00:00000000 00000000  1000        0 99 1 0 100 0 0 10 0";

        var socket = Assert.Single(ProcNetTcp.ParseListening(Line));

        Assert.Equal(IPAddress.Parse("10.0.0.10"), socket.Address);
        Assert.Equal(11434, socket.Port);
    }

    [Theory]
    [InlineData("")]
    [InlineData("  sl  local_address rem_address   st tx_queue rx_queue tr tm->when retrnsmt   uid  timeout inode")]
    [InlineData("   0: 0100007F:ZZZZ 00000000:0000 0A 00000000:00000000 00:00000000 00000000     0        0 1 1 0")]
    [InlineData("   0: 01007F:2CAA 00000000:0000 0A 00000000:00000000 00:00000000 00000000     0        0 1 1 0")]
    [InlineData("   0: 0100007F:2CAA 00000000:0000 0A 00000000:00000000")]
    [InlineData("   0: 0A00000A:2CAA 0A00000A:0A0A 01 00000000:00000000 00:00000000 00000000     0        0 75704 1 0")]
    [InlineData("   0: 0A00000A:2CAA 0A00000A:0A0A 0AB 00000000:00000000 00:00000000 00000000     0        0 75704 1 0")]
    public void ParseListening_HeaderOrDamagedLine_IsSkipped(string text) => Assert.Empty(ProcNetTcp.ParseListening(text));
}
