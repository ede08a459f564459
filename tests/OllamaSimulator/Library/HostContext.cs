using OllamaSimulator.Models;
using OllamaSimulator.Scheduling;

namespace OllamaSimulator;

/// <summary>Everything one simulated host's endpoints share.</summary>
internal sealed class HostContext
{
    private volatile FaultSetting fault = new(FaultMode.None, TimeSpan.Zero);

    public HostContext(SimulatorOptions options)
    {
        Options = options;
        Version = OllamaVersion.Parse(options.Version);
        Catalog = new ModelCatalog(options.Models);
        Scheduler = new ModelScheduler(options, Counters);
    }

    public SimulatorOptions Options { get; }

    public OllamaVersion Version { get; }

    public ModelCatalog Catalog { get; }

    public SimulatorCounters Counters { get; } = new();

    public ModelScheduler Scheduler { get; }

    public TimeProvider Time => Options.TimeProvider;

    public FaultSetting Fault
    {
        get => fault;
        set => fault = value;
    }
}
