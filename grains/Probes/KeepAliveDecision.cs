namespace OllamaOrleans.Grains.Probes;

/// <summary>
/// What a probe sends as <c>keep_alive</c>: nothing (<see cref="Omit"/>), a number of seconds, or -1
/// (forever); or the reason not to probe at all.
/// </summary>
public sealed record KeepAliveDecision(bool Probe, double? Seconds, string? SkipReason)
{
    public static KeepAliveDecision Omit { get; } = new(true, null, null);

    public static KeepAliveDecision Send(double seconds) => new(true, seconds, null);

    public static KeepAliveDecision Skip(string reason) => new(false, null, reason);
}
