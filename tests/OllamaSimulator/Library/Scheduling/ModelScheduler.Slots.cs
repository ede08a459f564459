namespace OllamaSimulator.Scheduling;

/// <summary>Parallel slots and references: first come, first served, freed on release or disconnect.</summary>
internal sealed partial class ModelScheduler
{
    internal async Task AcquireSlotAsync(ModelRunner runner, CancellationToken cancellationToken)
    {
        TaskCompletionSource waiter;
        LinkedListNode<TaskCompletionSource> node;
        lock (gate)
        {
            if (runner.FreeSlots > 0)
            {
                runner.FreeSlots--;
                return;
            }

            waiter = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            node = runner.SlotWaiters.AddLast(waiter);
        }

        await using var registration = cancellationToken.Register(() =>
        {
            lock (gate)
            {
                if (node.List is not null)
                {
                    runner.SlotWaiters.Remove(node);
                }
            }

            waiter.TrySetCanceled(cancellationToken);
        });
        await waiter.Task;
    }

    internal void Release(ModelRunner runner, bool hadSlot)
    {
        lock (gate)
        {
            if (hadSlot)
            {
                ReleaseSlotLocked(runner);
            }

            runner.RefCount--;
            if (runner.IsIdle)
            {
                OnIdleLocked(runner);
            }
        }
    }

    private static void ReleaseSlotLocked(ModelRunner runner)
    {
        while (runner.SlotWaiters.First is { } next)
        {
            runner.SlotWaiters.RemoveFirst();
            if (next.Value.TrySetResult())
            {
                return;
            }
        }

        runner.FreeSlots++;
    }
}
