using OllamaOrleans.Grains.Probes;
using OllamaOrleans.Silo.Configuration;
using OllamaOrleans.Silo.Hosting;
using OllamaOrleans.Tests.Support;

namespace OllamaOrleans.Tests.Grains.Probes;

/// <summary><c>Monitor:Probes</c> as the silo reads and checks it.</summary>
public sealed class ProbeOptionsTests
{
    private static (ProbeOptions Options, IReadOnlyList<string> Errors) Load(params (string Key, string Value)[] settings) =>
        SettingsHarness.Load<ProbeOptions>(s => s.AddMonitorSettings(), settings);

    [Fact]
    public void Settings_EnumsInAnyCase_ModelsTrimmed_OverridesInOrder()
    {
        var (options, errors) = Load(
            ("Monitor:Probes:Mode", "always"),
            ("Monitor:Probes:Interval", "00:00:03"),
            ("Monitor:Probes:Models:0", " llama3.2 "),
            ("Monitor:Probes:Models:1", " "),
            ("Monitor:Probes:Overrides:0:Host", "gpu-1"),
            ("Monitor:Probes:Overrides:0:Mode", "LOADEDONLY"),
            ("Monitor:Probes:Overrides:1:Model", "qwen3"),
            ("Monitor:Probes:Overrides:1:PredictedTokens", "8"));

        Assert.Empty(errors);
        Assert.Equal((ProbeMode.Always, TimeSpan.FromSeconds(3)), (options.Mode, options.Interval));
        Assert.Equal(["llama3.2"], options.Models);
        Assert.Equal([("gpu-1", null, ProbeMode.LoadedOnly, null), (null, "qwen3", null, 8)], options.Overrides.Select(o => (o.Host, o.Model, o.Mode, o.PredictedTokens)));
    }

    [Theory]
    [InlineData("Monitor:Probes:Mode", "1", "Monitor:Probes:Mode: '1' must be one of Off, LoadedOnly, Always.")]
    [InlineData("Monitor:Probes:Mode", "sometimes", "Monitor:Probes:Mode: 'sometimes' must be one of Off, LoadedOnly, Always.")]
    [InlineData("Monitor:Probes:PredictedTokens", "5000", "Monitor:Probes:PredictedTokens: '5000' must be a whole number from 1 to 4096.")]
    [InlineData("Monitor:Probes:Timeout", "00:20:00", "Monitor:Probes:Timeout: '00:20:00' must be greater than zero and at most 00:10:00.")]
    [InlineData("Monitor:Probes:Overrides:0:Interval", "-00:00:01", "Monitor:Probes:Overrides:0:Interval: '-00:00:01' must be greater than zero.")]
    [InlineData("Monitor:Probes:Overrides:0:PredictedTokens", "none", "Monitor:Probes:Overrides:0:PredictedTokens: 'none' must be a whole number from 1 to 4096.")]
    public void BadValues_AreNamed(string key, string value, string error) => Assert.Equal([error], Load((key, value)).Errors);
}
