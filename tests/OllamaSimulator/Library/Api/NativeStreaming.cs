using System.Text;
using OllamaSimulator.Inference;
using OllamaSimulator.Json;
using OllamaSimulator.Scheduling;
using OllamaSimulator.Http;

namespace OllamaSimulator.Api;

/// <summary>Runs a generation and frames it as NDJSON (streamed) or one JSON object, as generate and chat do.</summary>
internal static class NativeStreaming
{
    /// <summary>Builds the final object from the result and, when not streamed, the concatenated answer and thinking.</summary>
    public delegate GoJsonWriter FinalObject(GenerationResult result, string answer, string thinking);

    public static async Task RunAsync(
        HostContext host,
        HttpResponse response,
        RunnerLease lease,
        GenerationRequest generation,
        bool stream,
        Func<GeneratedToken, GoJsonWriter> chunk,
        FinalObject final,
        CancellationToken cancellationToken)
    {
        try
        {
            if (!stream)
            {
                var answer = new StringBuilder();
                var thinking = new StringBuilder();
                var collected = await Generator.RunAsync(host, lease, generation, token =>
                {
                    (token.IsThinking ? thinking : answer).Append(token.Text);
                    return Task.CompletedTask;
                }, cancellationToken);

                // Released before answering, so a client that reads the answer sees the idle state in /api/ps.
                lease.Dispose();
                await Reply.JsonAsync(response, final(collected, answer.ToString(), thinking.ToString()));
                return;
            }

            var ndjson = new NdjsonStream(response);
            GenerationResult result;
            try
            {
                result = await Generator.RunAsync(host, lease, generation, token => ndjson.WriteAsync(chunk(token)), cancellationToken);
            }
            catch (ApiException error)
            {
                lease.Dispose();
                await ndjson.FailAsync(error);
                return;
            }

            lease.Dispose();
            await ndjson.WriteAsync(final(result, "", ""));
            await ndjson.EndAsync();
        }
        finally
        {
            lease.Dispose();
        }
    }

    /// <summary><c>created_at</c>: now, in UTC.</summary>
    public static string CreatedAt(HostContext host) => GoTime.FormatUtc(host.Time.GetUtcNow());
}
