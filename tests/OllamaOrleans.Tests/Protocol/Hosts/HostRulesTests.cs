using OllamaOrleans.Protocol.Hosts;

namespace OllamaOrleans.Tests.Protocol.Hosts;

/// <summary>The rules every host name, URL and label obeys, from configuration and from the API alike.</summary>
public sealed class HostRulesTests
{
    [Theory]
    [InlineData("gpu-box-1")]
    [InlineData("10.0.0.5:11434")]
    [InlineData("[::1]:11434")]
    [InlineData("a")]
    public void CheckName_AcceptsNamesThatFitKeysAndLabels(string name) => Assert.Null(HostRules.CheckName(name));

    [Theory]
    [InlineData("")]
    [InlineData("gpu/box")]
    [InlineData("gpu box")]
    [InlineData("-gpu")]
    [InlineData("gpü")]
    [InlineData("gpu\n")]
    public void CheckName_RefusesOtherCharacters(string name) => Assert.NotNull(HostRules.CheckName(name));

    [Fact]
    public void CheckName_RefusesMoreThan128Characters()
    {
        Assert.Null(HostRules.CheckName(new string('a', 128)));
        Assert.Equal("must be 1 to 128 characters long", HostRules.CheckName(new string('a', 129)));
    }

    [Theory]
    [InlineData("ftp://h:1", "is not an absolute http:// or https:// URL, for example http://gpu-box-1:11434")]
    [InlineData("file:///etc/passwd", "is not an absolute http:// or https:// URL, for example http://gpu-box-1:11434")]
    [InlineData("gopher://h/", "is not an absolute http:// or https:// URL, for example http://gpu-box-1:11434")]
    [InlineData("http://user:pw@h:1", "carries credentials; Ollama takes none, and they would end up in labels and logs")]
    [InlineData("http://token@h:1", "carries credentials; Ollama takes none, and they would end up in labels and logs")]
    [InlineData("http://h:1/?x=1", "has a query or fragment; give only the base URL")]
    [InlineData("  ", "is empty; give the host's base URL, for example http://gpu-box-1:11434")]
    public void CheckUrl_RefusesOtherSchemesCredentialsAndQueries(string url, string error) => Assert.Equal(error, HostRules.CheckUrl(url).Error);

    [Fact]
    public void CheckUrl_AcceptsHttpAndHttps()
    {
        Assert.Equal("http://h:1/", HostRules.CheckUrl("http://h:1").Url!.AbsoluteUri);
        Assert.Equal("https://h/ollama/", HostRules.CheckUrl("https://h/ollama/").Url!.AbsoluteUri);
    }

    [Theory]
    [InlineData("1rack", "v", "label key '1rack' must be a Prometheus label name ([a-zA-Z_][a-zA-Z0-9_]*, not starting with __, at most 64 characters)")]
    [InlineData("__meta", "v", "label key '__meta' must be a Prometheus label name ([a-zA-Z_][a-zA-Z0-9_]*, not starting with __, at most 64 characters)")]
    [InlineData("ra-ck", "v", "label key 'ra-ck' must be a Prometheus label name ([a-zA-Z_][a-zA-Z0-9_]*, not starting with __, at most 64 characters)")]
    [InlineData("host", "v", "label key 'host' is reserved")]
    [InlineData("rack", "a\nb", "label 'rack' has a value with control characters or invalid Unicode")]
    [InlineData("rack", "a\u0000", "label 'rack' has a value with control characters or invalid Unicode")]
    public void CheckLabel_RefusesBadKeysAndValues(string key, string value, string error) => Assert.Equal(error, HostRules.CheckLabel(key, value));

    [Fact]
    public void CheckLabel_RefusesLoneSurrogates()
    {
        // Built in code: theory data would not carry a lone surrogate through serialization.
        Assert.Equal("label 'rack' has a value with control characters or invalid Unicode", HostRules.CheckLabel("rack", "\ud800x"));
        Assert.Equal("label 'rack' has a value with control characters or invalid Unicode", HostRules.CheckLabel("rack", "x\udc00"));
        Assert.Equal("label 'rack' has a value with control characters or invalid Unicode", HostRules.CheckLabel("rack", "\udc00\ud800"));
    }

    [Fact]
    public void CheckLabel_BoundsLengthsAndAcceptsUnicodeText()
    {
        Assert.Null(HostRules.CheckLabel(new string('k', 64), new string('v', 256)));
        Assert.Null(HostRules.CheckLabel("site", "Zürich 🚀 東京"));
        Assert.NotNull(HostRules.CheckLabel(new string('k', 65), "v"));
        Assert.Equal("label 'site' has a value longer than 256 characters", HostRules.CheckLabel("site", new string('v', 257)));
    }
}
