using OllamaSimulator.Models;

namespace OllamaSimulator.Scheduling;

/// <summary>Read-only views of the scheduler: <c>/api/ps</c> entries and per-model states.</summary>
internal sealed partial class ModelScheduler
{
    public IReadOnlyList<RunnerSnapshot> ListLoaded()
    {
        lock (gate)
        {
            var now = time.GetUtcNow();
            return [.. runners.Values
                .Where(r => r.State == ModelState.Loaded)
                .OrderBy(r => r.Key, StringComparer.Ordinal)
                .Select(r => new RunnerSnapshot(r.Model, r.Model.RuntimeSize, r.SizeVram, ExpiresAtLocked(r, now), r.Options.NumCtx))];
        }
    }

    public IReadOnlyList<ModelStateView> GetStates(IReadOnlyList<SimulatedModel> catalog)
    {
        lock (gate)
        {
            var now = time.GetUtcNow();
            var views = new List<ModelStateView>();
            var seen = new HashSet<string>(StringComparer.Ordinal);
            foreach (var model in catalog)
            {
                var key = ModelName.Parse(model.Name).Key;
                seen.Add(key);
                views.Add(ViewLocked(model, key, now));
            }

            // A model deleted while loaded keeps running, as in Ollama.
            views.AddRange(runners.Values.Where(r => !seen.Contains(r.Key)).Select(r => ViewLocked(r.Model, r.Key, now)));
            return views;
        }
    }

    private DateTimeOffset ExpiresAtLocked(ModelRunner runner, DateTimeOffset now) =>
        runner.ExpiresAt ?? now + runner.KeepAlive;

    private ModelStateView ViewLocked(SimulatedModel model, string key, DateTimeOffset now)
    {
        var (loads, unloads) = history.GetValueOrDefault(key);
        if (!runners.TryGetValue(key, out var runner))
        {
            return new ModelStateView(model.DisplayName, ModelState.Absent, 0, null, null, loads, unloads, 0);
        }

        var state = runner.State == ModelState.Loaded && !runner.IsIdle && (runner.Expiring || runner.KeepAlive == TimeSpan.Zero)
            ? ModelState.Unloading
            : runner.State;
        var expiresAt = runner.State == ModelState.Loaded ? ExpiresAtLocked(runner, now) : (DateTimeOffset?)null;
        return new ModelStateView(model.DisplayName, state, runner.RefCount, expiresAt, runner.KeepAlive, loads, unloads, runner.Options.NumCtx);
    }
}
