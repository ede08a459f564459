using System.Globalization;
using System.Text;
using System.Text.Json;
using OllamaSimulator.Api;
using OllamaSimulator.Http;
using OllamaSimulator.Json;
using OllamaSimulator.Models;

namespace OllamaSimulator.Control;

/// <summary>
/// The simulator's own HTTP API (<c>/_sim/...</c>), so that tests driving a separate simulator process can
/// inject faults, change stores and read counters. Errors are <c>{"error":"..."}</c>.
/// </summary>
internal sealed class ControlApi : IHttpHandler
{
    private readonly IReadOnlyDictionary<int, SimulatedOllama> hosts;
    private readonly TimeProvider time;
    private readonly RouteTable routes = new();

    public ControlApi(IReadOnlyDictionary<int, SimulatedOllama> hosts, TimeProvider time)
    {
        this.hosts = hosts;
        this.time = time;
        routes.Add("GET", "/_sim/hosts", ListHosts)
            .Add("GET", "/_sim/hosts/:port", (_, response, route, _) => WithHost(response, route, host => Json(response, j => ControlJson.WriteHost(j, host, time))))
            .Add("GET", "/_sim/hosts/:port/stats", (_, response, route, _) => WithHost(response, route, host => Json(response, j => ControlJson.WriteCounters(j, host.Counters))))
            .Add("GET", "/_sim/hosts/:port/models", (_, response, route, _) => WithHost(response, route, host => Json(response, j => ControlJson.WriteStates(j, host.GetModelStates(), time))))
            .Add("POST", "/_sim/hosts/:port/fault", SetFault)
            .Add("POST", "/_sim/hosts/:port/models", AddModel)
            .Add("DELETE", "/_sim/hosts/:port/models/:name", RemoveModel)
            .Add("POST", "/_sim/hosts/:port/models/:name/load", LoadModel)
            .Add("POST", "/_sim/hosts/:port/models/:name/unload", (_, response, route, _) => WithModel(response, route, async (host, name) =>
            {
                await host.UnloadAsync(name);
                await Json(response, j => j.StartObject().Property("unloaded", name).EndObject());
            }))
            .Add("POST", "/_sim/hosts/:port/models/:name/crash", (_, response, route, _) => WithModel(response, route, (host, name) =>
                host.CrashRunner(name)
                    ? Json(response, j => j.StartObject().Property("crashed", name).EndObject())
                    : Reply.ErrorAsync(response, 409, $"model \"{name}\" is not loaded on port {host.Port}")));
    }

    public Task HandleAsync(HttpRequest request, HttpResponse response, CancellationToken cancellationToken) =>
        routes.DispatchAsync(request, response, null, _ => { }, cancellationToken);

    private static Task Json(HttpResponse response, Action<GoJsonWriter> write, int status = 200)
    {
        var json = new GoJsonWriter();
        write(json);
        return Reply.JsonAsync(response, json, status);
    }

    private Task ListHosts(HttpRequest request, HttpResponse response, CancellationToken cancellationToken) => Json(response, json =>
    {
        json.StartObject().Name("hosts").StartArray();
        foreach (var host in hosts.Values.OrderBy(h => h.Port))
        {
            ControlJson.WriteHost(json, host, time);
        }

        json.EndArray().EndObject();
    });

    private Task WithHost(HttpResponse response, IReadOnlyDictionary<string, string> route, Func<SimulatedOllama, Task> action)
    {
        if (!int.TryParse(route["port"], NumberStyles.None, CultureInfo.InvariantCulture, out var port))
        {
            return Reply.ErrorAsync(response, 400, $"port must be a number, not \"{route["port"]}\"");
        }

        return hosts.TryGetValue(port, out var host) ? action(host) : Reply.ErrorAsync(response, 404, $"no simulated host on port {port}");
    }

    private Task WithModel(HttpResponse response, IReadOnlyDictionary<string, string> route, Func<SimulatedOllama, string, Task> action) =>
        WithHost(response, route, host =>
        {
            var name = route["name"];
            return host.Models.Any(m => ModelName.Parse(m.Name).Key == ModelName.Parse(name).Key)
                ? action(host, name)
                : Reply.ErrorAsync(response, 404, $"no model \"{name}\" on port {host.Port}");
        });

