using OllamaOrleans.GrainInterfaces.Hosts;

namespace OllamaOrleans.Grains.Ollama;

/// <summary>A failed call: its class (the metric label) and a message for the log.</summary>
public sealed record PollFailure(PollFailureReason Reason, string Message);
