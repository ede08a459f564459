using OllamaSimulator.Json;

namespace OllamaSimulator.Scheduling;

/// <summary>The queue side of the scheduler: one pending request at a time, one load at a time.</summary>
internal sealed partial class ModelScheduler
{
    // Ollama forces one slot for these architectures whatever OLLAMA_NUM_PARALLEL says.
    private static readonly HashSet<string> SingleSlotFamilies = new(StringComparer.OrdinalIgnoreCase)
    {
        "mllama", "qwen3vl", "qwen3vlmoe", "qwen35", "qwen35moe", "qwen3next", "lfm2", "lfm2moe", "nemotron_h", "nemotron_h_moe", "nemotron_h_omni",
    };

    private void CancelPending(PendingLoad request)
    {
        lock (gate)
        {
            if (request.Node?.List is not null)
            {
                pending.Remove(request.Node);
            }
        }

        request.Cancel();
    }

    private async Task RunQueueAsync()
    {
        while (true)
        {
            PendingLoad next;
            lock (gate)
            {
                if (pending.First is null)
                {
                    queueRunning = false;
                    return;
                }

                next = pending.First.Value;
                pending.RemoveFirst();
            }

            try
            {
                await ProcessAsync(next);
            }
            catch (OperationCanceledException)
            {
                next.Cancel();
            }
            catch (Exception e)
            {
                next.Fail(e);
            }
        }
    }

    /// <summary>Ollama's per-request loop: attach, or make room (reload, count, memory) and load.</summary>
    private async Task ProcessAsync(PendingLoad next)
    {
        while (true)
        {
            Task? waitForUnload = null;
            ModelRunner? loading = null;
            lock (gate)
            {
                if (next.IsDone || next.CancellationToken.IsCancellationRequested)
                {
                    next.Cancel();
                    return;
                }

                if (runners.TryGetValue(next.Key, out var existing))
                {
                    if (CanAttach(existing, next.Options))
                    {
                        Complete(next, Attach(existing, next.KeepAlive, next.StartedTimestamp));
                        return;
                    }

                    // Options changed (or the runner died): let it finish, unload, load again.
                    waitForUnload = ExpireLocked(existing);
                }
                else if (runners.Count >= options.MaxLoadedModels || !FitsLocked(next.Model))
                {
                    waitForUnload = EvictLocked();
                }
                else
                {
                    loading = NewRunnerLocked(next);
                }
            }

            if (waitForUnload is not null)
            {
                await waitForUnload.WaitAsync(next.CancellationToken);
                continue;
            }

            await LoadAsync(next, loading!);
            return;
        }
    }

    private async Task LoadAsync(PendingLoad next, ModelRunner loading)
    {
        try
        {
            if (options.LoadTime > TimeSpan.Zero)
            {
                await Delays.AtLeastAsync(time, options.LoadTime, next.CancellationToken);
            }
        }
        catch (OperationCanceledException)
        {
            // The client left during its load: Ollama aborts it and discards the half-started runner.
            lock (gate)
            {
                runners.Remove(loading.Key);
                loading.State = ModelState.Absent;
                loading.Unloaded.TrySetResult();
            }

            next.Cancel();
            return;
        }

        lock (gate)
        {
            loading.State = ModelState.Loaded;
            var (loads, unloads) = history.GetValueOrDefault(loading.Key);
            history[loading.Key] = (loads + 1, unloads);
            counters.CountLoad();
            Complete(next, Attach(loading, next.KeepAlive, next.StartedTimestamp));
        }
    }

    private void Complete(PendingLoad next, RunnerLease lease)
    {
        if (!next.TryComplete(lease))
        {
            // Cancelled at the last moment: give the reference back once out of the lock.
            _ = Task.Run(lease.Dispose);
        }
    }

    private ModelRunner NewRunnerLocked(PendingLoad next)
    {
        var model = next.Model;
        var slots = model.IsEmbeddingOnly || SingleSlotFamilies.Contains(model.Family) ? 1 : options.NumParallel;
        // Alone on the GPU a model loads whatever its size (partial CPU offload); else it had to fit.
        var sizeVram = runners.Count == 0 ? Math.Min(model.RuntimeSize, options.VramBytes) : model.RuntimeSize;
        var runner = new ModelRunner(model, next.Key, next.Options, slots, sizeVram)
        {
            KeepAlive = options.DefaultKeepAlive < TimeSpan.Zero ? GoDuration.Forever : options.DefaultKeepAlive,
        };
        runners[next.Key] = runner;
        return runner;
    }

    /// <summary>Ollama's 80 % rule: with other models loaded, the new one must fit in 80 % of what is free.</summary>
    private bool FitsLocked(SimulatedModel model)
    {
        if (runners.Count == 0)
        {
            return true;
        }

        var free = options.VramBytes - runners.Values.Sum(r => r.SizeVram);
        return model.RuntimeSize <= 0.8 * free;
    }

    /// <summary>
    /// Victim: the first idle runner by shortest keep-alive, ties by blob path, else the first of that
    /// order (server/sched.go ByDurationAndName: the model's path under blobs/, <c>sha256-</c> + digest).
    /// </summary>
    private Task EvictLocked()
    {
        var leaving = runners.Values.FirstOrDefault(r => r.Expiring);
        if (leaving is not null)
        {
            return leaving.Unloaded.Task;
        }

        var ordered = runners.Values.OrderBy(r => r.KeepAlive).ThenBy(r => r.Model.Digest, StringComparer.Ordinal).ToList();
        var victim = ordered.FirstOrDefault(r => r.IsIdle) ?? ordered[0];
        counters.CountEviction();
        return ExpireLocked(victim);
    }

    private Task ExpireLocked(ModelRunner runner)
    {
        runner.Expiring = true;
        if (runner.IsIdle)
        {
            UnloadLocked(runner);
        }

        return runner.Unloaded.Task;
    }
}
