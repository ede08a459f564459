using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using OllamaOrleans.GrainInterfaces.Hosts;
using OllamaOrleans.GrainInterfaces.Statistics;
using OllamaOrleans.Grains.Ollama;
using OllamaOrleans.Grains.Statistics;
using OllamaOrleans.Protocol.Ollama;
using OllamaOrleans.Protocol.Statistics;

namespace OllamaOrleans.Grains.Probes;

/// <summary>
/// Runs one synthetic probe: a streamed <c>/api/generate</c> with a short prompt and only a predict
/// option (never runner options, which would force a reload) and no keep_alive. In LoadedOnly mode it
/// reads <c>/api/ps</c> (zero impact) before, so it never loads a model, and after, so the model grain
/// knows the expiry the probe itself set. It measures time to first content, total latency, Ollama's
/// own durations and tokens, and classifies how it ended.
/// </summary>
public sealed class ProbeRunner(HttpClient http, OllamaApiClient api, TimeProvider time)
{
    public async Task<ProbeResult> RunAsync(Uri baseUrl, string model, EffectiveProbe settings, CancellationToken cancellationToken)
    {
        if (settings.Mode != ProbeMode.LoadedOnly)
        {
            return await GenerateAsync(baseUrl, model, settings, cancellationToken);
        }

        var before = await ReadExpiryAsync(baseUrl, model, settings, cancellationToken);
        if (before.Failure is not null)
        {
            return ProbeResult.Skipped($"/api/ps before the probe failed: {before.Failure}");
        }

        if (!before.Loaded)
        {
            return ProbeResult.Skipped("the model is not loaded");
        }

        if (KeepAlivePolicy.SkipReason(before.ExpiresAt, time.GetUtcNow()) is { } reason)
        {
            return ProbeResult.Skipped(reason);
        }

        var result = await GenerateAsync(baseUrl, model, settings, cancellationToken);
        var after = await ReadExpiryAsync(baseUrl, model, settings, cancellationToken);
        return result with { ExpiresAfter = after.ExpiresAt };
    }

    /// <summary>The model's expiry as <c>/api/ps</c> lists it now (zero impact on the host).</summary>
    private async Task<(bool Loaded, DateTimeOffset? ExpiresAt, string? Failure)> ReadExpiryAsync(Uri baseUrl, string model, EffectiveProbe settings, CancellationToken cancellationToken)
    {
        var ps = await api.GetPsAsync(baseUrl, settings.Timeout, cancellationToken);
        if (!ps.Succeeded)
        {
            return (false, null, ps.Failure!.Message);
        }

        var canonical = ModelName.Canonical(model);
        var loaded = ps.Value!.Items.FirstOrDefault(e => ModelName.Canonical(e.Name) == canonical);
        return (loaded is not null, loaded?.Model.ExpiresAt, null);
    }

    private async Task<ProbeResult> GenerateAsync(Uri baseUrl, string model, EffectiveProbe settings, CancellationToken cancellationToken)
    {
        var at = time.GetUtcNow();
        var started = time.GetTimestamp();
        using var timeout = new CancellationTokenSource(settings.Timeout, time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        var reader = new GenerateStreamReader();
        try
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(baseUrl, "api/generate"))
            {
                Content = JsonContent.Create(Body(model, settings)),
            };
            using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, linked.Token);
            if (!response.IsSuccessStatusCode)
            {
                var text = await ReadErrorAsync(response, linked.Token);
                return Finish(at, started, ((int)response.StatusCode).ToString(System.Globalization.CultureInfo.InvariantCulture), reader, text);
            }

            await using var stream = await response.Content.ReadAsStreamAsync(linked.Token);
            using var lines = new StreamReader(stream, Encoding.UTF8);
            while (!reader.Finished && await lines.ReadLineAsync(linked.Token) is { } line)
            {
                reader.Add(line, time.GetElapsedTime(started));
            }

            reader.End();
            return Finish(at, started, reader.Failure ?? "200", reader, reader.ErrorMessage);
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            var failure = FailureClassifier.FromException(e, timeout.IsCancellationRequested, "/api/generate");
            return Finish(at, started, failure.Reason.ToLabel(), reader, failure.Message);
        }
    }

    /// <summary>Never a keep_alive (see <see cref="KeepAlivePolicy"/>) and no runner options.</summary>
    private static JsonObject Body(string model, EffectiveProbe settings) =>
        new()
        {
            ["model"] = model,
            ["prompt"] = settings.Prompt,
            ["stream"] = true,
            ["options"] = new JsonObject { ["num_predict"] = settings.PredictedTokens },
        };

    private ProbeResult Finish(DateTimeOffset at, long started, string status, GenerateStreamReader reader, string? message)
    {
        var record = new InferenceRecord(
            at,
            InferenceSources.Probe,
            "generate",
            "POST",
            status,
            time.GetElapsedTime(started).TotalSeconds,
            reader.FirstContent?.TotalSeconds,
            reader.LoadSeconds,
            reader.PromptTokens,
            reader.PromptEvalSeconds,
            reader.GenerationTokens,
            reader.GenerationSeconds,
            DoneReason: reader.DoneReason);
        return new ProbeResult(record, null, status == "200" ? null : message);
    }

    private static async Task<string> ReadErrorAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var body = await response.Content.ReadAsStringAsync(cancellationToken);
        return body.Length <= 512 ? body : body[..512];
    }
}
