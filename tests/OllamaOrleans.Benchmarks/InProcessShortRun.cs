using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Toolchains.InProcess.Emit;

namespace OllamaOrleans.Benchmarks;

/// <summary>
/// BenchmarkDotNet's short run, in this process: a separate build per benchmark does not finish within
/// BenchmarkDotNet's timeout on a loaded 2-core machine, and these pure operations need no isolation.
/// </summary>
public sealed class InProcessShortRun : ManualConfig
{
    public InProcessShortRun() => AddJob(Job.ShortRun.WithToolchain(InProcessEmitToolchain.Instance));
}
