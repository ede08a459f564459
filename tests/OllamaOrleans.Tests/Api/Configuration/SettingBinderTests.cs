using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;
using OllamaOrleans.Api.Configuration;
using OllamaOrleans.Api.Gateway;
using OllamaOrleans.Tests.Support;

namespace OllamaOrleans.Tests.Api.Configuration;

/// <summary>Where the configuration binder differs from how settings were always read, the settings' way holds.</summary>
public sealed class SettingBinderTests
{
    private static (GatewayOptions Options, IReadOnlyList<string> Errors) Load(params (string Key, string Value)[] settings) =>
        SettingsHarness.Load<GatewayOptions>(s => s.AddApiSettings(_ => new ApiHostFacts(false, true, [9619], [])), settings);

    [Theory]
    [InlineData("many")]
    [InlineData("99999999999")]
    [InlineData("0x10")]
    [InlineData("1e3")]
    [InlineData("0")]
    public void BadOrOutOfRangeNumber_NamesTheSettingAndKeepsTheDefault(string value)
    {
        var (options, errors) = Load(("Gateway:MaxClients", value));

        Assert.Equal([$"Gateway:MaxClients: '{value}' must be a whole number from 1 to 100000."], errors);
        Assert.Equal(100, options.MaxClients);
    }

    [Fact]
    public void EveryBadValueIsNamed_NotOnlyTheFirstTheBinderMeets()
    {
        var (_, errors) = Load(("Gateway:Enabled", "yes"), ("Gateway:UpstreamTimeout", "soon"), ("Gateway:QueueCapacity", "-5"), ("Gateway:Listeners:0:Host", "gpu-1"), ("Gateway:Listeners:0:Port", "http"));

        Assert.Equal(
            [
                "Gateway:Enabled: 'yes' must be true or false.",
                "Gateway:UpstreamTimeout: 'soon' is not a duration; write it as hh:mm:ss, for example 00:00:30.",
                "Gateway:QueueCapacity: '-5' must be a whole number from 100 to 10000000.",
                "Gateway:Listeners:0:Port: 'http' must be a whole number from 1 to 65535.",
                "Gateway:Listeners:0:Port: '0' must be a port not used by the HTTP port or another listener.",
            ],
            errors);
    }

    [Fact]
    public void BlankValues_AreUnset_AndSurroundingSpacesAreIgnored()
    {
        var (options, errors) = Load(("Gateway:MaxClients", "  "), ("Gateway:ClientHeader", " X-Client "), ("Gateway:RequireKey", " true "), ("Gateway:FlushInterval", " 00:00:02 "), ("Gateway:QueueCapacity", " +500 "), ("Auth:Keys:0:Name", "ops"), ("Auth:Keys:0:Hash", new string('a', 64)));

        Assert.Empty(errors);
        Assert.Equal((100, "X-Client", true, TimeSpan.FromSeconds(2), 500), (options.MaxClients, options.ClientHeader, options.RequireKey, options.FlushInterval, options.QueueCapacity));
    }

    [Theory]
    [InlineData("1", "1.00:00:00")]
    [InlineData("00:00:00.5", "00:00:00.5000000")]
    [InlineData("1.02:03:04", "1.02:03:04")]
    public void Durations_TakeTimeSpansInvariantFormats(string value, string expected)
    {
        var (options, errors) = Load(("Gateway:ConnectTimeout", value));

        Assert.Empty(errors);
        Assert.Equal(TimeSpan.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), options.ConnectTimeout);
    }

    [Fact]
    public void MegabytesSetting_BecomesBytes()
    {
        Assert.Equal(8L * 1024 * 1024, Load(("Gateway:MaxRequestBodyMegabytes", "8")).Options.MaxRequestBodyBytes);
        Assert.Equal(["Gateway:MaxRequestBodyMegabytes: '5000' must be a whole number from 1 to 4096."], Load(("Gateway:MaxRequestBodyMegabytes", "5000")).Errors);
    }

    [Fact]
    public void GeneratedValidator_ChecksValuesSetInCode()
    {
        var result = new ValidateGatewayOptions().Validate(Options.DefaultName, new GatewayOptions { MaxClients = 0 });

        Assert.True(result.Failed);
        Assert.Contains(nameof(GatewayOptions.MaxClients), Assert.Single(result.Failures), StringComparison.Ordinal);
        Assert.False(new ValidateGatewayOptions().Validate(Options.DefaultName, new GatewayOptions()).Failed);
    }

    [Fact]
    public void SettingsReadBeforeTheHost_StopWithEveryMessage()
    {
        var errors = new SettingErrors<ApiHostFacts>();
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection([new("API_PORT", "http"), new("Monitor:TransientHosts:Enabled", "maybe")])
            .Build();

        Assert.Null(SettingBinder.Integer(configuration, "API_PORT", 1, 65535, errors));
        Assert.Null(SettingBinder.Boolean(configuration, "Monitor:TransientHosts:Enabled", errors));
        var thrown = Assert.Throws<InvalidSettingsException>(errors.ThrowIfAny);
        Assert.Equal(["API_PORT: 'http' must be a whole number from 1 to 65535.", "Monitor:TransientHosts:Enabled: 'maybe' must be true or false."], thrown.Errors);
    }
}
