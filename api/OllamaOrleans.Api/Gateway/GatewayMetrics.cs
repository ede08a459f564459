using Prometheus;

namespace OllamaOrleans.Api.Gateway;

/// <summary>
/// The gateway's own series (each gateway process counts what passed through it): requests in flight,
/// every proxied request, client disconnects, per-client usage, and measurements it could not deliver.
/// Models in labels are those the host lists or <see cref="ModelAdmission.Other"/>; series of a host or
/// model that is gone are removed by <see cref="Forget"/>.
/// </summary>
public sealed class GatewayMetrics
{
    private readonly Gauge inFlight = Metrics.CreateGauge("ollama_requests_in_flight", "Requests the gateway has in flight to a host, per model.", "host", "model");
    private readonly Counter requests = Metrics.CreateCounter("ollama_gateway_requests_total", "Requests proxied by the gateway, measured or passed through (endpoint=other), by status or failure class.", "host", "endpoint", "status");
    private readonly Counter disconnects = Metrics.CreateCounter("ollama_client_disconnects_total", "Requests whose client went away before the answer was complete.", "host", "model");
    private readonly Counter clientRequests = Metrics.CreateCounter("ollama_client_requests_total", "Measured requests per client (API key name or client header) and status class.", "client", "status_class");
    private readonly Counter clientTokens = Metrics.CreateCounter("ollama_client_tokens_total", "Tokens per client: kind=prompt or generation.", "client", "kind");
    private readonly Counter clientOverflow = Metrics.CreateCounter("ollama_gateway_clients_overflow_total", "Requests counted as client=\"other\" because Gateway:MaxClients distinct clients were already tracked.");
    private readonly Counter dropped = Metrics.CreateCounter("ollama_gateway_records_dropped_total", "Measurements not delivered to the model grains: reason=queue_full or cluster_unreachable.", "reason");

    /// <summary>Both drop reasons start at 0, so that rate() and the alert see the first drops.</summary>
    public GatewayMetrics()
    {
        dropped.WithLabels("queue_full");
        dropped.WithLabels("cluster_unreachable");
    }

    /// <summary>Sets the in-flight gauge; <see cref="InFlightTracker"/> calls it under its lock.</summary>
    public void InFlight(string host, string model, int value) => inFlight.WithLabels(host, model).Set(value);

    public void RemoveInFlight(string host, string model) => inFlight.RemoveLabelled(host, model);

    public void Request(string host, string endpoint, string status) => requests.WithLabels(host, endpoint, status).Inc();

    public void Disconnect(string host, string model) => disconnects.WithLabels(host, model).Inc();

    public void Client(string client, string status, long promptTokens, long generationTokens)
    {
        clientRequests.WithLabels(client, StatusClass(status)).Inc();
        clientTokens.WithLabels(client, "prompt").Inc(promptTokens);
        clientTokens.WithLabels(client, "generation").Inc(generationTokens);
    }

    public void ClientOverflowed() => clientOverflow.Inc();

    public void Dropped(string reason, int count) => dropped.WithLabels(reason).Inc(count);

    /// <summary>Measurements dropped so far for <paramref name="reason"/>.</summary>
    public double DroppedSoFar(string reason) => dropped.WithLabels(reason).Value;

    /// <summary>
    /// Removes the request and disconnect series of hosts <paramref name="keepHost"/> refuses and of
    /// models <paramref name="keepModel"/> refuses (the in-flight gauge is the tracker's to remove, as
    /// only it knows when a series is idle).
    /// </summary>
    public void Forget(Func<string, bool> keepHost, Func<string, string, bool> keepModel)
    {
        foreach (var labels in requests.GetAllLabelValues().ToList())
        {
            if (!keepHost(labels[0]))
            {
                requests.RemoveLabelled(labels);
            }
        }

        foreach (var labels in disconnects.GetAllLabelValues().ToList())
        {
            if (!keepModel(labels[0], labels[1]))
            {
                disconnects.RemoveLabelled(labels);
            }
        }
    }

    private static string StatusClass(string status) =>
        status.Length == 3 && char.IsAsciiDigit(status[0]) ? status[0] + "xx" : "error";
}
