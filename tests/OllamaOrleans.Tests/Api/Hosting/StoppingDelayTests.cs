using Microsoft.Extensions.Time.Testing;
using OllamaOrleans.Api.Hosting;

namespace OllamaOrleans.Tests.Api.Hosting;

public sealed class StoppingDelayTests
{
    [Fact]
    public async Task Pause_EndsTrue_WhenTheDelayHasPassed()
    {
        var time = new FakeTimeProvider();
        using var stopping = new CancellationTokenSource();

        var pause = time.PauseAsync(TimeSpan.FromSeconds(5), stopping.Token);
        time.Advance(TimeSpan.FromSeconds(4));
        Assert.False(pause.IsCompleted);
        time.Advance(TimeSpan.FromSeconds(1));

        Assert.True(await pause);
    }

    [Fact]
    public async Task Pause_EndsFalse_WithoutAnException_WhenTheHostStops()
    {
        var time = new FakeTimeProvider();
        using var stopping = new CancellationTokenSource();

        var pause = time.PauseAsync(TimeSpan.FromSeconds(5), stopping.Token);
        await stopping.CancelAsync();

        Assert.False(await pause);
    }

    [Fact]
    public async Task Pause_EndsFalse_WhenTheHostHadAlreadyStopped()
    {
        using var stopping = new CancellationTokenSource();
        await stopping.CancelAsync();

        Assert.False(await new FakeTimeProvider().PauseAsync(TimeSpan.FromSeconds(5), stopping.Token));
    }
}
