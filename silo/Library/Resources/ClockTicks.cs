using System.Runtime.InteropServices;

namespace OllamaOrleans.Silo.Resources;

/// <summary>The kernel's clock tick rate (<c>sysconf(_SC_CLK_TCK)</c>), the unit of CPU times in <c>/proc/[pid]/stat</c>.</summary>
public static partial class ClockTicks
{
    private const int ScClkTck = 2; // _SC_CLK_TCK on Linux

    public static double PerSecond { get; } = Read();

    private static double Read()
    {
        try
        {
            var ticks = Sysconf(ScClkTck);
            return ticks > 0 ? ticks : 100;
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
        {
            return 100;
        }
    }

    [LibraryImport("libc", EntryPoint = "sysconf")]
    private static partial long Sysconf(int name);
}
