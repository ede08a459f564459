using OllamaOrleans.GrainInterfaces.Statistics;

namespace OllamaOrleans.Api.Gateway;

/// <summary>One measured request on its way to the model grain of <see cref="Host"/> and <see cref="Model"/>.</summary>
public sealed record TrafficRecord(string Host, string Model, InferenceRecord Record);
