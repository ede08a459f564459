using OllamaOrleans.Grains.Registry;

namespace OllamaOrleans.Tests.Grains.Registry;

public sealed class RegisteredHostsTests
{
    [Fact]
    public void Publish_ReplacesTheNames_OrderedAndOnce_AndClearEmptiesThem()
    {
        var registered = new RegisteredHosts();
        Assert.Empty(registered.Names);

        registered.Publish(["gpu-b", "gpu-a", "gpu-b"]);
        Assert.Equal(["gpu-a", "gpu-b"], registered.Names);

        registered.Publish(["gpu-c"]);
        Assert.Equal(["gpu-c"], registered.Names);

        registered.Clear();
        Assert.Empty(registered.Names);
    }
}
