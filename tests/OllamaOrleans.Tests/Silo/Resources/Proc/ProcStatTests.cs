using System.Text;
using OllamaOrleans.Silo.Resources.Proc;
using OllamaOrleans.Tests.Support;

namespace OllamaOrleans.Tests.Silo.Resources.Proc;

public sealed class ProcStatTests
{
    private static bool Parse(string text, out ProcStat stat) => ProcStat.TryParse(Encoding.ASCII.GetBytes(text), out stat);

    [Fact]
    public void TryParse_CapturedRunner_ReadsParentCpuTimesAndStart()
    {
        Assert.True(Parse(ProcFixture.Text("27108/stat"), out var stat));

        Assert.Equal(new ProcStat(27108, 27098, 54, 6, 2930830), stat);
        Assert.Equal(60, stat.CpuTicks);
    }

    [Fact]
    public void TryParse_CommWithSpacesAndParentheses_CountsFieldsAfterTheLastParenthesis()
    {
        Assert.True(Parse("4242 (a) b (c)) R 7 4242 4242 0 -1 0 0 0 0 0 120 30 0 0 20 0 1 0 555 0 0\n", out var stat));

        Assert.Equal(new ProcStat(4242, 7, 120, 30, 555), stat);
    }

    [Theory]
    [InlineData("")]
    [InlineData("4242 (x) R 1 2 3")]
    [InlineData("abc (x) R 1 4242 4242 0 -1 0 0 0 0 0 120 30 0 0 20 0 1 0 555 0 0")]
    [InlineData("4242 (x) R 1 4242 4242 0 -1 0 0 0 0 0 many 30 0 0 20 0 1 0 555 0 0")]
    public void TryParse_TruncatedOrDamaged_Fails(string text) => Assert.False(Parse(text, out _));
}