    private Task SetFault(HttpRequest request, HttpResponse response, IReadOnlyDictionary<string, string> route, CancellationToken cancellationToken) =>
        WithHost(response, route, host =>
        {
            if (!TryReadObject(request, out var body, out var error))
            {
                return Reply.ErrorAsync(response, 400, error);
            }

            var modeText = body.TryGetProperty("mode", out var m) && m.ValueKind == JsonValueKind.String ? m.GetString()! : "";
            if (!Enum.TryParse<FaultMode>(modeText, ignoreCase: true, out var mode) || !Enum.IsDefined(mode) || modeText.Any(char.IsDigit))
            {
                var known = string.Join(", ", Enum.GetValues<FaultMode>().Select(ControlJson.FaultName));
                return Reply.ErrorAsync(response, 400, $"unknown fault mode \"{modeText}\"; expected one of {known}");
            }

            TimeSpan? delay = null;
            if ((body.TryGetProperty("delayMs", out var d) || body.TryGetProperty("delay_ms", out d)) && d.ValueKind == JsonValueKind.Number)
            {
                delay = TimeSpan.FromMilliseconds(d.GetDouble());
            }

            if ((mode.IsDelay() && delay is null) || delay < TimeSpan.Zero)
            {
                return Reply.ErrorAsync(response, 400, $"mode \"{ControlJson.FaultName(mode)}\" needs a non-negative \"delayMs\"");
            }

            host.SetFault(mode, delay);
            return Json(response, j => ControlJson.WriteHost(j, host, time, withModels: false));
        });

    private Task AddModel(HttpRequest request, HttpResponse response, IReadOnlyDictionary<string, string> route, CancellationToken cancellationToken) =>
        WithHost(response, route, host =>
        {
            SimulatedModel model;
            try
            {
                model = ModelJson.ReadOne(Encoding.UTF8.GetString(request.Body));
            }
            catch (ArgumentException e)
            {
                return Reply.ErrorAsync(response, 400, e.Message);
            }

            host.AddModel(model, checkName: false);
            return Json(response, j => ModelJson.Write(j, model, time));
        });

    private Task RemoveModel(HttpRequest request, HttpResponse response, IReadOnlyDictionary<string, string> route, CancellationToken cancellationToken) =>
        WithHost(response, route, host => host.RemoveModel(route["name"])
            ? Json(response, j => j.StartObject().Property("removed", route["name"]).EndObject())
            : Reply.ErrorAsync(response, 404, $"no model \"{route["name"]}\" on port {host.Port}"));

    private Task LoadModel(HttpRequest request, HttpResponse response, IReadOnlyDictionary<string, string> route, CancellationToken cancellationToken) =>
        WithModel(response, route, async (host, name) =>
        {
            TimeSpan? keepAlive = null;
            if (request.Body.Length > 0)
            {
                if (!TryReadObject(request, out var body, out var error))
                {
                    await Reply.ErrorAsync(response, 400, error);
                    return;
                }

                if (body.TryGetProperty("keep_alive", out var value))
                {
                    keepAlive = GoDuration.ReadKeepAlive(value, out var keepAliveError);
                    if (keepAliveError is not null)
                    {
                        await Reply.ErrorAsync(response, 400, keepAliveError);
                        return;
                    }
                }
            }

            await host.LoadAsync(name, keepAlive, cancellationToken);
            await Json(response, j => j.StartObject().Property("loaded", name).EndObject());
        });

    private static bool TryReadObject(HttpRequest request, out JsonElement body, out string error)
    {
        body = default;
        error = "";
        try
        {
            using var document = JsonDocument.Parse(request.Body);
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                error = "expected a JSON object";
                return false;
            }

            body = document.RootElement.Clone();
            return true;
        }
        catch (JsonException e)
        {
            error = $"invalid JSON: {e.Message}";
            return false;
        }
    }
}
