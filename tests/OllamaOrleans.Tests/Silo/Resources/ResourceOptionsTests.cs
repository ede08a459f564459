using OllamaOrleans.Silo.Hosting;
using OllamaOrleans.Silo.Resources;
using OllamaOrleans.Tests.Support;

namespace OllamaOrleans.Tests.Silo.Resources;

/// <summary>The <c>Resources</c> section as the silo reads and checks it.</summary>
public sealed class ResourceOptionsTests
{
    private static (ResourceOptions Options, IReadOnlyList<string> Errors) Load(params (string Key, string Value)[] settings) =>
        SettingsHarness.Load<ResourceOptions>(s => s.AddResourceSettings(), settings);

    [Fact]
    public void NodeAddressesAsOneCommaSeparatedValue_ProcessesAsEntries()
    {
        var (options, errors) = Load(("Resources:NodeAddresses", "gpu-1.lab, 10.0.0.5"), ("Resources:Processes:0:Host", "gpu-1"), ("Resources:Processes:0:Cgroup", "system.slice/ollama.service"), ("Resources:Enabled", "False"));

        Assert.Empty(errors);
        Assert.Equal(["gpu-1.lab", "10.0.0.5"], options.NodeAddresses);
        Assert.Equal(("gpu-1", null, "system.slice/ollama.service"), (options.Processes[0].Host, options.Processes[0].PidFile, options.Processes[0].Cgroup));
        Assert.False(options.Enabled);
    }

    [Fact]
    public void BadValues_NameTheirSettings()
    {
        var (_, errors) = Load(("Resources:Enabled", "on"), ("Resources:BusyInterval", "fast"), ("Resources:Gpu", "nvidia"), ("Resources:Processes:0:Host", "gpu-1"), ("Resources:Processes:1:Host", "gpu-1"), ("Resources:Processes:1:PidFile", "/run/ollama.pid"));

        Assert.Equal(
            [
                "Resources:Enabled: 'on' must be true or false.",
                "Resources:BusyInterval: 'fast' is not a duration; write it as hh:mm:ss, for example 00:00:30.",
                "Resources:Gpu: 'nvidia' must be auto or off.",
                "Resources:Processes:0: give exactly one of PidFile and Cgroup.",
                "Resources:Processes:1:Host: 'gpu-1' has more than one entry.",
            ],
            errors);
    }
}
