using System.Buffers.Text;

namespace OllamaOrleans.Silo.Resources.Proc;

/// <summary>
/// The fields of <c>/proc/[pid]/stat</c> the collector uses. CPU times and the start time are in
/// clock ticks. Parsed from the bytes as read, since every process on the node is read each cycle.
/// </summary>
public readonly record struct ProcStat(int Pid, int ParentPid, long UserTicks, long SystemTicks, long StartTicks)
{
    public long CpuTicks => UserTicks + SystemTicks;

    /// <summary>
    /// <c>pid (comm) state ppid ...</c>: comm may hold spaces and parentheses, so the fields are
    /// counted from the last ')'. ppid is field 4, utime 14, stime 15, starttime 22 (proc(5)).
    /// </summary>
    public static bool TryParse(ReadOnlySpan<byte> text, out ProcStat stat)
    {
        stat = default;
        var open = text.IndexOf((byte)'(');
        var close = text.LastIndexOf((byte)')');
        if (open < 1 || close < open || !Utf8Parser.TryParse(text[..(open - 1)], out int pid, out _))
        {
            return false;
        }

        var rest = text[(close + 1)..];
        int ppid = 0;
        long utime = 0, stime = 0, start = 0;
        var field = 2;
        var found = 0;
        while (!rest.IsEmpty && found < 4)
        {
            rest = rest.TrimStart((byte)' ');
            var end = rest.IndexOfAny((byte)' ', (byte)'\n');
            var token = end < 0 ? rest : rest[..end];
            rest = end < 0 ? [] : rest[end..];
            field++;
            var ok = field switch
            {
                4 => Utf8Parser.TryParse(token, out ppid, out _),
                14 => Utf8Parser.TryParse(token, out utime, out _),
                15 => Utf8Parser.TryParse(token, out stime, out _),
                22 => Utf8Parser.TryParse(token, out start, out _),
                _ => (bool?)null,
            };
            if (ok == false)
            {
                return false;
            }

            found += ok is null ? 0 : 1;
        }

        if (found < 4)
        {
            return false;
        }

        stat = new ProcStat(pid, ppid, utime, stime, start);
        return true;
    }
}
