using System.Collections.Concurrent;
using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace OllamaOrleans.Tests.Support;

/// <summary>
/// A real HTTP server on loopback that answers Ollama's GET endpoints with captured bodies, byte for
/// byte: the monitor must work on what real servers (old ones included) send, not only on the simulator.
/// </summary>
public sealed class FixtureOllamaServer : IAsyncDisposable
{
    private readonly WebApplication app;
    private readonly ConcurrentDictionary<string, (int Status, byte[] Body, string ContentType)> routes = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, TimeSpan> delays = new(StringComparer.Ordinal);

    private FixtureOllamaServer(WebApplication app) => this.app = app;

    public Uri BaseUri { get; private set; } = null!;

    public ConcurrentDictionary<string, int> Hits { get; } = new(StringComparer.Ordinal);

    public static async Task<FixtureOllamaServer> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(k => k.Listen(IPAddress.Loopback, 0));
        var server = new FixtureOllamaServer(builder.Build());
        server.app.Run(server.AnswerAsync);
        await server.app.StartAsync();
        var address = server.app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        server.BaseUri = new Uri(address.Replace("[::]", "127.0.0.1", StringComparison.Ordinal) + "/");
        server.Serve("/", 200, "Ollama is running", "text/plain; charset=utf-8");
        return server;
    }

    /// <summary>A server answering <c>/api/version</c>, <c>/api/tags</c> and <c>/api/ps</c> with Ollama 0.32's captured bodies.</summary>
    public static async Task<FixtureOllamaServer> StartCapturedAsync()
    {
        var server = await StartAsync();
        server.ServeFixture("/api/version", "version-v0.32.json");
        server.ServeFixture("/api/tags", "tags-v0.32.json");
        server.ServeFixture("/api/ps", "ps-v0.32.json");
        return server;
    }

    public void Serve(string path, int status, string body, string contentType = "application/json; charset=utf-8") =>
        routes[path] = (status, System.Text.Encoding.UTF8.GetBytes(body), contentType);

    public void ServeFixture(string path, string fixture) =>
        routes[path] = (200, Fixture.Bytes(fixture), "application/json; charset=utf-8");

    public void Forget(string path) => routes.TryRemove(path, out _);

    /// <summary>Answers <paramref name="path"/> only after <paramref name="delay"/> (zero: at once again).</summary>
    public void Delay(string path, TimeSpan delay) => delays[path] = delay;

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }

    private async Task AnswerAsync(HttpContext context)
    {
        var path = context.Request.Path.Value ?? "/";
        Hits.AddOrUpdate(path, 1, (_, n) => n + 1);
        if (delays.TryGetValue(path, out var delay) && delay > TimeSpan.Zero)
        {
            await Task.Delay(delay, context.RequestAborted);
        }

        if (!routes.TryGetValue(path, out var route))
        {
            context.Response.StatusCode = 404;
            context.Response.ContentType = "text/plain";
            await context.Response.WriteAsync("404 page not found");
            return;
        }

        context.Response.StatusCode = route.Status;
        context.Response.ContentType = route.ContentType;
        await context.Response.Body.WriteAsync(route.Body);
    }
}
