using System.Net;
using OllamaOrleans.Api.Configuration;
using OllamaOrleans.Silo.Configuration;
using OllamaOrleans.Tests.Support;

namespace OllamaOrleans.Tests.Silo.Configuration;

public sealed class SecurityOptionsTests
{
    private static (SecurityOptions Options, IReadOnlyList<string> Errors) Load(params (string Key, string Value)[] settings)
    {
        var (monitor, _) = MonitorSettings.Load(settings);
        return SettingsHarness.Load<SecurityOptions>(s => s.AddApiSettings(_ => SiloApiFacts.From(monitor, isCluster: false)), settings);
    }

    [Fact]
    public void AllowLists_AsCommaSeparatedValuesOrLists()
    {
        var (options, errors) = Load(("Security:AllowedNetworks", "10.0.0.0/8, 169.254.5.6"), ("Security:AllowedHosts:0", "gpu-box-1.lab"), ("Security:AllowedHosts:1", "gpu-box-2.lab"));

        Assert.Empty(errors);
        Assert.Equal([IPNetwork.Parse("10.0.0.0/8"), IPNetwork.Parse("169.254.5.6/32")], options.AllowedNetworks);
        Assert.Equal(["gpu-box-1.lab", "gpu-box-2.lab"], options.AllowedHosts);
    }

    [Fact]
    public void BadEntries_AreNamed()
    {
        var (_, errors) = Load(("Security:AllowedNetworks:0", "10.0.0.0/33"), ("Security:AllowedHosts", "bad name"));

        Assert.Equal(["Security:AllowedNetworks:0: '10.0.0.0/33' is not a network; write it as 10.0.0.0/8, fd00::/8 or a single address.", "Security:AllowedHosts: 'bad name' is not a host name."], errors);
    }

    [Fact]
    public void ConfiguredHostsOnRefusedAddresses_StopTheStart()
    {
        var (_, errors) = Load(("OLLAMA_URL", "http://169.254.169.254/,http://10.0.0.5:11434"), ("Monitor:Hosts:0:Url", "http://metadata.google.internal/"));

        Assert.Equal(
        [
            "Monitor:Hosts:0:Url: 'http://metadata.google.internal/' is refused by the address guard: 'metadata.google.internal' is a cloud metadata service; list it in Security:AllowedHosts to allow it.",
            "OLLAMA_URL: 'http://169.254.169.254/' is refused by the address guard: 169.254.169.254, a cloud metadata address; list 169.254.169.254/32 in Security:AllowedNetworks to allow it.",
        ], errors);
    }

    [Fact]
    public void ConfiguredLinkLocalHost_StartsWhenItsNetworkIsAllowed() =>
        Assert.Empty(Load(("OLLAMA_URL", "http://169.254.7.7:11434"), ("Security:AllowedNetworks", "169.254.7.0/24")).Errors);
}
