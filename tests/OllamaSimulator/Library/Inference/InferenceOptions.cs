using System.Text.Json;
using OllamaSimulator.Api;
using OllamaSimulator.Scheduling;

namespace OllamaSimulator.Inference;

/// <summary>A request's <c>options</c> map decoded as Ollama's <c>api.Options.FromMap</c> does (type errors are 500s).</summary>
internal sealed record InferenceOptions(RunnerOptions Runner, int NumPredict, IReadOnlyList<string> Stop)
{
    private enum Kind
    {
        Integer,
        Float32,
        Boolean,
        StringArray,
    }

    private static readonly Dictionary<string, Kind> Known = new(StringComparer.Ordinal)
    {
        ["num_keep"] = Kind.Integer, ["seed"] = Kind.Integer, ["num_predict"] = Kind.Integer, ["top_k"] = Kind.Integer,
        ["repeat_last_n"] = Kind.Integer, ["num_ctx"] = Kind.Integer, ["num_batch"] = Kind.Integer, ["num_gpu"] = Kind.Integer,
        ["main_gpu"] = Kind.Integer, ["num_thread"] = Kind.Integer, ["draft_num_predict"] = Kind.Integer,
        ["top_p"] = Kind.Float32, ["min_p"] = Kind.Float32, ["typical_p"] = Kind.Float32, ["temperature"] = Kind.Float32,
        ["repeat_penalty"] = Kind.Float32, ["presence_penalty"] = Kind.Float32, ["frequency_penalty"] = Kind.Float32,
        ["use_mmap"] = Kind.Boolean, ["stop"] = Kind.StringArray,
    };

    /// <param name="shift">The request's <c>shift</c> (generate and chat), null when absent.</param>
    public static InferenceOptions Parse(JsonElement? options, SimulatedModel model, SimulatorOptions simulator, int? numPredictOverride = null, bool? shift = null)
    {
        var values = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
        if (options is { ValueKind: JsonValueKind.Object } map)
        {
            foreach (var property in map.EnumerateObject())
            {
                // Unknown option names are ignored (Ollama only logs them).
                if (Known.TryGetValue(property.Name, out var kind) && property.Value.ValueKind != JsonValueKind.Null)
                {
                    Check(property.Name, kind, property.Value);
                    values[property.Name] = property.Value;
                }
            }
        }

        int Int(string name, int fallback) =>
            values.TryGetValue(name, out var v) ? (int)Math.Clamp(Math.Truncate(v.GetDouble()), int.MinValue, int.MaxValue) : fallback;

        var numCtx = Math.Max(4, Int("num_ctx", DefaultContext(simulator)));
        if (model.ContextLength > 0)
        {
            numCtx = Math.Min(numCtx, model.ContextLength);
        }

        if (model.HasCapability("vision"))
        {
            numCtx = Math.Max(numCtx, 2048);
        }

        // server/routes.go scheduleRunner: embedding models default to their own batch (not automatic);
        // server/sched.go applyAutomaticGenerationBatch sizes a completion runner's batch by its context.
        var explicitBatch = values.ContainsKey("num_batch");
        var embeddingBatch = !explicitBatch && model.HasCapability("embedding");
        var numBatch = explicitBatch ? Int("num_batch", RunnerOptions.DefaultNumBatch)
            : embeddingBatch ? Math.Min(RunnerOptions.EmbeddingNumBatch, numCtx)
            : model.HasCapability("completion") ? RunnerOptions.AutomaticBatch(numCtx)
            : RunnerOptions.DefaultNumBatch;
        var runner = new RunnerOptions(
            numCtx,
            numBatch,
            !explicitBatch && !embeddingBatch,
            Int("num_gpu", -1),
            values.ContainsKey("main_gpu") ? Int("main_gpu", 0) : null,
            values.TryGetValue("use_mmap", out var mmap) ? mmap.GetBoolean() : null,
            Int("num_thread", 0),
            // The simulated models have no draft model: only an explicit value is kept (server/routes.go modelOptions).
            Int("draft_num_predict", 0),
            // server/sched.go resolveContextShift: the request's shift, else every family but deepseek2.
            shift ?? !(model.Family == "deepseek2" || model.Families?.Contains("deepseek2") == true));
        var stop = values.TryGetValue("stop", out var s) ? s.EnumerateArray().Select(e => e.GetString()!).ToArray() : [];
        return new InferenceOptions(runner, numPredictOverride ?? Int("num_predict", -1), stop);
    }

    /// <summary><c>OLLAMA_CONTEXT_LENGTH</c>, else Ollama's VRAM tiers.</summary>
    public static int DefaultContext(SimulatorOptions simulator) =>
        simulator.DefaultContextLength > 0 ? simulator.DefaultContextLength
        : simulator.VramBytes >= 47 * SimulatorOptions.GiB ? 262_144
        : simulator.VramBytes >= 23 * SimulatorOptions.GiB ? 32_768
        : 4_096;

    private static void Check(string name, Kind kind, JsonElement value)
    {
        var message = kind switch
        {
            Kind.Integer when value.ValueKind != JsonValueKind.Number => "must be of type integer",
            Kind.Float32 when value.ValueKind != JsonValueKind.Number => "must be of type float32",
            Kind.Boolean when value.ValueKind is not (JsonValueKind.True or JsonValueKind.False) => "must be of type boolean",
            Kind.StringArray when value.ValueKind != JsonValueKind.Array => "must be of type array",
            Kind.StringArray when value.EnumerateArray().Any(e => e.ValueKind != JsonValueKind.String) => "must be of an array of strings",
            _ => null,
        };
        if (message is not null)
        {
            // Surfaces through the scheduling path in Ollama, hence 500 rather than 400.
            throw new ApiException(500, $"option \"{name}\" {message}");
        }
    }
}
