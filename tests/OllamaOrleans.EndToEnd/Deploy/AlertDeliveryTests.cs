using System.Diagnostics;
using System.Text.Json;
using OllamaOrleans.EndToEnd.Support;

namespace OllamaOrleans.EndToEnd.Deploy;

/// <summary>
/// The alert path end to end with the repository's rules and routing: silo, Prometheus and
/// Alertmanager as real processes; a simulated host taken down raises OllamaDown in Alertmanager
/// after the rule's minute, routed to the pager; healed, the alert resolves.
/// </summary>
[Collection(WaitingLane2.Name)]
public sealed class AlertDeliveryTests
{
    private static readonly HttpClient Http = new() { Timeout = TimeSpan.FromSeconds(10) };

    [Fact]
    public async Task HostTakenDown_RaisesOllamaDownInAlertmanagerAfterAMinute_AndResolvesWhenHealed()
    {
        await using var stack = await LocalStack.StartAsync(2, new Dictionary<string, string> { ["Monitor__Probes__Mode"] = "Off" });
        var prometheus = stack.Prometheus;
        var victim = stack.SimulatorBasePort + 1;
        var host = LocalStack.HostName(victim);
        await Eventually.WithinAsync(TimeSpan.FromSeconds(30), () => prometheus.ScalarAsync("count(ollama_up == 1)"), n => n == 2, n => $"hosts up: {n}\n{stack.Logs()}");

        // An idle fleet, nothing loaded: no alert at all, not even pending.
        await Eventually.WithinAsync(TimeSpan.FromSeconds(10), prometheus.AlertsAsync, a => a.Count == 0, a => "alerts on an idle fleet: " + string.Join(", ", a ?? []));
        Assert.Empty(await AlertmanagerAlertsAsync(stack));

        var down = Stopwatch.StartNew();
        await stack.SetFaultAsync(victim, "down");
        await Eventually.WithinAsync(TimeSpan.FromSeconds(10), prometheus.AlertsAsync, a => a.SequenceEqual([$"OllamaDown/{host}/pending"]), a => "Prometheus alerts: " + string.Join(", ", a ?? []));
        var raised = await Eventually.WithinAsync(TimeSpan.FromSeconds(90), () => AlertmanagerAlertsAsync(stack), a => a.Count > 0, _ => "no alert in Alertmanager\n" + stack.Logs());

        Assert.True(down.Elapsed >= TimeSpan.FromSeconds(59), $"fired after {down.Elapsed}, before the rule's minute");
        Assert.Equal([$"OllamaDown host={host} severity=critical state=active receiver=pager"], raised);

        await stack.SetFaultAsync(victim, "none");
        await Eventually.WithinAsync(TimeSpan.FromSeconds(30), () => AlertmanagerAlertsAsync(stack), a => a.Count == 0, a => "still in Alertmanager: " + string.Join(", ", a ?? []));
        Assert.Empty(await prometheus.AlertsAsync());
    }

    /// <summary>Alertmanager's unresolved alerts, as "name host=… severity=… state=… receiver=…".</summary>
    private static async Task<IReadOnlyList<string>> AlertmanagerAlertsAsync(LocalStack stack)
    {
        using var document = JsonDocument.Parse(await Http.GetStringAsync(new Uri(stack.AlertmanagerUri, "api/v2/alerts")));
        return [.. document.RootElement.EnumerateArray().Select(a =>
        {
            var labels = a.GetProperty("labels");
            var receivers = string.Join(',', a.GetProperty("receivers").EnumerateArray().Select(r => r.GetProperty("name").GetString()));
            return $"{PrometheusApi.Label(labels, "alertname")} host={PrometheusApi.Label(labels, "host")} severity={PrometheusApi.Label(labels, "severity")} state={a.GetProperty("status").GetProperty("state").GetString()} receiver={receivers}";
        }).Order()];
    }
}
