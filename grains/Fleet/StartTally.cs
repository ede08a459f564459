namespace OllamaOrleans.Grains.Fleet;

/// <summary>What one start pass did: hosts started, hosts skipped (no longer registered), starts that failed.</summary>
public sealed record StartTally(int Started, int Skipped, int Failed)
{
    public int Total => Started + Skipped + Failed;
}
