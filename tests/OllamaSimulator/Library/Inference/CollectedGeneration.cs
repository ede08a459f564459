using System.Text;
using OllamaSimulator.Scheduling;

namespace OllamaSimulator.Inference;

/// <summary>A whole generation gathered for a non-streamed answer: the text, the thinking, and the final figures.</summary>
internal sealed record CollectedGeneration(string Answer, string Reasoning, GenerationResult Result)
{
    /// <summary>Runs the generation on the held runner and releases it once the last token is in.</summary>
    public static async Task<CollectedGeneration> RunAsync(HostContext host, RunnerLease lease, GenerationRequest request, CancellationToken cancellationToken)
    {
        var answer = new StringBuilder();
        var reasoning = new StringBuilder();
        var result = await Generator.RunAsync(host, lease, request, token =>
        {
            (token.IsThinking ? reasoning : answer).Append(token.Text);
            return Task.CompletedTask;
        }, cancellationToken);
        lease.Dispose();
        return new CollectedGeneration(answer.ToString(), reasoning.ToString(), result);
    }
}
