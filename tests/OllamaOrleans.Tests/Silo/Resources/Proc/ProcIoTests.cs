using OllamaOrleans.Silo.Resources.Proc;
using OllamaOrleans.Tests.Support;

namespace OllamaOrleans.Tests.Silo.Resources.Proc;

public sealed class ProcIoTests
{
    [Fact]
    public void ReadBytes_CapturedRunner_IsStorageReadsNotRchar() => Assert.Equal(2019393536L, ProcIo.ReadBytes(ProcFixture.Text("27108/io")));

    [Fact]
    public void ReadBytes_NoReadBytesLine_IsNull() => Assert.Null(ProcIo.ReadBytes("rchar: 46607\nwchar: 33\n"));
}
