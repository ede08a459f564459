using OllamaOrleans.Silo.Resources.Proc;
using OllamaOrleans.Tests.Support;

namespace OllamaOrleans.Tests.Silo.Resources.Proc;

public sealed class ProcStatusTests
{
    [Fact]
    public void ResidentBytes_CapturedRunner_IsVmRssInBytes() =>
        Assert.Equal(93044L * 1024, ProcStatus.ResidentBytes(ProcFixture.Text("27108/status")));

    [Fact]
    public void ResidentBytes_KernelThread_HasNone() => Assert.Null(ProcStatus.ResidentBytes(ProcFixture.Text("2/status")));

    [Theory]
    [InlineData("VmRSS:\t   12 MB\n")]
    [InlineData("VmRSS:\t   lots kB\n")]
    public void ResidentBytes_UnexpectedUnitOrNumber_IsNull(string text) => Assert.Null(ProcStatus.ResidentBytes(text));
}
