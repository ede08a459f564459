using BenchmarkDotNet.Running;

// dotnet run -c Release --project tests/OllamaOrleans.Benchmarks -- --filter '*'
BenchmarkSwitcher.FromAssembly(typeof(OllamaOrleans.Benchmarks.StatisticsBenchmarks).Assembly).Run(args);
