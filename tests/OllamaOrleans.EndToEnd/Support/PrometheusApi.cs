using System.Globalization;
using System.Text.Json;

namespace OllamaOrleans.EndToEnd.Support;

/// <summary>The few calls of Prometheus' HTTP API the tests make; each answer's <c>data</c> element.</summary>
public sealed class PrometheusApi(Uri baseUri)
{
    private static readonly HttpClient Http = new() { Timeout = TimeSpan.FromSeconds(10) };

    public Uri BaseUri { get; } = baseUri;

    public Task<PrometheusAnswer> QueryAsync(string expr) =>
        GetAsync($"api/v1/query?query={Uri.EscapeDataString(expr)}");

    public Task<PrometheusAnswer> QueryRangeAsync(string expr, DateTimeOffset start, DateTimeOffset end, TimeSpan step) =>
        GetAsync($"api/v1/query_range?query={Uri.EscapeDataString(expr)}&start={Unix(start)}&end={Unix(end)}&step={step.TotalSeconds.ToString(CultureInfo.InvariantCulture)}");

    public Task<PrometheusAnswer> LabelValuesAsync(string label, string match) =>
        GetAsync($"api/v1/label/{label}/values?match[]={Uri.EscapeDataString(match)}");

    /// <summary>Alerts pending or firing, as <c>alertname/host/state</c>.</summary>
    public async Task<IReadOnlyList<string>> AlertsAsync()
    {
        var answer = await GetAsync("api/v1/alerts");
        return [.. answer.Data.GetProperty("alerts").EnumerateArray().Select(a =>
            $"{Label(a.GetProperty("labels"), "alertname")}/{Label(a.GetProperty("labels"), "host")}/{a.GetProperty("state").GetString()}").Order()];
    }

    /// <summary>The single number an expression returns, or null when it returns nothing.</summary>
    public async Task<double?> ScalarAsync(string expr)
    {
        var result = (await QueryAsync(expr)).Data.GetProperty("result");
        return result.GetArrayLength() == 0 ? null : double.Parse(result[0].GetProperty("value")[1].GetString()!, CultureInfo.InvariantCulture);
    }

    public static string Label(JsonElement labels, string name) => labels.TryGetProperty(name, out var v) ? v.GetString()! : "";

    private async Task<PrometheusAnswer> GetAsync(string path)
    {
        using var response = await Http.GetAsync(new Uri(BaseUri, path));
        var text = await response.Content.ReadAsStringAsync();
        if (response.Content.Headers.ContentType?.MediaType != "application/json")
        {
            // A Prometheus still starting answers 503 "Service Unavailable" as plain text: not up yet.
            throw new HttpRequestException($"not an API answer ({(int)response.StatusCode}): {text}");
        }

        using var document = JsonDocument.Parse(text);
        var root = document.RootElement;
        return root.GetProperty("status").GetString() == "success"
            ? new PrometheusAnswer(true, root.GetProperty("data").Clone(), "")
            : new PrometheusAnswer(false, default, root.GetProperty("error").GetString() ?? text);
    }

    private static string Unix(DateTimeOffset t) => (t.ToUnixTimeMilliseconds() / 1000.0).ToString(CultureInfo.InvariantCulture);
}

/// <summary>One answer of the API: its data when it succeeded, its error when not.</summary>
public sealed record PrometheusAnswer(bool Succeeded, JsonElement Data, string Error);
