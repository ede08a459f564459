namespace OllamaOrleans.Silo.Configuration;

/// <summary>One configured host (<c>Monitor:Hosts:N</c>, or an entry of <c>OLLAMA_URL</c>).</summary>
public sealed class HostOptions
{
    /// <summary>Unique name, the <c>host</c> label. Empty: derived from the URL as <c>hostname:port</c>.</summary>
    public string? Name { get; set; }

    public string? Url { get; set; }

    public Dictionary<string, string> Labels { get; set; } = new(StringComparer.Ordinal);

    /// <summary>The setting this entry came from, so an error can name it.</summary>
    internal string Setting { get; set; } = "Monitor:Hosts";
}
