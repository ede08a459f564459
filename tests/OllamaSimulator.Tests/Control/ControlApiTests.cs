using System.Net.Sockets;
using System.Text.Json;
using OllamaSimulator.Tests.Support;

namespace OllamaSimulator.Tests.Control;

public sealed class ControlApiTests
{
    [Fact]
    public async Task Hosts_ListsEveryHostWithFaultModelsAndCounters()
    {
        await using var sim = await TestSimulator.StartAsync(o => o.With(hosts: 3));
        using var control = sim.ControlClient();
        var hosts = (await control.GetReplyAsync("/_sim/hosts")).Json.GetProperty("hosts").EnumerateArray().ToList();

        Assert.Equal(sim.Hosts.Select(h => h.Port), hosts.Select(h => h.GetProperty("port").GetInt32()));
        Assert.Equal(["port", "base_url", "fault", "delay_ms", "models", "counters"], hosts[0].EnumerateObject().Select(p => p.Name));
        Assert.Equal("none", hosts[0].GetProperty("fault").GetString());
        Assert.Equal(DefaultModels.All.Count, hosts[0].GetProperty("models").GetArrayLength());
        Assert.Equal("absent", hosts[0].GetProperty("models")[0].GetProperty("state").GetString());
    }

    [Fact]
    public async Task Fault_SetThroughTheControlApi_TakesEffect_AndHeals()
    {
        await using var sim = await TestSimulator.StartAsync(o => o.With(hosts: 2));
        var host = sim.Hosts[1];
        using var control = sim.ControlClient();
        using var client = host.Client();

        var down = await control.PostAsync($"/_sim/hosts/{host.Port}/fault", "{\"mode\":\"down\"}");
        var refused = await Assert.ThrowsAsync<HttpRequestException>(() => client.GetStringAsync("/"));
        var slow = await control.PostAsync($"/_sim/hosts/{host.Port}/fault", "{\"mode\":\"slow\",\"delayMs\":50}");
        var healed = await control.PostAsync($"/_sim/hosts/{host.Port}/fault", "{\"mode\":\"none\"}");

        Assert.Equal(200, down.Status);
        Assert.Equal("down", down.Json.GetProperty("fault").GetString());
        Assert.Equal(SocketError.ConnectionRefused, Assert.IsType<SocketException>(refused.InnerException).SocketErrorCode);
        Assert.Equal(50, slow.Json.GetProperty("delay_ms").GetInt32());
        Assert.Equal("none", healed.Json.GetProperty("fault").GetString());
        Assert.Equal(FaultMode.None, host.Fault);
        Assert.Equal("Ollama is running", await client.GetStringAsync("/"));
        Assert.Equal(FaultMode.None, sim.Hosts[0].Fault);
    }

    [Theory]
    [InlineData("{\"mode\":\"explode\"}", 400, "unknown fault mode \"explode\"; expected one of none, down, hang, slow, error, malformed, truncated, slowps")]
    [InlineData("{\"mode\":\"1\"}", 400, "unknown fault mode \"1\"; expected one of none, down, hang, slow, error, malformed, truncated, slowps")]
    [InlineData("{\"mode\":\"slow\"}", 400, "mode \"slow\" needs a non-negative \"delayMs\"")]
    [InlineData("{\"mode\":\"slowps\"}", 400, "mode \"slowps\" needs a non-negative \"delayMs\"")]
    [InlineData("not json", 400, null)]
    public async Task Fault_BadRequests_AreJson400s(string body, int status, string? message)
    {
        await using var sim = await TestSimulator.StartAsync();
        using var control = sim.ControlClient();
        var reply = await control.PostAsync($"/_sim/hosts/{sim.Hosts[0].Port}/fault", body);

        Assert.Equal(status, reply.Status);
        Assert.Equal("application/json; charset=utf-8", reply.ContentType);
        if (message is not null)
        {
            Assert.Equal(message, reply.Error);
        }

        Assert.Equal(FaultMode.None, sim.Hosts[0].Fault);
    }

    [Fact]
    public async Task UnknownPort_Is404Json_NonNumberIs400()
    {
        await using var sim = await TestSimulator.StartAsync();
        using var control = sim.ControlClient();
        var unknown = await control.PostAsync("/_sim/hosts/1/fault", "{\"mode\":\"down\"}");
        var notNumber = await control.GetReplyAsync("/_sim/hosts/abc/stats");

        Assert.Equal((404, "no simulated host on port 1"), (unknown.Status, unknown.Error));
        Assert.Equal(400, notNumber.Status);
    }

