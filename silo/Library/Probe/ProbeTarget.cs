using OllamaOrleans.Protocol.Hosts;

namespace OllamaOrleans.Silo.Probe;

/// <summary>
/// The <c>target</c> of <c>/probe</c>: a base URL, or <c>host:port</c> as Prometheus' <c>__address__</c>
/// holds it (then http). Checked with the same rules as a registered host's URL.
/// </summary>
public static class ProbeTarget
{
    public static (Uri? Url, string? Error) Parse(string? target)
    {
        if (string.IsNullOrWhiteSpace(target))
        {
            return (null, "is required: the Ollama host to probe, as a URL or host:port");
        }

        var text = target.Trim();
        return HostRules.CheckUrl(text.Contains("://", StringComparison.Ordinal) ? text : "http://" + text);
    }
}
