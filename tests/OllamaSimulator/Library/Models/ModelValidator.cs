namespace OllamaSimulator.Models;

/// <summary>Rejects models that Ollama could never list, so a bad models file fails at start, not mid-test.</summary>
internal static class ModelValidator
{
    public static readonly IReadOnlySet<string> KnownCapabilities = new HashSet<string>(StringComparer.Ordinal)
    {
        "completion", "tools", "insert", "vision", "embedding", "thinking", "image", "audio",
    };

    public static void Validate(SimulatedModel model, bool checkName = true)
    {
        if (checkName && !ModelName.Parse(model.Name).IsValid)
        {
            throw new ArgumentException($"invalid model name \"{model.Name}\"");
        }

        if (model.Digest.Length != 64 || !model.Digest.All(c => char.IsAsciiDigit(c) || c is >= 'a' and <= 'f'))
        {
            throw new ArgumentException($"model \"{model.Name}\": digest must be 64 lowercase hex characters without a sha256: prefix");
        }

        if (model.Size < 0 || model.RuntimeSize < 0 || model.ContextLength < 0 || model.EmbeddingLength < 0)
        {
            throw new ArgumentException($"model \"{model.Name}\": sizes and lengths must not be negative");
        }

        var unknown = model.Capabilities.FirstOrDefault(c => !KnownCapabilities.Contains(c));
        if (unknown is not null)
        {
            throw new ArgumentException($"model \"{model.Name}\": unknown capability \"{unknown}\"");
        }
    }
}
