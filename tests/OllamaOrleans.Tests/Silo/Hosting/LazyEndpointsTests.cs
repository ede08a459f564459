using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using OllamaOrleans.Silo.Hosting;

namespace OllamaOrleans.Tests.Silo.Hosting;

public sealed class LazyEndpointsTests
{
    [Fact]
    public async Task Endpoints_AreBuiltOnTheFirstRequestUnderThePrefix_Once()
    {
        var built = 0;
        await using var app = await StartAsync(endpoints => endpoints.MapOnFirstRequest("/lazy", lazy =>
        {
            Interlocked.Increment(ref built);
            lazy.MapGet("/lazy/", () => "index");
            lazy.MapGet("/lazy/a/b", (HttpContext c) => $"deep {c.Request.Query["q"]}");
        }));
        using var client = new HttpClient { BaseAddress = app.Uri };

        Assert.Equal("other", await client.GetStringAsync("other"));
        Assert.Equal(0, built);
        Assert.Equal("index", await client.GetStringAsync("lazy/"));
        Assert.Equal("deep 7", await client.GetStringAsync("lazy/a/b?q=7"));
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("lazy/missing")).StatusCode);
        Assert.Equal(1, built);
    }

    [Fact]
    public async Task OuterConventions_RunBeforeAnythingIsBuilt()
    {
        var built = 0;
        await using var app = await StartAsync(endpoints => endpoints
            .MapOnFirstRequest("/lazy", lazy =>
            {
                built++;
                lazy.MapGet("/lazy/", () => "index");
            })
            .AddEndpointFilter((_, _) => ValueTask.FromResult<object?>(Results.StatusCode(403))));
        using var client = new HttpClient { BaseAddress = app.Uri };

        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync("lazy/")).StatusCode);
        Assert.Equal(0, built);
    }

    private static async Task<RunningApp> StartAsync(Action<WebApplication> map)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(k => k.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        app.MapGet("/other", () => "other");
        map(app);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        return new RunningApp(app, new Uri(address + "/"));
    }

    private sealed record RunningApp(WebApplication App, Uri Uri) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            await App.StopAsync();
            await App.DisposeAsync();
        }
    }
}
