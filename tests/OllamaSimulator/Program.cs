using OllamaSimulator.Cli;

return await SimulatorProgram.RunAsync(args, Console.Out, Console.Error);
