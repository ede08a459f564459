using OllamaOrleans.Silo.Resources.Gpu;

return GpuCheck.Run(args, Console.Out);
