using OllamaSimulator.Tests.Support;

namespace OllamaSimulator.Tests.Api;

public sealed class ManagementTests
{
    [Fact]
    public async Task Delete_RemovesFromTags_EmptyBody_UnknownIs404()
    {
        await using var sim = await TestSimulator.StartAsync();
        using var client = sim.Hosts[0].Client();
        using var delete = new HttpRequestMessage(HttpMethod.Delete, "/api/delete") { Content = new StringContent("{\"model\":\"gemma3:4b\"}") };
        using var deleted = await client.SendAsync(delete);
        using var again = new HttpRequestMessage(HttpMethod.Delete, "/api/delete") { Content = new StringContent("{\"model\":\"gemma3:4b\"}") };
        var missing = await Reply.ReadAsync(await client.SendAsync(again));

        Assert.Equal(200, (int)deleted.StatusCode);
        Assert.Equal(0, deleted.Content.Headers.ContentLength);
        Assert.DoesNotContain("gemma3", (await client.GetReplyAsync("/api/tags")).Body, StringComparison.Ordinal);
        Assert.Equal(404, missing.Status);
        Assert.Equal("{\"error\":\"model 'gemma3:4b' not found\"}", missing.Body);
    }

    [Fact]
    public async Task Copy_AddsTheDestination_UnknownSourceIs404()
    {
        await using var sim = await TestSimulator.StartAsync();
        using var client = sim.Hosts[0].Client();
        var copied = await client.PostAsync("/api/copy", "{\"source\":\"llama3.2\",\"destination\":\"llama3-backup\"}");
        var missing = await client.PostAsync("/api/copy", "{\"source\":\"nope\",\"destination\":\"x\"}");

        Assert.Equal(200, copied.Status);
        Assert.Equal("", copied.Body);
        Assert.Contains("\"name\":\"llama3-backup:latest\"", (await client.GetReplyAsync("/api/tags")).Body, StringComparison.Ordinal);
        Assert.Equal("{\"error\":\"model \\\"nope\\\" not found\"}", missing.Body);
    }

    [Fact]
    public async Task Pull_HasNoRegistry_FailsAsForAnUnknownModel()
    {
        await using var sim = await TestSimulator.StartAsync();
        using var client = sim.Hosts[0].Client();
        var streamed = await client.PostAsync("/api/pull", "{\"model\":\"llama3.2\"}");
        var whole = await client.PostAsync("/api/pull", "{\"model\":\"llama3.2\",\"stream\":false}");

        Assert.Equal(200, streamed.Status);
        Assert.Equal(["{\"status\":\"pulling manifest\"}", "{\"error\":\"pull model manifest: file does not exist\"}"], streamed.Lines);
        Assert.Equal(500, whole.Status);
        Assert.Equal("{\"error\":\"pull model manifest: file does not exist\"}", whole.Body);
    }
}
