using System.Net;
using OllamaOrleans.Protocol.Security;

namespace OllamaOrleans.Tests.Protocol.Security;

public sealed class TargetPolicyTests
{
    private static string? Check(TargetPolicy policy, string address) => policy.Check(address, [IPAddress.Parse(address)]);

    [Theory]
    [InlineData("127.0.0.1")]
    [InlineData("::1")]
    [InlineData("10.0.0.5")]
    [InlineData("172.16.4.1")]
    [InlineData("192.168.1.20")]
    [InlineData("fd12:3456::1")]
    [InlineData("100.64.0.1")]
    [InlineData("8.8.8.8")]
    public void Default_AllowsLoopbackPrivateAndPublicAddresses(string address) =>
        Assert.Null(Check(TargetPolicy.Default, address));

    [Theory]
    [InlineData("169.254.169.254", "a cloud metadata address")]
    [InlineData("169.254.170.2", "a cloud metadata address")]
    [InlineData("fd00:ec2::254", "a cloud metadata address")]
    [InlineData("100.100.100.200", "a cloud metadata address")]
    [InlineData("168.63.129.16", "a cloud metadata address")]
    [InlineData("169.254.1.1", "a link-local address")]
    [InlineData("fe80::1", "a link-local address")]
    [InlineData("0.0.0.0", "an unspecified, broadcast or multicast address")]
    [InlineData("::", "an unspecified, broadcast or multicast address")]
    [InlineData("224.0.0.1", "an unspecified, broadcast or multicast address")]
    [InlineData("255.255.255.255", "an unspecified, broadcast or multicast address")]
    [InlineData("ff02::1", "an unspecified, broadcast or multicast address")]
    public void Default_RefusesLinkLocalMetadataAndNonUnicast(string address, string why) =>
        Assert.StartsWith($"{address}, {why}", Check(TargetPolicy.Default, address));

    [Fact]
    public void Ipv4MappedIpv6_IsJudgedAsTheIpv4Address() =>
        Assert.StartsWith("'evil' resolves to 169.254.169.254, a cloud metadata address", TargetPolicy.Default.Check("evil", [IPAddress.Parse("::ffff:169.254.169.254")]));

    [Theory]
    [InlineData("metadata.google.internal")]
    [InlineData("METADATA.google.internal.")]
    [InlineData("metadata")]
    [InlineData("instance-data.ec2.internal")]
    public void MetadataNames_AreRefusedWhateverTheyResolveTo(string name)
    {
        Assert.False(TargetPolicy.Default.DecideByName(name));
        Assert.Contains("is a cloud metadata service; list it in Security:AllowedHosts", TargetPolicy.Default.Check(name, [IPAddress.Loopback]));
    }

    [Fact]
    public void AName_ResolvingToOneRefusedAddressAmongAllowedOnes_IsRefused() =>
        Assert.Equal("'mixed' resolves to fe80::1, a link-local address; list its network in Security:AllowedNetworks to allow it", TargetPolicy.Default.Check("mixed", [IPAddress.Parse("10.0.0.1"), IPAddress.Parse("fe80::1")]));

    [Fact]
    public void AllowList_NarrowsToWhatItLists()
    {
        var policy = new TargetPolicy([IPNetwork.Parse("10.1.0.0/16")], ["gpu-box-1.lab"]);

        Assert.Null(Check(policy, "10.1.200.3"));
        Assert.Equal("10.2.0.1, outside Security:AllowedNetworks and Security:AllowedHosts", Check(policy, "10.2.0.1"));
        Assert.Equal("127.0.0.1, outside Security:AllowedNetworks and Security:AllowedHosts", Check(policy, "127.0.0.1"));
        Assert.Null(policy.Check("gpu-box-1.lab", [IPAddress.Parse("192.168.9.9")]));
        Assert.True(policy.DecideByName("GPU-BOX-1.lab."));
    }

    [Fact]
    public void AllowingLinkLocal_OpensLinkLocalButNotTheMetadataAddress()
    {
        var policy = new TargetPolicy([IPNetwork.Parse("169.254.0.0/16")], []);

        Assert.Null(Check(policy, "169.254.10.20"));
        Assert.StartsWith("169.254.169.254, a cloud metadata address; list 169.254.169.254/32", Check(policy, "169.254.169.254"));
    }

    [Fact]
    public void TheMetadataAddress_IsReachableOnlyWhenListedExactly()
    {
        Assert.Null(Check(new TargetPolicy([IPNetwork.Parse("169.254.169.254/32")], []), "169.254.169.254"));
        Assert.Null(Check(new TargetPolicy([IPNetwork.Parse("fd00:ec2::254/128")], []), "fd00:ec2::254"));
    }

    [Fact]
    public void AListedMetadataName_IsAllowed() =>
        Assert.Null(new TargetPolicy([], ["metadata.google.internal"]).Check("metadata.google.internal", [IPAddress.Parse("169.254.169.254")]));
}
