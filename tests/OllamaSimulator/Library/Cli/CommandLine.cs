using System.Globalization;
using OllamaSimulator.Json;
using OllamaSimulator.Models;

namespace OllamaSimulator.Cli;

/// <summary>Turns <c>--name value</c> (or <c>--name=value</c>) arguments into <see cref="SimulatorOptions"/>.</summary>
internal static class CommandLine
{
    public const int DefaultPort = 11434;
    public const int DefaultControlPort = 11400;

    public const string Usage = """
        usage: OllamaSimulator [options]
          --hosts N               simulated servers (default 1)
          --port P                first host's port; hosts use P..P+N-1 (default 11434; 0 = OS-assigned)
          --control-port C        control API port (default 11400; 0 = OS-assigned)
          --models FILE           JSON array of models for every host (default: built-in set)
          --load-ms MS            model load time (default 500)
          --tokens-per-second X   generation speed (default 50)
          --response-tokens N     tokens per answer when num_predict does not stop it first (default 24)
          --version V             version reported by /api/version (default 0.32.15)
          --num-parallel N        OLLAMA_NUM_PARALLEL (default 1)
          --max-loaded N          OLLAMA_MAX_LOADED_MODELS (default 3)
          --max-queue N           OLLAMA_MAX_QUEUE (default 512)
          --keep-alive D          OLLAMA_KEEP_ALIVE: Go duration or seconds, negative = forever (default 5m)
          --context-length N      OLLAMA_CONTEXT_LENGTH (default 0 = by VRAM tier)
          --vram-bytes N          GPU memory, bytes or with a KiB/MiB/GiB suffix (default 24GiB)
        """;

    /// <summary>Null when help was asked for.</summary>
    public static SimulatorOptions? Parse(IReadOnlyList<string> args)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            if (arg is "--help" or "-h")
            {
                return null;
            }

            if (!arg.StartsWith("--", StringComparison.Ordinal))
            {
                throw new CommandLineException($"unexpected argument '{arg}'");
            }

            var equals = arg.IndexOf('=', StringComparison.Ordinal);
            var name = equals < 0 ? arg : arg[..equals];
            if (!Known.Contains(name))
            {
                throw new CommandLineException($"unknown argument '{name}'");
            }

            if (equals < 0 && i + 1 >= args.Count)
            {
                throw new CommandLineException($"{name}: missing value");
            }

