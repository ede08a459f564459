using OllamaOrleans.Silo.Configuration;

namespace OllamaOrleans.Tests.Silo.Configuration;

public sealed class MonitorOptionsTests
{
    private static (MonitorOptions Options, IReadOnlyList<string> Errors) Load(params (string Key, string Value)[] settings) =>
        MonitorSettings.Load(settings);

    [Fact]
    public void Defaults_AreTheOriginalExportersDefaults()
    {
        var (options, errors) = Load();

        Assert.Empty(errors);
        Assert.Equal(TimeSpan.FromSeconds(30), options.PollInterval);
        Assert.Equal(9619, options.HttpPort);
        Assert.Empty(options.Hosts);
    }

    [Fact]
    public void LegacyVariables_CommaSeparatedUrlsIntervalAndPort()
    {
        var (options, errors) = Load(("OLLAMA_URL", "http://127.0.0.1:21434, http://gpu-2:11434/"), ("COLLECT_INTERVAL", "2"), ("EXPORTER_PORT", "19619"));

        Assert.Empty(errors);
        var (hosts, _) = HostListBuilder.Build(options.Hosts);
        Assert.Equal(["127.0.0.1:21434", "gpu-2:11434"], hosts.Select(h => h.Name));
        Assert.Equal(["http://127.0.0.1:21434/", "http://gpu-2:11434/"], hosts.Select(h => h.Url));
        Assert.Equal(TimeSpan.FromSeconds(2), options.PollInterval);
        Assert.Equal(19619, options.HttpPort);
    }

    [Fact]
    public void MonitorHosts_WithNamesAndLabels()
    {
        var (options, errors) = Load(("Monitor:Hosts:0:Name", "gpu-box-1"), ("Monitor:Hosts:0:Url", "http://10.0.0.5:11434"), ("Monitor:Hosts:0:Labels:site", "lab"), ("Monitor:PollInterval", "00:00:10"));

        Assert.Empty(errors);
        var host = Assert.Single(HostListBuilder.Build(options.Hosts).Hosts);
        Assert.Equal(("gpu-box-1", "http://10.0.0.5:11434/", "lab"), (host.Name, host.Url, host.Labels["site"]));
        Assert.Equal(TimeSpan.FromSeconds(10), options.PollInterval);
    }

    [Theory]
    [InlineData("OLLAMA_URL", "not-a-url", "OLLAMA_URL: 'not-a-url' is not an absolute http:// or https:// URL")]
    [InlineData("OLLAMA_URL", "ftp://h:1", "OLLAMA_URL: 'ftp://h:1' is not an absolute http:// or https:// URL")]
    [InlineData("OLLAMA_URL", "http://user:pw@h:1", "OLLAMA_URL: 'http://user:pw@h:1' carries credentials")]
    [InlineData("COLLECT_INTERVAL", "0", "COLLECT_INTERVAL: '0' must be a whole number of seconds greater than 0.")]
    [InlineData("COLLECT_INTERVAL", "-5", "COLLECT_INTERVAL: '-5' must be a whole number of seconds greater than 0.")]
    [InlineData("COLLECT_INTERVAL", "often", "COLLECT_INTERVAL: 'often' must be a whole number of seconds greater than 0.")]
    [InlineData("Monitor:PollInterval", "00:00:00", "Monitor:PollInterval: '00:00:00' must be greater than zero.")]
    [InlineData("Monitor:PollInterval", "soon", "Monitor:PollInterval: 'soon' is not a duration")]
    [InlineData("EXPORTER_PORT", "70000", "EXPORTER_PORT: '70000' must be a whole number from 1 to 65535.")]
    [InlineData("Monitor:ListenAddress", "everywhere", "Monitor:ListenAddress: 'everywhere' must be *, localhost or an IP address.")]
    [InlineData("Monitor:GrafanaUrl", "grafana:3000", "Monitor:GrafanaUrl: 'grafana:3000' is not an absolute http:// or https:// URL")]
    [InlineData("Monitor:GrafanaUrl", "javascript:alert(1)", "Monitor:GrafanaUrl: 'javascript:alert(1)' is not an absolute http:// or https:// URL")]
    [InlineData("Monitor:GrafanaUrl", "https://admin:pw@grafana/", "Monitor:GrafanaUrl: 'https://admin:pw@grafana/' carries credentials")]
    public void InvalidSetting_NamesTheSettingAndTheValue(string key, string value, string expected)
    {
        var (_, errors) = Load((key, value));

        Assert.Contains(errors, e => e.StartsWith(expected, StringComparison.Ordinal));
    }

    [Fact]
    public void GrafanaUrl_UnsetByDefault_KeptAsGivenWithPathAndQuery()
    {
        var (defaults, _) = Load();
        var (options, errors) = Load(("Monitor:GrafanaUrl", " http://grafana:3000/d/ollama?orgId=1 "));

        Assert.Null(defaults.GrafanaUrl);
        Assert.Empty(errors);
        Assert.Equal("http://grafana:3000/d/ollama?orgId=1", options.GrafanaUrl);
    }

    [Fact]
    public void DuplicateNames_NameBothSettings()
    {
        var (_, errors) = Load(("Monitor:Hosts:0:Url", "http://h:11434"), ("OLLAMA_URL", "http://h:11434"));

        Assert.Equal(["OLLAMA_URL: host name 'h:11434' is used twice (also by Monitor:Hosts:0:Name); give each host its own name."], errors);
    }

    [Theory]
    [InlineData("Monitor:Hosts:0:Name", "a/b", "Monitor:Hosts:0:Name: host name 'a/b' may hold only")]
    [InlineData("Monitor:Hosts:0:Labels:host", "x", "Monitor:Hosts:0:Labels: label key 'host' is reserved.")]
    [InlineData("Monitor:Hosts:0:Labels:9lives", "x", "Monitor:Hosts:0:Labels: label key '9lives' must be a Prometheus label name")]
    public void InvalidHostEntry_NamesTheEntry(string key, string value, string expected)
    {
        var (_, errors) = Load(("Monitor:Hosts:0:Url", "http://h:1"), (key, value));

        Assert.Contains(errors, e => e.StartsWith(expected, StringComparison.Ordinal));
    }

    [Fact]
    public void HostWithoutUrl_IsAnError()
    {
        var (_, errors) = Load(("Monitor:Hosts:0:Name", "gpu"));

        Assert.Equal(["Monitor:Hosts:0:Url: '' is empty; give the host's base URL, for example http://gpu-box-1:11434."], errors);
    }
}
