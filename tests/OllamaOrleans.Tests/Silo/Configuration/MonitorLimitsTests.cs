using OllamaOrleans.Silo.Configuration;

namespace OllamaOrleans.Tests.Silo.Configuration;

/// <summary>The registry's limits: <c>Monitor:MaxHosts</c> and <c>Monitor:TransientHosts:*</c>.</summary>
public sealed class MonitorLimitsTests
{
    private static (MonitorOptions Options, IReadOnlyList<string> Errors) Load(params (string Key, string Value)[] settings) =>
        MonitorSettings.Load(settings);

    [Fact]
    public void Defaults()
    {
        var (o, errors) = Load();

        Assert.Empty(errors);
        Assert.Equal((1000, true, 100, TimeSpan.FromMinutes(10), 500), (o.MaxHosts, o.TransientHostsEnabled, o.MaxTransientHosts, o.TransientHostExpiry, o.MaxModelsPerHost));
    }

    [Fact]
    public void Settings()
    {
        var (o, errors) = Load(("Monitor:MaxHosts", "20"), ("Monitor:TransientHosts:Enabled", "false"), ("Monitor:TransientHosts:Max", "0"), ("Monitor:TransientHosts:Expiry", "01:00:00"));

        Assert.Empty(errors);
        Assert.Equal((20, false, 0, TimeSpan.FromHours(1)), (o.MaxHosts, o.TransientHostsEnabled, o.MaxTransientHosts, o.TransientHostExpiry));
    }

    [Theory]
    [InlineData("Monitor:MaxHosts", "0", "Monitor:MaxHosts: '0' must be a whole number from 1 to 1000000.")]
    [InlineData("Monitor:TransientHosts:Max", "-1", "Monitor:TransientHosts:Max: '-1' must be a whole number from 0 to 1000000.")]
    [InlineData("Monitor:TransientHosts:Enabled", "yes", "Monitor:TransientHosts:Enabled: 'yes' must be true or false.")]
    [InlineData("Monitor:TransientHosts:Expiry", "00:00:30", "Monitor:TransientHosts:Expiry: '00:00:30' must be at least 00:01:00 (the watchdog checks once a minute).")]
    public void BadValues_AreNamed(string key, string value, string error) => Assert.Equal([error], Load((key, value)).Errors);
}
