using BenchmarkDotNet.Attributes;
using OllamaOrleans.GrainInterfaces.Models;
using OllamaOrleans.Grains.Ollama;
using OllamaOrleans.Grains.Polling;

namespace OllamaOrleans.Benchmarks;

/// <summary>
/// The pure work of one host poll, on the captured bodies of Ollama 0.32 (Fixtures/ollama: /api/tags with
/// 4 models, 2.3 KB; /api/ps with 2 loaded, 1.1 KB): parsing each listing, diffing /api/ps against the
/// previous one, and planning the model observations. A fleet of 1,000 hosts polled every 10 s does each
/// of these 100 times a second.
/// </summary>
[MemoryDiagnoser]
[Config(typeof(InProcessShortRun))]
public class PollingBenchmarks
{
    private byte[] tagsBody = [];
    private byte[] psBody = [];
    private byte[] versionBody = [];
    private ParsedList<TagsEntry> tags = null!;
    private ParsedList<PsEntry> ps = null!;
    private IReadOnlyDictionary<string, LoadedRunner> previous = null!;
    private LoadDiff diff = null!;
    private Dictionary<string, ModelSnapshot> known = [];

    [GlobalSetup]
    public void Setup()
    {
        tagsBody = BenchFixtures.Read("tags-v0.32.json");
        psBody = BenchFixtures.Read("ps-v0.32.json");
        versionBody = BenchFixtures.Read("version-v0.32.json");
        tags = OllamaJson.ParseTags(tagsBody);
        ps = OllamaJson.ParsePs(psBody);
        previous = LoadedModelsDiff.Compute(null, ps.Items).Current;
        diff = LoadedModelsDiff.Compute(previous, ps.Items);
        var plan = ObservationPlanner.Plan(tags, ps, diff, known, 500);
        known = plan.Observations.ToDictionary(
            o => o.Key,
            o => new ModelSnapshot(o.Value.Name, o.Value.Available, o.Value.Loaded, o.Value.Available?.Details ?? ModelDetails.Empty, 0, 0),
            StringComparer.Ordinal);
    }

    [Benchmark(Description = "parse /api/version")]
    public string ParseVersion() => OllamaJson.ParseVersion(versionBody);

    [Benchmark(Description = "parse /api/tags (4 models, 2.3 KB)")]
    public int ParseTags() => OllamaJson.ParseTags(tagsBody).Items.Count;

    [Benchmark(Description = "parse /api/ps (2 loaded, 1.1 KB)")]
    public int ParsePs() => OllamaJson.ParsePs(psBody).Items.Count;

    [Benchmark(Description = "diff /api/ps against the previous poll")]
    public int Diff() => LoadedModelsDiff.Compute(previous, ps.Items).Loads.Count;

    [Benchmark(Description = "plan the model observations of a poll")]
    public int Plan() => ObservationPlanner.Plan(tags, ps, diff, known, 500).Observations.Count;
}
