namespace OllamaOrleans.Silo.Resources;

public sealed partial class HostProcessTracker
{
    [LoggerMessage(1, LogLevel.Information, "Host {Host}: its Ollama server is process {Pid} (found by {How}); its runners are that process's descendants.")]
    private static partial void LogServerFound(ILogger logger, string host, int pid, string how);

    [LoggerMessage(2, LogLevel.Information, "Host {Host}: Ollama server process {Pid} has exited; looking for the one that replaces it.")]
    private static partial void LogServerGone(ILogger logger, string host, int pid);

    [LoggerMessage(3, LogLevel.Warning, "Host {Host}: no Ollama server process visible by {How}; its process figures are missing until one is. If Ollama runs as another user, run the silo as that user or as root, or set Resources:Processes (PidFile or Cgroup) for this host.")]
    private static partial void LogServerMissing(ILogger logger, string host, string how);
}
