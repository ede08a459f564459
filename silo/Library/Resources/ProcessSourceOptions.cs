namespace OllamaOrleans.Silo.Resources;

/// <summary>
/// How to find one host's Ollama processes when the listening port will not do (<c>Resources:Processes:N</c>):
/// a PID file naming the server, or the cgroup that holds server and runners (a systemd unit).
/// </summary>
public sealed class ProcessSourceOptions
{
    /// <summary>The configured host name this applies to.</summary>
    public string? Host { get; set; }

    public string? PidFile { get; set; }

    /// <summary>A cgroup v2 path below <c>/sys/fs/cgroup</c>, e.g. <c>system.slice/ollama.service</c>.</summary>
    public string? Cgroup { get; set; }

    /// <summary>The setting this entry came from, so an error can name it.</summary>
    internal string Setting { get; set; } = "Resources:Processes";
}
