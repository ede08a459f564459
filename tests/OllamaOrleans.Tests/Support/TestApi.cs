using System.Net;
using System.Net.Http.Headers;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using OllamaOrleans.Api;
using OllamaOrleans.Api.Security;
using OllamaOrleans.Protocol.Security;
using OllamaOrleans.Silo.Metrics;
using OllamaOrleans.Silo.Probe;
using OllamaOrleans.Silo.Resources;

namespace OllamaOrleans.Tests.Support;

/// <summary>
/// The management API as the silo hosts it (<c>AddOllamaApi</c>, <c>UseApiSecurity</c>,
/// <c>MapOllamaApi</c>) on a real Kestrel on a loopback port, over the test cluster's grains.
/// </summary>
public sealed class TestApi : IAsyncDisposable
{
    private readonly WebApplication app;

    private TestApi(WebApplication app, Uri baseUri)
    {
        this.app = app;
        BaseUri = baseUri;
        Anonymous = new HttpClient { BaseAddress = baseUri };
    }

    public Uri BaseUri { get; }

    public HttpClient Anonymous { get; }

    public IServiceProvider Services => app.Services;

    public static async Task<TestApi> StartAsync(IGrainFactory grains, IReadOnlyList<ApiKeySpec> keys, Action<IServiceCollection> configure)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(k => k.Listen(IPAddress.Loopback, 0));
        builder.Services.AddSingleton(grains);
        builder.Services.AddSingleton<ITargetResolver>(TableResolver.Standard);
        builder.Services.AddSingleton<IHostExposition>(new ProbeExposition(new ResourceRegistry()));
        builder.Services.Configure<AuthOptions>(o => o.Keys.AddRange(keys.Select(k => new ApiKey(k.Name, ApiKeyHash.BytesOf(k.Key), k.Role))));
        builder.Services.AddOllamaApi();
        configure(builder.Services);
        var app = builder.Build();
        app.UseApiSecurity();
        app.MapOllamaApi();
        app.MapProbeApi();
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        return new TestApi(app, new Uri(address + "/"));
    }

    /// <summary>A client sending <paramref name="key"/> as a bearer token.</summary>
    public HttpClient With(ApiKeySpec key) => With(key.Key);

    public HttpClient With(string key)
    {
        var client = new HttpClient { BaseAddress = BaseUri };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);
        return client;
    }

    public async ValueTask DisposeAsync()
    {
        Anonymous.Dispose();
        await app.StopAsync();
        await app.DisposeAsync();
    }
}
