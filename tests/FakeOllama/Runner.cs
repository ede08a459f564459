using System.Diagnostics;

namespace FakeOllama;

/// <summary>
/// The runner: like a model runner it holds memory (every page touched, so it is resident) and uses
/// CPU; it exits when its stdin closes, which happens when the server that started it dies.
/// </summary>
public static class Runner
{
    private static readonly TimeSpan Period = TimeSpan.FromMilliseconds(100);

    public static int Run(Arguments arguments)
    {
        var held = new byte[arguments.HoldMegabytes * 1024L * 1024L];
        for (var i = 0; i < held.Length; i += 4096)
        {
            held[i] = 1;
        }

        var burner = new Thread(() => Burn(arguments.Burn)) { IsBackground = true };
        burner.Start();
        Console.In.ReadToEnd();
        GC.KeepAlive(held);
        return 0;
    }

    private static void Burn(double fraction)
    {
        var busy = Period * Math.Clamp(fraction, 0, 1);
        while (true)
        {
            var started = Stopwatch.GetTimestamp();
            while (Stopwatch.GetElapsedTime(started) < busy)
            {
                Thread.SpinWait(1000);
            }

            Thread.Sleep(Period - busy);
        }
    }
}
