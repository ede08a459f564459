using System.Buffers;
using System.Text;
using OllamaOrleans.Silo.Metrics;

namespace OllamaOrleans.Tests.Silo.Metrics;

public sealed class RegistrySeriesWriterTests
{
    private static string Render(params string[] registered)
    {
        var buffer = new ArrayBufferWriter<byte>();
        RegistrySeriesWriter.Write(buffer, registered);
        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    [Fact]
    public void Write_OneSamplePerRegisteredHost_WithItsNameEscaped()
    {
        var text = Render("gpu-a", "odd\"name");

        Assert.Equal(
            [
                "# HELP ollama_monitor_host_registered 1 for each host in the fleet registry (configuration or API; not transient), exported by the silo that holds the registry.",
                "# TYPE ollama_monitor_host_registered gauge",
                "ollama_monitor_host_registered{host=\"gpu-a\"} 1",
                "ollama_monitor_host_registered{host=\"odd\\\"name\"} 1",
                "",
            ],
            text.Split('\n'));
    }

    [Fact]
    public void Write_NothingOnASiloWithoutTheRegistry()
    {
        Assert.Equal("", Render());
    }
}
