namespace OllamaOrleans.Silo.Resources.Proc;

/// <summary>Parent-child relations of a process table: Ollama's runners are the server's descendants.</summary>
public static class ProcessTree
{
    /// <summary>All descendants of <paramref name="root"/> (not the root itself), children before grandchildren.</summary>
    public static List<int> Descendants(int root, IReadOnlyDictionary<int, ProcStat> table)
    {
        var children = new Dictionary<int, List<int>>();
        foreach (var stat in table.Values)
        {
            if (stat.Pid == stat.ParentPid)
            {
                continue;
            }

            if (!children.TryGetValue(stat.ParentPid, out var list))
            {
                children[stat.ParentPid] = list = [];
            }

            list.Add(stat.Pid);
        }

        var result = new List<int>();
        var queue = new Queue<int>();
        queue.Enqueue(root);
        var seen = new HashSet<int> { root };
        while (queue.TryDequeue(out var pid))
        {
            if (!children.TryGetValue(pid, out var kids))
            {
                continue;
            }

            foreach (var kid in kids.Order())
            {
                if (seen.Add(kid))
                {
                    result.Add(kid);
                    queue.Enqueue(kid);
                }
            }
        }

        return result;
    }

    /// <summary>The processes of a set whose parent is outside it: the server of a cgroup holding server and runners.</summary>
    public static List<int> Roots(IReadOnlyCollection<int> pids, IReadOnlyDictionary<int, ProcStat> table)
    {
        var set = pids.ToHashSet();
        return [.. pids.Where(p => table.TryGetValue(p, out var s) && !set.Contains(s.ParentPid)).Order()];
    }
}
