using BenchmarkDotNet.Running;
using OllamaOrleans.Benchmarks.Gateway;

// dotnet run -c Release --project tests/OllamaOrleans.Benchmarks -- --filter '*'     (BenchmarkDotNet)
// tests/OllamaOrleans.Benchmarks/gateway.sh                                          (gateway vs direct vs nginx)
if (args.Length > 0 && args[0] == "gateway")
{
    return await GatewayBenchmark.RunAsync(args[1..]);
}

BenchmarkSwitcher.FromAssembly(typeof(OllamaOrleans.Benchmarks.StatisticsBenchmarks).Assembly).Run(args);
return 0;