    [Fact]
    public async Task Models_AddAndDelete_ChangeTheHostsTags()
    {
        await using var sim = await TestSimulator.StartAsync();
        var host = sim.Hosts[0];
        using var control = sim.ControlClient();
        using var client = host.Client();
        var added = await control.PostAsync(
            $"/_sim/hosts/{host.Port}/models",
            "{\"name\":\"mistral:7b\",\"size\":4113301824,\"details\":{\"family\":\"llama\",\"parameter_size\":\"7.2B\",\"quantization_level\":\"Q4_0\"},\"capabilities\":[\"completion\",\"tools\"]}");
        var listed = (await client.GetReplyAsync("/api/tags")).Body;
        using var delete = await control.DeleteAsync($"/_sim/hosts/{host.Port}/models/{Uri.EscapeDataString("mistral:7b")}");
        using var again = await control.DeleteAsync($"/_sim/hosts/{host.Port}/models/mistral:7b");

        Assert.Equal(200, added.Status);
        Assert.Equal("mistral:7b", added.Json.GetProperty("name").GetString());
        Assert.Contains("\"name\":\"mistral:7b\"", listed, StringComparison.Ordinal);
        Assert.Equal(200, (int)delete.StatusCode);
        Assert.DoesNotContain("mistral", (await client.GetReplyAsync("/api/tags")).Body, StringComparison.Ordinal);
        Assert.Equal(404, (int)again.StatusCode);
    }

    [Theory]
    [InlineData("{\"size\":1}", "'name' is required")]
    [InlineData("{\"name\":\"x\",\"digest\":\"sha256:abc\"}", "model \"x\": digest must be 64 lowercase hex characters without a sha256: prefix")]
    [InlineData("{\"name\":\"x\",\"capabilities\":[\"flying\"]}", "model \"x\": unknown capability \"flying\"")]
    [InlineData("{\"name\":\"x\",\"size\":\"big\"}", "'size' must be an integer")]
    public async Task Models_Invalid_Is400WithTheReason(string body, string message)
    {
        await using var sim = await TestSimulator.StartAsync();
        using var control = sim.ControlClient();
        var reply = await control.PostAsync($"/_sim/hosts/{sim.Hosts[0].Port}/models", body);

        Assert.Equal((400, message), (reply.Status, reply.Error));
    }

    [Fact]
    public async Task LoadUnloadCrashAndStats_WorkOverHttp()
    {
        await using var sim = await TestSimulator.StartAsync();
        var host = sim.Hosts[0];
        using var control = sim.ControlClient();
        var load = await control.PostAsync($"/_sim/hosts/{host.Port}/models/llama3.2/load", "{\"keep_alive\":-1}");
        var models = await control.GetReplyAsync($"/_sim/hosts/{host.Port}/models");
        var crash = await control.PostAsync($"/_sim/hosts/{host.Port}/models/llama3.2/crash", "");
        var crashAgain = await control.PostAsync($"/_sim/hosts/{host.Port}/models/llama3.2/crash", "");
        await control.PostAsync($"/_sim/hosts/{host.Port}/models/qwen2.5:7b/load", "");
        var unload = await control.PostAsync($"/_sim/hosts/{host.Port}/models/qwen2.5:7b/unload", "");
        var stats = await control.GetReplyAsync($"/_sim/hosts/{host.Port}/stats");

        Assert.Equal(200, load.Status);
        var llama = models.Json.EnumerateArray().Single(m => m.GetProperty("name").GetString() == "llama3.2:latest");
        Assert.Equal(("loaded", "forever"), (llama.GetProperty("state").GetString(), llama.GetProperty("keep_alive").GetString()));
        Assert.Equal(200, crash.Status);
        Assert.Equal(409, crashAgain.Status);
        Assert.Equal(200, unload.Status);
        Assert.Equal(ModelState.Absent, host.GetModelState("qwen2.5:7b").State);
        // The crashed runner stays loaded until a request or its keep-alive replaces it (server/sched.go).
        Assert.Equal((2, 1), (stats.Json.GetProperty("loads").GetInt32(), stats.Json.GetProperty("unloads").GetInt32()));
    }

    [Fact]
    public async Task Stats_CountRequestsByEndpointAndStatus()
    {
        await using var sim = await TestSimulator.StartAsync();
        var host = sim.Hosts[0];
        using var client = host.Client();
        using var control = sim.ControlClient();
        await client.GetStringAsync("/api/tags");
        await client.GetStringAsync("/api/tags");
        await client.PostAsync("/api/show", "{\"model\":\"nope\"}");
        await client.GetReplyAsync("/nowhere");
        var stats = (await control.GetReplyAsync($"/_sim/hosts/{host.Port}/stats")).Json;
        var requests = stats.GetProperty("requests").EnumerateArray()
            .ToDictionary(r => $"{r.GetProperty("endpoint").GetString()} {r.GetProperty("status").GetInt32()}", r => r.GetProperty("count").GetInt32());

        Assert.Equal(new Dictionary<string, int> { ["GET /api/tags 200"] = 2, ["POST /api/show 404"] = 1, ["unmatched 404"] = 1 }, requests);
        Assert.Equal(4, stats.GetProperty("total_requests").GetInt32());
        Assert.Equal(2, host.Counters.RequestCount("GET /api/tags", 200));
    }
}
