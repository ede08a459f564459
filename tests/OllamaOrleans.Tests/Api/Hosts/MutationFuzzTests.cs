using System.Diagnostics;
using System.Net;
using Microsoft.Extensions.DependencyInjection;
using OllamaOrleans.Api;
using OllamaOrleans.GrainInterfaces.Hosts;
using OllamaOrleans.Tests.Support;
using Xunit.Abstractions;

namespace OllamaOrleans.Tests.Api.Hosts;

/// <summary>
/// 1,500 generated malformed requests (seeded, so a failure replays) against POST, PUT and DELETE of
/// hosts with an admin key: never a 5xx, every refusal a problem naming a field (or routing's bare
/// 404/405), and the registry unchanged by every refused request; accepted ones did what they said.
/// </summary>
[Collection(ApiClusterCollection.Name)]
public sealed class MutationFuzzTests(ClusterFixture fixture, ITestOutputHelper output)
{
    private const int Seed = 20261128;
    private const int Count = 1500;

    [Fact]
    public async Task MalformedMutations_NeverA5xx_AndRefusedOnesChangeNothing()
    {
        await using var api = await fixture.StartApiAsync(
            s => s.Configure<ApiOptions>(o => (o.RateLimitPerMinute, o.MaxRequestBodyBytes) = (1_000_000, 16 * 1024)), ApiKeySpec.Admin);
        using var admin = api.With(ApiKeySpec.Admin);
        var configured = TestHosts.UniqueName("fuzz-configured");
        await fixture.Fleet.SeedFromConfigurationAsync([TestHosts.Registration(configured, new Uri("http://10.9.9.9:11434"), HostSource.Configuration)]);
        var generator = new MalformedRequests(new Random(Seed), [configured, "fuzz-1", "fuzz-2"]);
        var statuses = new SortedDictionary<int, int>();
        var clock = Stopwatch.StartNew();

        for (var i = 0; i < Count; i++)
        {
            var request = generator.Next(i);
            var before = await fixture.HostsAsync();
            using var response = await admin.SendAsync(request.ToMessage());
            var text = await response.Content.ReadAsStringAsync();
            var status = (int)response.StatusCode;
            statuses[status] = statuses.GetValueOrDefault(status) + 1;
            var after = await fixture.HostsAsync();
            var why = $"seed {Seed}, {request} -> {status} {text}";

            Assert.True(status < 500, why);
            if (response.IsSuccessStatusCode)
            {
                AssertEffect(request, before, after, why);
                continue;
            }

            Assert.Equal(before, after, RegistrationComparer.Instance);
            if (status is not (404 or 405) || text.Length > 0)
            {
                Assert.True(response.Content.Headers.ContentType?.MediaType == "application/problem+json", why);
                Assert.Contains("\"field\":", text, StringComparison.Ordinal);
            }
        }

        output.WriteLine($"seed {Seed}: {Count} requests in {clock.Elapsed.TotalSeconds:F1} s; status counts: {string.Join(", ", statuses.Select(s => $"{s.Key}={s.Value}"))}");
        Assert.True(statuses.Where(s => s.Key >= 400).Sum(s => s.Value) >= Count * 9 / 10, "most generated requests are malformed");
        foreach (var host in (await fixture.HostsAsync()).Where(h => h.Source == HostSource.Api && h.Name.StartsWith("fuzz-", StringComparison.Ordinal) || h.Url.StartsWith("http://10.9.", StringComparison.Ordinal) && h.Source == HostSource.Api))
        {
            await fixture.Fleet.DeleteAsync(host.Name);
        }

        await fixture.Fleet.SeedFromConfigurationAsync([]);
    }

    private static void AssertEffect(FuzzRequest request, IReadOnlyList<HostRegistration> before, IReadOnlyList<HostRegistration> after, string why)
    {
        var beforeNames = before.Select(h => h.Name).ToHashSet(StringComparer.Ordinal);
        var afterNames = after.Select(h => h.Name).ToHashSet(StringComparer.Ordinal);
        if (request.Method == HttpMethod.Post)
        {
            Assert.True(afterNames.IsProperSupersetOf(beforeNames) && afterNames.Count == beforeNames.Count + 1, why);
        }
        else if (request.Method == HttpMethod.Put)
        {
            Assert.True(afterNames.SetEquals(beforeNames), why);
        }
        else
        {
            Assert.True(afterNames.IsProperSubsetOf(beforeNames) && afterNames.Count == beforeNames.Count - 1, why);
        }
    }
}
