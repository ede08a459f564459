using System.Diagnostics;

namespace OllamaOrleans.Benchmarks.Fleet;

/// <summary>Scrapes a silo's <c>/metrics</c> as Prometheus would (the whole body), timing it, and finds samples in it.</summary>
public sealed class MetricsScraper(HttpClient http, string siloUrl)
{
    public async Task<(double Seconds, string Body)> ScrapeAsync()
    {
        var started = Stopwatch.GetTimestamp();
        var body = await http.GetStringAsync(new Uri(siloUrl + "/metrics"));
        return (Stopwatch.GetElapsedTime(started).TotalSeconds, body);
    }

    /// <summary>The value of the first sample whose line starts with <paramref name="series"/> (name and labels), else null.</summary>
    public static string? Value(string body, string series)
    {
        var at = body.IndexOf("\n" + series, StringComparison.Ordinal);
        if (at < 0)
        {
            return null;
        }

        var start = at + 1 + series.Length;
        var end = body.IndexOf('\n', start);
        return body[start..(end < 0 ? body.Length : end)].Trim();
    }

    public static int Count(string body, string prefix)
    {
        var count = 0;
        for (var at = body.IndexOf("\n" + prefix, StringComparison.Ordinal); at >= 0; at = body.IndexOf("\n" + prefix, at + 1, StringComparison.Ordinal))
        {
            count++;
        }

        return count;
    }

    /// <summary>Scrapes until <paramref name="done"/> holds; the time from <paramref name="since"/> to the first scrape that shows it.</summary>
    public async Task<double> UntilAsync(long since, Func<string, bool> done, TimeSpan limit)
    {
        while (Stopwatch.GetElapsedTime(since) < limit)
        {
            var (_, body) = await ScrapeAsync();
            if (done(body))
            {
                return Stopwatch.GetElapsedTime(since).TotalSeconds;
            }

            await Task.Delay(50);
        }

        return double.NaN;
    }
}
