using OllamaOrleans.GrainInterfaces.Statistics;
using OllamaOrleans.Grains.Statistics;
using OllamaOrleans.Protocol.Ollama;
using OllamaOrleans.Protocol.Statistics;

namespace OllamaOrleans.Grains.Models;

/// <summary>Applies measured requests to a model's state: cumulative counters, rolling windows, probe status.</summary>
public static class InferenceRecorder
{
    public static void Apply(OllamaModelState state, InferenceRecord record)
    {
        if (!state.Inference.TryGetValue(record.Source, out var counters))
        {
            counters = new InferenceCounters { Source = record.Source };
            state.Inference[record.Source] = counters;
        }

        counters.Record(record);
        if (!state.Windows.TryGetValue(record.Source, out var windows))
        {
            windows = new RollingWindows();
            state.Windows[record.Source] = windows;
        }

        windows.Record(new RequestRecord(
            record.At,
            record.Succeeded ? RequestOutcomes.Ok : record.Status,
            record.LatencySeconds,
            record.PromptTokens,
            record.GenerationTokens,
            record.GenerationSeconds));
        if (record.Source == InferenceSources.Probe)
        {
            state.Probe = new ProbeStatus(record.Succeeded, record.At, record.Status);
        }

        state.Revision++;
    }

    /// <summary>One window of one source, or of all sources merged when <paramref name="source"/> is null.</summary>
    public static WindowSummary Summarize(OllamaModelState state, StatisticsWindow window, string? source, DateTimeOffset now)
    {
        var summary = WindowSummary.Empty(window);
        foreach (var (name, windows) in state.Windows)
        {
            if (source is null || name == source)
            {
                summary = summary.Merge(windows.Summarize(window, now));
            }
        }

        return summary;
    }
}
