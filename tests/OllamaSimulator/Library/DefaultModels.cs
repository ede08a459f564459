namespace OllamaSimulator;

/// <summary>A small, realistic local store: sizes and details as Ollama's library publishes them.</summary>
public static class DefaultModels
{
    public static readonly SimulatedModel Llama32 = new()
    {
        Name = "llama3.2:latest",
        Size = 2_019_393_189,
        Digest = "a80c4f17acd55265feec403c7aef86be0c25983ab279d83f3bcd3abbcb5b8b72",
        ModifiedAt = new DateTimeOffset(2026, 8, 1, 16, 12, 44, TimeSpan.Zero).AddTicks(7_060_153),
        Family = "llama",
        Families = ["llama"],
        ParameterSize = "3.2B",
        QuantizationLevel = "Q4_K_M",
        ContextLength = 131_072,
        EmbeddingLength = 3_072,
        Capabilities = ["completion", "tools"],
        RuntimeSize = 3_390_701_568,
    };

    public static readonly SimulatedModel Qwen25 = new()
    {
        Name = "qwen2.5:7b",
        Size = 4_683_087_332,
        ModifiedAt = new DateTimeOffset(2026, 7, 28, 8, 3, 11, TimeSpan.Zero).AddTicks(4_180_265),
        Family = "qwen2",
        Families = ["qwen2"],
        ParameterSize = "7.6B",
        QuantizationLevel = "Q4_K_M",
        ContextLength = 32_768,
        EmbeddingLength = 3_584,
        Capabilities = ["completion", "tools"],
        RuntimeSize = 6_027_849_728,
    };

    public static readonly SimulatedModel Gemma3 = new()
    {
        Name = "gemma3:4b",
        Size = 3_338_801_804,
        ModifiedAt = new DateTimeOffset(2026, 7, 21, 14, 40, 2, TimeSpan.Zero).AddTicks(9_113_507),
        Family = "gemma3",
        Families = ["gemma3"],
        ParameterSize = "4.3B",
        QuantizationLevel = "Q4_K_M",
        ContextLength = 131_072,
        EmbeddingLength = 2_560,
        Capabilities = ["completion", "vision"],
        RuntimeSize = 5_429_915_136,
    };

    public static readonly SimulatedModel NomicEmbedText = new()
    {
        Name = "nomic-embed-text:latest",
        Size = 274_302_450,
        ModifiedAt = new DateTimeOffset(2026, 6, 30, 9, 15, 27, TimeSpan.Zero).AddTicks(1_345_870),
        Family = "nomic-bert",
        Families = ["nomic-bert"],
        ParameterSize = "137M",
        QuantizationLevel = "F16",
        ContextLength = 2_048,
        EmbeddingLength = 768,
        Capabilities = ["embedding"],
        RuntimeSize = 588_316_672,
    };

    public static readonly SimulatedModel DeepseekR1 = new()
    {
        Name = "deepseek-r1:8b",
        Size = 5_225_376_047,
        ModifiedAt = new DateTimeOffset(2026, 7, 9, 19, 52, 36, TimeSpan.Zero).AddTicks(6_602_114),
        Family = "qwen3",
        Families = ["qwen3"],
        ParameterSize = "8.2B",
        QuantizationLevel = "Q4_K_M",
        ContextLength = 131_072,
        EmbeddingLength = 4_096,
        Capabilities = ["completion", "thinking"],
        RuntimeSize = 6_912_196_608,
    };

    public static IReadOnlyList<SimulatedModel> All { get; } = [Llama32, Qwen25, Gemma3, NomicEmbedText, DeepseekR1];
}
