using FakeOllama;

// ollama serve --port N [--runner-burn F] [--runner-mb M]: listens like Ollama's server and starts one
//   runner child; prints "ready <server pid> <runner pid>" once both run.
// ollama runner --burn F --hold-mb M: holds M MiB of touched memory and burns a fraction F of one core
//   until its stdin closes (its server died).
return args.FirstOrDefault() switch
{
    "serve" => await Server.RunAsync(Arguments.Parse(args)),
    "runner" => Runner.Run(Arguments.Parse(args)),
    _ => Usage(),
};

static int Usage()
{
    Console.Error.WriteLine("usage: ollama serve --port N [--runner-burn F] [--runner-mb M] | ollama runner --burn F --hold-mb M");
    return 2;
}
