using Microsoft.Extensions.Time.Testing;
using OllamaSimulator.Tests.Support;

namespace OllamaSimulator.Tests.Api;

public sealed class TagsTests
{
    private static readonly TimeZoneInfo PacificDaylight = TimeZoneInfo.CreateCustomTimeZone("test-0700", TimeSpan.FromHours(-7), "test", "test");

    [Fact]
    public async Task Tags_OneModel_ExactBody_InLocalOffset()
    {
        var time = new FakeTimeProvider();
        time.SetLocalTimeZone(PacificDaylight);
        await using var sim = await TestSimulator.StartAsync(o => o.With(models: [DefaultModels.Llama32], time: time));
        using var client = sim.Hosts[0].Client();
        var reply = await client.GetReplyAsync("/api/tags");

        Assert.Equal("application/json; charset=utf-8", reply.ContentType);
        Assert.Equal(
            "{\"models\":[{\"name\":\"llama3.2:latest\",\"model\":\"llama3.2:latest\",\"modified_at\":\"2026-08-01T09:12:44.7060153-07:00\","
            + "\"size\":2019393189,\"digest\":\"a80c4f17acd55265feec403c7aef86be0c25983ab279d83f3bcd3abbcb5b8b72\","
            + "\"details\":{\"parent_model\":\"\",\"format\":\"gguf\",\"family\":\"llama\",\"families\":[\"llama\"],\"parameter_size\":\"3.2B\","
            + "\"quantization_level\":\"Q4_K_M\",\"context_length\":131072,\"embedding_length\":3072},\"capabilities\":[\"completion\",\"tools\"]}]}",
            reply.Body);
    }

    [Fact]
    public async Task Tags_Empty_IsEmptyArrayNotNull()
    {
        await using var sim = await TestSimulator.StartAsync(o => o.With(models: []));
        using var client = sim.Hosts[0].Client();
        Assert.Equal("{\"models\":[]}", (await client.GetReplyAsync("/api/tags")).Body);
    }

    [Fact]
    public async Task Tags_SortedByModifiedAtNewestFirst_DigestsAre64Hex()
    {
        await using var sim = await TestSimulator.StartAsync();
        using var client = sim.Hosts[0].Client();
        var models = (await client.GetReplyAsync("/api/tags")).Json.GetProperty("models").EnumerateArray().ToList();

        var times = models.Select(m => DateTimeOffset.Parse(m.GetProperty("modified_at").GetString()!)).ToList();
        Assert.Equal(times.OrderByDescending(t => t), times);
        Assert.Equal(DefaultModels.All.Count, models.Count);
        Assert.All(models, m => Assert.Matches("^[0-9a-f]{64}$", m.GetProperty("digest").GetString()!));
    }

    [Fact]
    public async Task Tags_NullFamilies_NoLengths_NoCapabilities_AsOllamaOmits()
    {
        var bare = new SimulatedModel { Name = "bare", Size = 10, Capabilities = [] };
        await using var sim = await TestSimulator.StartAsync(o => o.With(models: [bare]));
        using var client = sim.Hosts[0].Client();
        var body = (await client.GetReplyAsync("/api/tags")).Body;

        Assert.Contains("\"name\":\"bare:latest\"", body, StringComparison.Ordinal);
        Assert.Contains("\"families\":null", body, StringComparison.Ordinal);
        Assert.DoesNotContain("context_length", body, StringComparison.Ordinal);
        Assert.DoesNotContain("capabilities", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Tags_OldVersion_LacksLaterFields()
    {
        await using var sim = await TestSimulator.StartAsync(o => o.With(version: "0.9.0"));
        using var client = sim.Hosts[0].Client();
        var body = (await client.GetReplyAsync("/api/tags")).Body;

        Assert.DoesNotContain("capabilities", body, StringComparison.Ordinal);
        Assert.DoesNotContain("context_length", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AddAndRemoveModel_ShowInTagsAtOnce()
    {
        await using var sim = await TestSimulator.StartAsync(o => o.With(models: []));
        var host = sim.Hosts[0];
        using var client = host.Client();
        host.AddModel(new SimulatedModel { Name = "phi3:mini", Size = 2_176_178_913 });
        var added = (await client.GetReplyAsync("/api/tags")).Body;
        Assert.True(host.RemoveModel("PHI3:mini"));
        var removed = (await client.GetReplyAsync("/api/tags")).Body;

        Assert.Contains("\"name\":\"phi3:mini\"", added, StringComparison.Ordinal);
        Assert.Equal("{\"models\":[]}", removed);
    }

    /// <summary>server/create.go CreateHandler stores <c>fromRef.Base</c>: the name without <c>:cloud</c> or <c>-cloud</c>.</summary>
    [Theory]
    [InlineData("gpt-oss:120b-cloud", "gpt-oss:120b")]
    [InlineData("kimi-k2:cloud", "kimi-k2")]
    public async Task CloudModel_IsListedWithRemoteFields(string name, string remote)
    {
        await using var sim = await TestSimulator.StartAsync(o => o.With(models: [new SimulatedModel { Name = name, Size = 384 }]));
        using var client = sim.Hosts[0].Client();
        var body = (await client.GetReplyAsync("/api/tags")).Body;

        Assert.Contains($"\"model\":\"{name}\",\"remote_model\":\"{remote}\",\"remote_host\":\"https://ollama.com:443\"", body, StringComparison.Ordinal);
    }
}
