namespace OllamaOrleans.Grains.Hosts;

/// <summary>
/// At most one probe per host at a time. A lease expires on its own, so a probe whose grain died
/// never blocks the host's probes for good.
/// </summary>
public sealed class ProbeGate
{
    /// <summary>How long a gateway's report counts without being repeated (gateways repeat every 10 s).</summary>
    public static readonly TimeSpan ReportLifetime = TimeSpan.FromMinutes(1);

    private readonly Dictionary<string, (int InFlight, DateTimeOffset At)> traffic = new(StringComparer.Ordinal);
    private string? holder;
    private DateTimeOffset until;

    /// <summary>Requests in flight on the host by gateway, as the gateways report them; probes wait for zero.</summary>
    public void ReportTraffic(string gateway, int inFlight, DateTimeOffset now)
    {
        if (inFlight <= 0)
        {
            traffic.Remove(gateway);
        }
        else
        {
            traffic[gateway] = (inFlight, now);
        }
    }

    public int TrafficInFlight(DateTimeOffset now) => traffic.Values.Where(t => now - t.At < ReportLifetime).Sum(t => t.InFlight);

    public bool TryEnter(string model, DateTimeOffset now, TimeSpan lease)
    {
        if (TrafficInFlight(now) > 0 || (holder is not null && until > now))
        {
            return false;
        }

        holder = model;
        until = now + lease;
        return true;
    }

    public void Exit(string model)
    {
        if (holder == model)
        {
            holder = null;
        }
    }
}
