using OllamaOrleans.GrainInterfaces.Statistics;
using OllamaOrleans.Grains.Statistics;
using OllamaOrleans.Protocol.Ollama;

namespace OllamaOrleans.Tests.Grains.Statistics;

public sealed class RollingWindowsTests
{
    private static readonly DateTimeOffset T0 = DateTimeOffset.FromUnixTimeSeconds(1_800_000_000);

    private static RequestRecord Ok(DateTimeOffset at, double latency = 1, long prompt = 10, long generated = 20, double genSeconds = 0.5) =>
        new(at, RequestOutcomes.Ok, latency, prompt, generated, genSeconds);

    [Fact]
    public void Summarize_CountsErrorsTokensAndThroughput_Exactly()
    {
        var windows = new RollingWindows();
        windows.Record(Ok(T0));
        windows.Record(Ok(T0.AddSeconds(5), prompt: 5, generated: 30, genSeconds: 1.5));
        windows.Record(new RequestRecord(T0.AddSeconds(6), "503", 0.01, 0, 0, 0));
        windows.Record(new RequestRecord(T0.AddSeconds(7), RequestOutcomes.Timeout, 60, 0, 0, 0));

        var summary = windows.Summarize(StatisticsWindow.OneMinute, T0.AddSeconds(10));

        Assert.Equal(4, summary.Requests);
        Assert.Equal(new Dictionary<string, long> { ["503"] = 1, ["timeout"] = 1 }, summary.ErrorsByClass);
        Assert.Equal(0.5, summary.ErrorRatio);
        Assert.Equal(15, summary.PromptTokens);
        Assert.Equal(50, summary.GenerationTokens);
        Assert.Equal(25.0, summary.TokensPerSecond);
    }

    [Theory]
    [InlineData(StatisticsWindow.OneMinute, 59, 1)]
    [InlineData(StatisticsWindow.OneMinute, 71, 0)]
    [InlineData(StatisticsWindow.FiveMinutes, 299, 1)]
    [InlineData(StatisticsWindow.FiveMinutes, 311, 0)]
    [InlineData(StatisticsWindow.OneHour, 3599, 1)]
    [InlineData(StatisticsWindow.OneHour, 3661, 0)]
    [InlineData(StatisticsWindow.OneDay, 86399, 1)]
    [InlineData(StatisticsWindow.OneDay, 90001, 0)]
    public void Summarize_ARecordLeavesItsWindowAfterTheWindowAndOneBucket(StatisticsWindow window, int secondsLater, long expected)
    {
        var start = DateTimeOffset.FromUnixTimeSeconds(1_800_000_000 - (1_800_000_000 % 3600));
        var windows = new RollingWindows();
        windows.Record(Ok(start));

        Assert.Equal(expected, windows.Summarize(window, start.AddSeconds(secondsLater)).Requests);
    }

    [Fact]
    public void Record_DropsBucketsOlderThanTheirRing()
    {
        var windows = new RollingWindows();
        windows.Record(Ok(T0));
        windows.Record(Ok(T0.AddDays(2)));

        Assert.Single(windows.Fine);
        Assert.Single(windows.Medium);
        Assert.Single(windows.Coarse);
        Assert.Equal(1, windows.Summarize(StatisticsWindow.OneDay, T0.AddDays(2)).Requests);
    }

    [Fact]
    public void Summary_QuantilesComeFromTheMergedSketch()
    {
        var windows = new RollingWindows();
        for (var i = 1; i <= 100; i++)
        {
            windows.Record(Ok(T0.AddSeconds(i % 50), latency: i / 10.0));
        }

        var summary = windows.Summarize(StatisticsWindow.FiveMinutes, T0.AddSeconds(60));

        Assert.InRange(summary.Quantile(0.5)!.Value, 5.0 * 0.98, 5.0 * 1.02);
        Assert.InRange(summary.Quantile(0.99)!.Value, 9.9 * 0.98, 9.9 * 1.02);
    }

    [Fact]
    public void Merge_OfTwoModels_AddsCountsAndBins()
    {
        var a = new RollingWindows();
        var b = new RollingWindows();
        a.Record(Ok(T0, latency: 1));
        b.Record(Ok(T0, latency: 3));
        b.Record(new RequestRecord(T0, "500", 2, 0, 0, 0));

        var merged = a.Summarize(StatisticsWindow.OneHour, T0).Merge(b.Summarize(StatisticsWindow.OneHour, T0));

        Assert.Equal(3, merged.Requests);
        Assert.Equal(1, merged.Errors);
        Assert.Equal(3, merged.LatencyBins.Values.Sum());
        Assert.InRange(merged.Quantile(1)!.Value, 3 * 0.98, 3 * 1.02);
    }
}
