using System.Text;

namespace OllamaSimulator.Tests.Support;

/// <summary>Starts simulators on OS-assigned ports with fast defaults, so tests run in parallel and quickly.</summary>
internal static class TestSimulator
{
    public static Task<SimulatorHost> StartAsync(Func<SimulatorOptions, SimulatorOptions>? configure = null)
    {
        var options = new SimulatorOptions
        {
            LoadTime = TimeSpan.Zero,
            TokensPerSecond = 2000,
        };
        return SimulatorHost.StartAsync(configure?.Invoke(options) ?? options);
    }

    /// <summary>Copies every setting, so a test can change a few with <c>with</c>-like syntax.</summary>
    public static SimulatorOptions With(
        this SimulatorOptions o,
        int? hosts = null,
        IReadOnlyList<SimulatedModel>? models = null,
        TimeSpan? loadTime = null,
        double? tokensPerSecond = null,
        int? responseTokens = null,
        string? version = null,
        int? numParallel = null,
        int? maxLoaded = null,
        int? maxQueue = null,
        TimeSpan? keepAlive = null,
        long? vramBytes = null,
        int? contextLength = null,
        TimeProvider? time = null) => new()
        {
            Hosts = hosts ?? o.Hosts,
            BasePort = o.BasePort,
            ControlPort = o.ControlPort,
            Models = models ?? o.Models,
            LoadTime = loadTime ?? o.LoadTime,
            TokensPerSecond = tokensPerSecond ?? o.TokensPerSecond,
            ResponseTokens = responseTokens ?? o.ResponseTokens,
            Version = version ?? o.Version,
            NumParallel = numParallel ?? o.NumParallel,
            MaxLoadedModels = maxLoaded ?? o.MaxLoadedModels,
            MaxQueue = maxQueue ?? o.MaxQueue,
            DefaultKeepAlive = keepAlive ?? o.DefaultKeepAlive,
            VramBytes = vramBytes ?? o.VramBytes,
            DefaultContextLength = contextLength ?? o.DefaultContextLength,
            TimeProvider = time ?? o.TimeProvider,
        };

    public static HttpClient Client(this SimulatedOllama host, TimeSpan? timeout = null) =>
        new() { BaseAddress = host.BaseUri, Timeout = timeout ?? TimeSpan.FromSeconds(30) };

    public static HttpClient ControlClient(this SimulatorHost simulator) =>
        new() { BaseAddress = simulator.ControlUri, Timeout = TimeSpan.FromSeconds(30) };

    public static async Task<Reply> PostAsync(this HttpClient client, string path, string json, CancellationToken cancellationToken = default)
    {
        using var content = new StringContent(json, Encoding.UTF8, "application/json");
        using var response = await client.PostAsync(path, content, cancellationToken);
        return await Reply.ReadAsync(response);
    }

    public static async Task<Reply> GetReplyAsync(this HttpClient client, string path)
    {
        using var response = await client.GetAsync(path);
        return await Reply.ReadAsync(response);
    }

    /// <summary>Polls a condition the simulator reaches asynchronously (a request attached, a timer fired).</summary>
    public static async Task EventuallyAsync(Func<bool> condition, string what, int timeoutMs = 5000) =>
        Assert.True(await Eventually.TrueWithinAsync(TimeSpan.FromMilliseconds(timeoutMs), condition, TimeSpan.FromMilliseconds(5)), $"timed out waiting for {what}");
}
