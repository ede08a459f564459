using System.Text.Json;
using OllamaSimulator.Http;
using OllamaSimulator.Inference;
using OllamaSimulator.Json;

namespace OllamaSimulator.Api;

/// <summary><c>POST /v1/embeddings</c>: Ollama's <c>/api/embed</c> behind its OpenAI translation.</summary>
internal sealed class OpenAiEmbeddingsEndpoint(HostContext host)
{
    public void Map(RouteTable routes) => routes.Add("POST", "/v1/embeddings", Embed, since: "0.2.6");

    private async Task Embed(HttpRequest request, HttpResponse response, CancellationToken cancellationToken)
    {
        var body = JsonBody.TryParse(request.Body, RequestSchemas.OpenAiEmbed, out var error);
        if (body is null)
        {
            await OpenAiReply.RequestErrorAsync(response, 400, error!);
            return;
        }

        // middleware/openai.go EmbeddingsMiddleware: encoding_format compared case-insensitively, then
        // input "" becomes [""], and a missing or empty-array input is refused.
        var format = body.GetString("encoding_format");
        var base64 = format.Equals("base64", StringComparison.OrdinalIgnoreCase);
        if (format.Length > 0 && !base64 && !format.Equals("float", StringComparison.OrdinalIgnoreCase))
        {
            await OpenAiReply.RequestErrorAsync(response, 400, $"Invalid value for 'encoding_format' = {format}. Supported values: ['float', 'base64'].");
            return;
        }

        var input = body.Get("input");
        if (input is null
            || input is { ValueKind: JsonValueKind.Array } a && a.GetArrayLength() == 0)
        {
            await OpenAiReply.RequestErrorAsync(response, 400, "invalid input");
            return;
        }

        var requested = body.GetString("model");
        try
        {
            var inputs = input is { ValueKind: JsonValueKind.String } s && s.GetString()!.Length == 0 ? [""] : EmbedEndpoints.ReadInputs(input);
            var model = EmbedEndpoints.FindModel(host, requested);
            var options = InferenceOptions.Parse(null, model, host.Options);
            using var lease = await host.Scheduler.AcquireAsync(model, options.Runner, null, cancellationToken);
            var tokens = await Embedder.EvaluateAsync(host, lease, inputs, 400, cancellationToken);
            lease.Dispose();
            var dimensions = (int)(body.GetInt("dimensions") ?? 0);
            var json = new GoJsonWriter().StartObject().Property("object", "list").Name("data").StartArray();
            for (var i = 0; i < inputs.Count; i++)
            {
                var vector = EmbeddingVectors.Normalized(model, inputs[i], dimensions);
                json.StartObject().Property("object", "embedding").Name("embedding");
                if (base64)
                {
                    // Little-endian float32 bytes, as OpenAI clients decode them.
                    var bytes = new byte[vector.Length * sizeof(float)];
                    Buffer.BlockCopy(vector, 0, bytes, 0, bytes.Length);
                    json.String(Convert.ToBase64String(bytes));
                }
                else
                {
                    json.StartArray();
                    foreach (var value in vector)
                    {
                        json.Float32(value);
                    }

                    json.EndArray();
                }

                json.Property("index", i).EndObject();
            }

            json.EndArray().Property("model", requested)
                .Name("usage").StartObject().Property("prompt_tokens", tokens).Property("total_tokens", tokens).EndObject();
            await OpenAiReply.JsonAsync(response, json.EndObject());
        }
        catch (ApiException e) when (!response.HasStarted)
        {
            await OpenAiReply.HandlerErrorAsync(response, e);
        }
    }
}
