using OllamaSimulator.Json;

namespace OllamaSimulator.Control;

/// <summary>How the control API shows hosts, model states and counters.</summary>
internal static class ControlJson
{
    public static void WriteHost(GoJsonWriter json, SimulatedOllama host, TimeProvider time, bool withModels = true)
    {
        json.StartObject()
            .Property("port", host.Port)
            .Property("base_url", host.BaseUri.ToString())
            .Property("fault", FaultName(host.Fault))
            .Property("delay_ms", (long)host.FaultDelay.TotalMilliseconds);
        if (withModels)
        {
            WriteStates(json.Name("models"), host.GetModelStates(), time);
        }

        WriteCounters(json.Name("counters"), host.Counters);
        json.EndObject();
    }

    public static void WriteStates(GoJsonWriter json, IReadOnlyList<ModelStateView> states, TimeProvider time)
    {
        json.StartArray();
        foreach (var state in states)
        {
            json.StartObject()
                .Property("name", state.Name)
                .Property("state", state.State.ToString().ToLowerInvariant())
                .Property("ref_count", state.RefCount)
                .Name("expires_at");
            if (state.ExpiresAt is { } expires)
            {
                json.String(GoTime.FormatLocal(expires, time));
            }
            else
            {
                json.Null();
            }

            json.Name("keep_alive");
            if (state.KeepAlive is { } keepAlive)
            {
                json.String(keepAlive >= GoDuration.Forever ? "forever" : GoDuration.Format(keepAlive));
            }
            else
            {
                json.Null();
            }

            json.Property("loads", state.Loads)
                .Property("unloads", state.Unloads)
                .Property("context_length", state.ContextLength)
                .EndObject();
        }

        json.EndArray();
    }

    public static void WriteCounters(GoJsonWriter json, SimulatorCounters counters)
    {
        json.StartObject().Name("requests").StartArray();
        foreach (var ((endpoint, status), count) in counters.Requests.OrderBy(r => r.Key.Endpoint, StringComparer.Ordinal).ThenBy(r => r.Key.Status))
        {
            json.StartObject().Property("endpoint", endpoint).Property("status", status).Property("count", count).EndObject();
        }

        json.EndArray()
            .Property("total_requests", counters.TotalRequests)
            .Property("loads", counters.Loads)
            .Property("unloads", counters.Unloads)
            .Property("evictions", counters.Evictions)
            .Property("generated_tokens", counters.GeneratedTokens)
            .Property("prompt_tokens", counters.PromptTokens)
            .Property("server_busy", counters.ServerBusy)
            .EndObject();
    }

    public static string FaultName(FaultMode mode) => mode.ToString().ToLowerInvariant();
}