            values[name] = equals < 0 ? args[++i] : arg[(equals + 1)..];
        }

        string? Get(string name) => values.GetValueOrDefault(name);
        var options = new SimulatorOptions
        {
            Hosts = Int(Get("--hosts"), "--hosts", 1, 1),
            BasePort = Int(Get("--port"), "--port", DefaultPort, 0, 65535),
            ControlPort = Int(Get("--control-port"), "--control-port", DefaultControlPort, 0, 65535),
            ListenAddress = Get("--listen") is { } listen
                ? System.Net.IPAddress.TryParse(listen, out var address) ? address : throw new CommandLineException($"--listen: expected an IPv4 address such as 0.0.0.0, got '{listen}'")
                : System.Net.IPAddress.Loopback,
            Models = Get("--models") is { } file ? ReadModels(file) : DefaultModels.All,
            LoadTime = TimeSpan.FromMilliseconds(Int(Get("--load-ms"), "--load-ms", 500, 0)),
            TokensPerSecond = Double(Get("--tokens-per-second"), "--tokens-per-second", 50),
            ResponseTokens = Int(Get("--response-tokens"), "--response-tokens", 24, 0),
            Version = Get("--version") is { } version
                ? OllamaVersion.TryParse(version, out _) ? version : throw new CommandLineException($"--version: expected a version like 0.32.15, got '{version}'")
                : "0.32.15",
            NumParallel = Int(Get("--num-parallel"), "--num-parallel", 1, 1),
            MaxLoadedModels = Int(Get("--max-loaded"), "--max-loaded", 3, 1),
            MaxQueue = Int(Get("--max-queue"), "--max-queue", 512, 0),
            DefaultKeepAlive = Get("--keep-alive") is { } keepAlive ? KeepAlive(keepAlive) : TimeSpan.FromMinutes(5),
            DefaultContextLength = Int(Get("--context-length"), "--context-length", 0, 0),
            VramBytes = Get("--vram-bytes") is { } vram ? Bytes(vram) : 24 * SimulatorOptions.GiB,
        };

        try
        {
            options.Validate();
        }
        catch (ArgumentException e)
        {
            // "BasePort must ... (Parameter 'BasePort')" becomes "--port: must ...".
            var name = e.ParamName ?? "";
            var problem = e.Message.Replace($" (Parameter '{name}')", "", StringComparison.Ordinal);
            problem = problem.StartsWith(name + " ", StringComparison.Ordinal) ? problem[(name.Length + 1)..] : problem;
            throw new CommandLineException($"{OptionNames.GetValueOrDefault(name, name)}: {problem}");
        }

        return options;
    }

    private static readonly Dictionary<string, string> OptionNames = new(StringComparer.Ordinal)
    {
        [nameof(SimulatorOptions.Hosts)] = "--hosts",
        [nameof(SimulatorOptions.BasePort)] = "--port",
        [nameof(SimulatorOptions.ControlPort)] = "--control-port",
        [nameof(SimulatorOptions.TokensPerSecond)] = "--tokens-per-second",
        [nameof(SimulatorOptions.Version)] = "--version",
    };

    private static readonly HashSet<string> Known =
    [
        "--hosts", "--port", "--control-port", "--listen", "--models", "--load-ms", "--tokens-per-second", "--response-tokens", "--version",
        "--num-parallel", "--max-loaded", "--max-queue", "--keep-alive", "--context-length", "--vram-bytes",
    ];

    private static int Int(string? text, string name, int fallback, int min, int max = int.MaxValue)
    {
        if (text is null)
        {
            return fallback;
        }

        if (!int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value) || value < min || value > max)
        {
            var range = max == int.MaxValue ? $"an integer >= {min}" : $"an integer from {min} to {max}";
            throw new CommandLineException($"{name}: expected {range}, got '{text}'");
        }

        return value;
    }

    private static double Double(string? text, string name, double fallback)
    {
        if (text is null)
        {
            return fallback;
        }

        return double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && value > 0 && double.IsFinite(value)
            ? value
            : throw new CommandLineException($"{name}: expected a positive number, got '{text}'");
    }

    /// <summary>As <c>OLLAMA_KEEP_ALIVE</c>: a Go duration or whole seconds; negative means forever.</summary>
    private static TimeSpan KeepAlive(string text)
    {
        if (long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var seconds))
        {
            return seconds < 0 ? GoDuration.Forever : TimeSpan.FromSeconds(seconds);
        }

        if (!GoDuration.TryParse(text, out var ns, out var error))
        {
            throw new CommandLineException($"--keep-alive: {error}");
        }

        return ns < 0 ? GoDuration.Forever : TimeSpan.FromTicks(ns / 100);
    }

    private static long Bytes(string text)
    {
        var units = new (string Suffix, long Scale)[] { ("GiB", 1L << 30), ("MiB", 1L << 20), ("KiB", 1L << 10), ("GB", 1_000_000_000), ("MB", 1_000_000), ("B", 1), ("", 1) };
        foreach (var (suffix, scale) in units)
        {
            if (text.EndsWith(suffix, StringComparison.OrdinalIgnoreCase)
                && double.TryParse(text[..^suffix.Length], NumberStyles.Float, CultureInfo.InvariantCulture, out var value)
                && value > 0 && value * scale < long.MaxValue)
            {
                return (long)(value * scale);
            }
        }

        throw new CommandLineException($"--vram-bytes: expected a positive size such as 25769803776 or 24GiB, got '{text}'");
    }

    private static IReadOnlyList<SimulatedModel> ReadModels(string path)
    {
        string json;
        try
        {
            json = File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new CommandLineException($"--models: cannot read '{path}': {e.Message}");
        }

        try
        {
            return ModelJson.ReadList(json);
        }
        catch (ArgumentException e)
        {
            throw new CommandLineException($"--models: {path}: {e.Message}");
        }
    }
}
