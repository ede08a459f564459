using System.Net;
using OllamaOrleans.Grains.Placement;

namespace OllamaOrleans.Tests.Grains.Placement;

public sealed class NodeIdentityTests
{
    private static readonly NodeIdentity Gpu1 = NodeIdentity.Create(["GPU1", "gpu1.lab.example"], [IPAddress.Parse("10.0.0.5"), IPAddress.Parse("fd00::5")]);

    [Theory]
    [InlineData("10.0.0.5")]
    [InlineData("fd00::5")]
    [InlineData("::ffff:10.0.0.5")]
    [InlineData("gpu1")]
    [InlineData("GPU1.LAB.EXAMPLE")]
    [InlineData("localhost")]
    [InlineData("127.0.0.1")]
    [InlineData("127.0.1.1")]
    [InlineData("::1")]
    public void Serves_ItsNamesAddressesAndLoopback(string host) => Assert.True(Gpu1.Serves(host, []));

    [Theory]
    [InlineData("10.0.0.6")]
    [InlineData("gpu2")]
    [InlineData("gpu1.other.example")]
    public void Serves_NotOtherNodes(string host) => Assert.False(Gpu1.Serves(host, []));

    [Fact]
    public void Serves_ANameThatResolvesToOneOfItsAddresses() =>
        Assert.True(Gpu1.Serves("ollama.lab.example", [IPAddress.Parse("10.9.9.9"), IPAddress.Parse("10.0.0.5")]));

    [Fact]
    public void UnknownNode_ServesOnlyLoopback()
    {
        Assert.True(NodeIdentity.Unknown.Serves("localhost", []));
        Assert.False(NodeIdentity.Unknown.Serves("10.0.0.5", []));
        Assert.False(NodeIdentity.Unknown.IsKnown);
    }

    [Fact]
    public void Metadata_RoundTrips_NormalisedAndSorted()
    {
        var metadata = Gpu1.ToMetadata();

        Assert.Equal("gpu1,gpu1.lab.example", metadata[NodeIdentity.NamesKey]);
        Assert.Equal("10.0.0.5,fd00::5", metadata[NodeIdentity.AddressesKey]);
        var back = NodeIdentity.FromMetadata(metadata);
        Assert.Equal(["gpu1", "gpu1.lab.example"], back.Names.ToArray());
        Assert.Equal([IPAddress.Parse("10.0.0.5"), IPAddress.Parse("fd00::5")], back.Addresses.ToArray());
    }

    [Fact]
    public void FromMetadata_OfASiloThatPublishedNone_IsUnknown() =>
        Assert.False(NodeIdentity.FromMetadata(new Dictionary<string, string> { ["other"] = "x" }).IsKnown);

    [Fact]
    public void Detect_AddsAliases_AsNamesOrAddresses()
    {
        var node = NodeIdentityDetector.Detect(["ollama-a.lab", "192.0.2.10"]);

        Assert.Contains(Environment.MachineName.ToLowerInvariant(), node.Names);
        Assert.Contains("ollama-a.lab", node.Names);
        Assert.Contains(IPAddress.Parse("192.0.2.10"), node.Addresses);
        Assert.DoesNotContain(node.Addresses, IPAddress.IsLoopback);
    }
}
