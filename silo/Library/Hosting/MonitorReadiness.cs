namespace OllamaOrleans.Silo.Hosting;

/// <summary>Whether this silo has joined its cluster and the host registry has been seeded.</summary>
public sealed class MonitorReadiness
{
    private volatile string? problem = "starting";

    public bool IsReady => problem is null;

    public string? Problem => problem;

    public void MarkReady() => problem = null;

    public void MarkNotReady(string reason) => problem = reason;
}
