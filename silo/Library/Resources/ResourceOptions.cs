using OllamaOrleans.Silo.Resources.Gpu;
using OllamaOrleans.Silo.Resources.Proc;

namespace OllamaOrleans.Silo.Resources;

/// <summary>
/// The <c>Resources</c> section: process and GPU figures of the hosts whose Ollama runs on this silo's
/// node, sampled every <see cref="IdleInterval"/>, and every <see cref="BusyInterval"/> while a host
/// has requests in flight.
/// </summary>
public sealed class ResourceOptions
{
    public const string Section = "Resources";

    public bool Enabled { get; set; } = true;

    public TimeSpan IdleInterval { get; set; } = TimeSpan.FromSeconds(10);

    public TimeSpan BusyInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Names or addresses this node is also known by, beyond its host name and interface addresses.</summary>
    public List<string> NodeAddresses { get; set; } = [];

    public List<ProcessSourceOptions> Processes { get; set; } = [];

    /// <summary><c>auto</c> (NVIDIA through NVML, AMD through sysfs, whichever is there) or <c>off</c>.</summary>
    public string Gpu { get; set; } = "auto";

    public string NvmlLibrary { get; set; } = Resources.Gpu.NvmlLibrary.DefaultPath;

    /// <summary>Where procfs and sysfs are mounted: a container that sees the host's as /host/proc says so here.</summary>
    public string ProcRoot { get; set; } = ProcFs.DefaultRoot;

    public string SysRoot { get; set; } = AmdSysfsGpuSource.DefaultRoot;
}
