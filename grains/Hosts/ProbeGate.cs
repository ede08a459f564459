namespace OllamaOrleans.Grains.Hosts;

/// <summary>
/// At most one probe per host at a time. A lease expires on its own, so a probe whose grain died
/// never blocks the host's probes for good.
/// </summary>
public sealed class ProbeGate
{
    private string? holder;
    private DateTimeOffset until;

    /// <summary>Requests in flight on the host as the gateway reports them; probes wait for zero.</summary>
    public int TrafficInFlight { get; set; }

    public bool TryEnter(string model, DateTimeOffset now, TimeSpan lease)
    {
        if (TrafficInFlight > 0 || (holder is not null && until > now))
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
