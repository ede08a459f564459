using OllamaSimulator.Http;
using OllamaSimulator.Inference;
using OllamaSimulator.Scheduling;

namespace OllamaSimulator.Api;

/// <summary>
/// A chat stream that a middleware translates into events (Anthropic Messages, OpenAI Responses): the
/// chat handler's error line after the first event has no translation, so the stream just ends.
/// </summary>
internal static class TranslatedStream
{
    public static async Task RunAsync(
        HostContext host,
        RunnerLease lease,
        GenerationRequest request,
        Func<GeneratedToken, Task> onToken,
        Func<GenerationResult, Task> onDone,
        HttpResponse response,
        CancellationToken cancellationToken)
    {
        GenerationResult result;
        try
        {
            result = await Generator.RunAsync(host, lease, request, onToken, cancellationToken);
        }
        catch (ApiException) when (response.HasStarted)
        {
            await response.EndStreamAsync();
            return;
        }

        lease.Dispose();
        await onDone(result);
        await response.EndStreamAsync();
    }
}
