using OllamaOrleans.Grains.Probes;

namespace OllamaOrleans.Tests.Grains.Probes;

public sealed class ProbeSettingsResolverTests
{
    [Fact]
    public void Defaults_AreLoadedOnlyEveryFiveMinutesOneToken()
    {
        var probe = ProbeSettingsResolver.Resolve(new ProbeOptions(), "gpu1", "llama3.2:latest");

        Assert.Equal((ProbeMode.LoadedOnly, TimeSpan.FromMinutes(5), 1), (probe.Mode, probe.Interval, probe.PredictedTokens));
    }

    [Fact]
    public void ModelList_TurnsOtherModelsOff()
    {
        var options = new ProbeOptions { Models = ["llama3.2"] };

        Assert.Equal(ProbeMode.LoadedOnly, ProbeSettingsResolver.Resolve(options, "gpu1", "llama3.2:latest").Mode);
        Assert.Equal(ProbeMode.Off, ProbeSettingsResolver.Resolve(options, "gpu1", "qwen2.5:7b").Mode);
    }

    [Fact]
    public void Overrides_ApplyInOrder_ByHostModelOrBoth()
    {
        var options = new ProbeOptions
        {
            Overrides =
            [
                new ProbeOverride { Host = "gpu1", Interval = TimeSpan.FromMinutes(1) },
                new ProbeOverride { Model = "llama3.2", Mode = ProbeMode.Always, Prompt = "hi" },
                new ProbeOverride { Host = "gpu1", Model = "llama3.2:latest", Mode = ProbeMode.Off },
            ],
        };

        var onGpu1 = ProbeSettingsResolver.Resolve(options, "gpu1", "llama3.2:latest");
        var onGpu2 = ProbeSettingsResolver.Resolve(options, "gpu2", "llama3.2:latest");
        var otherModel = ProbeSettingsResolver.Resolve(options, "gpu1", "qwen:7b");

        Assert.Equal((ProbeMode.Off, TimeSpan.FromMinutes(1), "hi"), (onGpu1.Mode, onGpu1.Interval, onGpu1.Prompt));
        Assert.Equal((ProbeMode.Always, TimeSpan.FromMinutes(5)), (onGpu2.Mode, onGpu2.Interval));
        Assert.Equal((ProbeMode.LoadedOnly, TimeSpan.FromMinutes(1)), (otherModel.Mode, otherModel.Interval));
    }

    [Theory]
    [InlineData("gpt-oss:120b-cloud")]
    [InlineData("kimi:cloud")]
    public void CloudModels_AreNeverProbed(string model)
    {
        var options = new ProbeOptions { Mode = ProbeMode.Always, Overrides = [new ProbeOverride { Model = model, Mode = ProbeMode.Always }] };

        Assert.Equal(ProbeMode.Off, ProbeSettingsResolver.Resolve(options, "gpu1", model).Mode);
    }
}
