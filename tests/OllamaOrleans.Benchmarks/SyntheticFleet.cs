using System.Collections.Immutable;
using OllamaOrleans.GrainInterfaces.Hosts;
using OllamaOrleans.GrainInterfaces.Models;
using OllamaOrleans.GrainInterfaces.Statistics;
using OllamaOrleans.Grains.Hosts;
using OllamaOrleans.Grains.Models;
using OllamaOrleans.Grains.Ollama;
using OllamaOrleans.Protocol.Statistics;

namespace OllamaOrleans.Benchmarks;

/// <summary>
/// Host snapshots as host grains publish them, built through the grains' own pure code: each host has
/// the simulator's default catalog (5 models), 2 of them loaded and probed (10 probe records each), and
/// poll counters of 360 polls (an hour at 10 s) with a few failures.
/// </summary>
public static class SyntheticFleet
{
    private static readonly DateTimeOffset T0 = DateTimeOffset.FromUnixTimeSeconds(1_800_000_000);

    private static readonly (string Name, long Size, string Family, string Parameters, string Quantization)[] Catalog =
    [
        ("llama3.2:latest", 2_019_393_189, "llama", "3.2B", "Q4_K_M"),
        ("qwen2.5:7b", 4_683_087_332, "qwen2", "7.6B", "Q4_K_M"),
        ("gemma3:4b", 3_338_801_804, "gemma3", "4.3B", "Q4_K_M"),
        ("nomic-embed-text:latest", 274_302_450, "nomic-bert", "137M", "F16"),
        ("deepseek-r1:8b", 5_225_376_047, "qwen3", "8.2B", "Q4_K_M"),
    ];

    public static IReadOnlyList<HostSnapshot> Build(int hosts) =>
        [.. Enumerable.Range(0, hosts).Select(Host).OrderBy(h => h.Name, StringComparer.Ordinal)];

    private static HostSnapshot Host(int index)
    {
        var port = 40000 + index;
        var state = new OllamaHostState
        {
            Registration = new HostRegistration($"127.0.0.1:{port}", $"http://127.0.0.1:{port}/", ImmutableSortedDictionary<string, string>.Empty, HostSource.Configuration),
            Version = "0.32.15",
            LastSuccessAt = T0,
        };
        var random = new Random(index);
        foreach (var endpoint in PollEndpoints.All)
        {
            for (var i = 0; i < 360; i++)
            {
                var failure = i % 97 == 0 ? new PollFailure(PollFailureReason.Timeout, "timed out") : null;
                state.CountersFor(endpoint).Record(TimeSpan.FromMilliseconds(1 + (random.NextDouble() * 30)), failure);
            }
        }

        var models = Catalog.Select((m, i) => Model(m, i < 2, random)).ToList();
        return HostSnapshotFactory.Create(state, true, T0, models, 0, null, state.EndpointStats());
    }

    private static ModelSnapshot Model((string Name, long Size, string Family, string Parameters, string Quantization) m, bool loaded, Random random)
    {
        var digest = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(m.Name)));
        var details = new ModelDetails("gguf", m.Family, [m.Family], m.Parameters, m.Quantization, 131072, 3072, ["completion"]);
        var state = new OllamaModelState();
        ModelStateReducer.Apply(state, new ModelObservation(
            m.Name,
            new AvailableModel(m.Size, digest, T0.AddDays(-3), details),
            loaded ? new LoadedModel(m.Size + 1_000_000_000, m.Size + 1_000_000_000, 4096, T0.AddMinutes(5), digest) : null,
            loaded ? 3 : 0,
            loaded ? 2 : 0,
            null));
        if (loaded)
        {
            for (var i = 0; i < 10; i++)
            {
                var latency = 0.2 + random.NextDouble();
                InferenceRecorder.Apply(state, new InferenceRecord(T0.AddMinutes(i * 5), InferenceSources.Probe, "generate", "POST", "200", latency, latency / 2, 0.001, 12, 0.01, 1, 0.02, DoneReason: "length", QueueWaitSeconds: 0));
            }
        }

        return ModelStateReducer.ToSnapshot(state)!;
    }
}
