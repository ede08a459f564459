using System.Text;
using Microsoft.Extensions.DependencyInjection;
using OllamaOrleans.Api;
using OllamaOrleans.GrainInterfaces.Hosts;
using OllamaOrleans.Tests.Support;

namespace OllamaOrleans.Tests.Silo.Probe;

/// <summary>
/// <c>/probe</c> registers transient hosts, so it is fuzzed too: 600 generated targets (seeded) built
/// from broken schemes, refused and unknown addresses, credentials, odd ports, unicode, control
/// characters and huge values. Never a 5xx; a refusal is a problem naming <c>target</c> and leaves
/// the registry as it was; an answer registers at most one transient host.
/// </summary>
[Collection(ApiClusterCollection.Name)]
public sealed class ProbeFuzzTests(ClusterFixture fixture)
{
    private const int Seed = 20261128;
    private const int Count = 600;

    private static readonly string[] Schemes = ["", "http://", "https://", "ftp://", "file://", "javascript:", "//", "HTTP://", "http:/", "gopher://"];

    private static readonly string[] Hosts =
    [
        "169.254.169.254", "[fd00:ec2::254]", "metadata.google.internal", "rebind.test", "link.test", "mixed.test", "[fe80::1]",
        "nowhere.test", "2852039166", "0x7f.1", "[::1", "user:pw@a.loop.test", "a.loop.test", "b.loop.test", "", " ", "%00", "..",
        "Zürich.test", "東京.test", "🚀", "a b", "a\tb", "a\nb", "-", "[::]", "0.0.0.0", "224.0.0.1",
    ];

    private static readonly string[] Ports = ["", ":1", ":0", ":99999", ":-1", ":abc", ":11434", "::"];

    private static readonly string[] Suffixes = ["", "/", "/?q=1", "#f", "/x y", "\u0000", "/api/ps", "?target=169.254.169.254"];

    [Fact]
    public async Task MalformedTargets_NeverA5xx_AndRefusedOnesChangeNothing()
    {
        await using var api = await fixture.StartApiAsync(
            s => s.Configure<ApiOptions>(o => (o.RateLimitPerMinute, o.ProbeRateLimitPerSecond) = (1_000_000, 100_000)), ApiKeySpec.Admin);
        using var admin = api.With(ApiKeySpec.Admin);
        var random = new Random(Seed);
        var answered = 0;
        try
        {
            for (var i = 0; i < Count; i++)
            {
                var target = Target(random);
                var query = random.Next(10) switch
                {
                    0 => "probe",
                    1 => $"probe?target={Uri.EscapeDataString(target)}&target=a.loop.test:1",
                    _ => $"probe?target={Uri.EscapeDataString(target)}",
                };
                var before = await fixture.HostsAsync();
                using var response = await admin.GetAsync(query);
                var text = await response.Content.ReadAsStringAsync();
                var after = await fixture.HostsAsync();
                var why = $"seed {Seed}, #{i} GET /{query} -> {(int)response.StatusCode} {text[..Math.Min(text.Length, 300)]}";

                Assert.True((int)response.StatusCode < 500, why);
                if (response.IsSuccessStatusCode)
                {
                    var added = after.Except(before, RegistrationComparer.Instance).ToList();
                    Assert.True(added.Count <= 1 && added.All(h => h.Source == HostSource.Transient), why);
                    answered++;
                    continue;
                }

                Assert.Equal(before, after, RegistrationComparer.Instance);
                Assert.True(response.Content.Headers.ContentType?.MediaType == "application/problem+json", why);
                Assert.Contains("\"field\":\"target\"", text, StringComparison.Ordinal);
            }

            Assert.InRange(answered, 1, Count / 4);
        }
        finally
        {
            foreach (var host in (await fixture.HostsAsync()).Where(h => h.Source == HostSource.Transient))
            {
                await fixture.Fleet.DeleteAsync(host.Name);
            }
        }
    }

    private static string Target(Random random)
    {
        if (random.Next(20) == 0)
        {
            return random.Next(2) == 0 ? new string('a', random.Next(300, 5000)) + ".loop.test" : Garbage(random, random.Next(1, 64));
        }

        return Pick(random, Schemes) + Pick(random, Hosts) + Pick(random, Ports) + Pick(random, Suffixes);
    }

    private static string Garbage(Random random, int length)
    {
        var text = new StringBuilder();
        for (var i = 0; i < length; i++)
        {
            text.Append(random.Next(4) == 0 ? (char)random.Next(0x80, 0x3000) : (char)random.Next(0x01, 0x7f));
        }

        return text.ToString();
    }

    private static string Pick(Random random, string[] items) => items[random.Next(items.Length)];
}
