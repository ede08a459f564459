using BenchmarkDotNet.Running;
using OllamaOrleans.Benchmarks.Fleet;
using OllamaOrleans.Benchmarks.Gateway;

// dotnet run -c Release --project tests/OllamaOrleans.Benchmarks -- --filter '*'     (BenchmarkDotNet)
// tests/OllamaOrleans.Benchmarks/gateway.sh                                          (gateway vs direct vs nginx)
// tests/OllamaOrleans.Benchmarks/fleet.sh, original.sh                                (fleet scale; the original exporter)
// tests/OllamaOrleans.Benchmarks/idle-silo.sh BASE none|sim|hidden                   (an idle silo's CPU, two checkouts side by side)
switch (args.FirstOrDefault())
{
    case "gateway":
        return await GatewayBenchmark.RunAsync(args[1..]);
    case "fleet":
        return await FleetBenchmark.RunAsync(args[1..]);
    case "processes":
        return await FleetBenchmark.ProcessesAsync(args[1..]);
}

BenchmarkSwitcher.FromAssembly(typeof(OllamaOrleans.Benchmarks.StatisticsBenchmarks).Assembly).Run(args);
return 0;
