using System.Security.Claims;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;
using OllamaOrleans.Api.Gateway;
using OllamaOrleans.Api.Security;

namespace OllamaOrleans.Tests.Api.Gateway;

public sealed class ClientIdentityTests
{
    [Theory]
    [InlineData(null, "anonymous")]
    [InlineData("  ", "anonymous")]
    [InlineData("alice", "alice")]
    [InlineData(" team-a.bot_1@lab ", "team-a.bot_1@lab")]
    [InlineData("drop\"table\n", "droptable")]
    [InlineData("💥", "anonymous")]
    public void Sanitize_KeepsASafeCharset(string? raw, string expected) => Assert.Equal(expected, ClientIdentity.Sanitize(raw));

    [Fact]
    public void Sanitize_CapsTheLength() => Assert.Equal(64, ClientIdentity.Sanitize(new string('x', 500)).Length);

    [Fact]
    public void Admit_BeyondTheCap_IsOther_AndCounted()
    {
        var identity = new ClientIdentity(Options.Create(new GatewayOptions { MaxClients = 2 }), new GatewayMetrics());

        Assert.Equal("a", identity.Admit("a"));
        Assert.Equal("b", identity.Admit("b"));
        Assert.Equal("other", identity.Admit("c"));
        Assert.Equal("a", identity.Admit("a"));
        Assert.Equal(1, identity.Overflowed);
    }

    [Fact]
    public async Task Admit_ManyNewNamesAtOnce_TakesExactlyTheCap_AndCountsEveryOverflow()
    {
        var identity = new ClientIdentity(Options.Create(new GatewayOptions { MaxClients = 10 }), new GatewayMetrics());
        var exported = OverflowExported();

        var names = await Task.WhenAll(Enumerable.Range(0, 200).Select(i => Task.Run(() => identity.Admit($"client{i}"))));

        Assert.Equal(10, names.Count(n => n != "other"));
        Assert.Equal(10, names.Where(n => n != "other").Distinct().Count());
        Assert.Equal(190, identity.Overflowed);
        Assert.True(OverflowExported() - exported >= 190);
    }

    [Fact]
    public void Of_AKeyedRequest_IsNamedByItsKey_NotByTheHeader()
    {
        var identity = new ClientIdentity(Options.Create(new GatewayOptions { ClientHeader = "X-Client" }), new GatewayMetrics());
        var keyed = new DefaultHttpContext
        {
            User = new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.Name, "team-a"), new Claim(ClaimTypes.Role, ApiRoles.Read)], ApiKeyAuthenticationHandler.SchemeName)),
        };
        keyed.Request.Headers["X-Client"] = "pretender";
        var unkeyed = new DefaultHttpContext();
        unkeyed.Request.Headers["X-Client"] = "bob";

        Assert.Equal("team-a", identity.Of(keyed));
        Assert.Equal("bob", identity.Of(unkeyed));
    }

    private static double OverflowExported()
    {
        using var stream = new MemoryStream();
        Prometheus.Metrics.DefaultRegistry.CollectAndExportAsTextAsync(stream).GetAwaiter().GetResult();
        var line = System.Text.Encoding.UTF8.GetString(stream.ToArray()).Split('\n').Single(l => l.StartsWith("ollama_gateway_clients_overflow_total ", StringComparison.Ordinal));
        return double.Parse(line.Split(' ')[1], System.Globalization.CultureInfo.InvariantCulture);
    }
}
