using OllamaSimulator.Models;

namespace OllamaSimulator;

/// <summary>Settings for a set of simulated Ollama hosts; the Ollama environment variable each mirrors is named.</summary>
public sealed class SimulatorOptions
{
    public const long GiB = 1L << 30;

    public int Hosts { get; init; } = 1;

    /// <summary>First host's port; hosts use consecutive ports. 0 = an OS-assigned port per host.</summary>
    public int BasePort { get; init; }

    /// <summary>Control API port; 0 = OS-assigned.</summary>
    public int ControlPort { get; init; }

    /// <summary>Where hosts and the control API listen: loopback, or 0.0.0.0 in a container.</summary>
    public System.Net.IPAddress ListenAddress { get; init; } = System.Net.IPAddress.Loopback;

    /// <summary>Every host starts with these models in its store.</summary>
    public IReadOnlyList<SimulatedModel> Models { get; init; } = DefaultModels.All;

    /// <summary>How long a model load takes (llama-server start-up).</summary>
    public TimeSpan LoadTime { get; init; } = TimeSpan.FromMilliseconds(500);

    /// <summary>Generation speed; <see cref="double.PositiveInfinity"/> generates without pacing.</summary>
    public double TokensPerSecond { get; init; } = 50;

    /// <summary>Tokens a generation produces before stopping by itself (<c>done_reason: stop</c>).</summary>
    public int ResponseTokens { get; init; } = 24;

    /// <summary>What <c>/api/version</c> reports; older versions switch off features that came later.</summary>
    public string Version { get; init; } = "0.32.15";

    /// <summary><c>OLLAMA_NUM_PARALLEL</c>: slots per loaded model (embedding-only models always get 1).</summary>
    public int NumParallel { get; init; } = 1;

    /// <summary><c>OLLAMA_MAX_LOADED_MODELS</c>.</summary>
    public int MaxLoadedModels { get; init; } = 3;

    /// <summary><c>OLLAMA_MAX_QUEUE</c>: requests that may wait for a load before the rest get 503.</summary>
    public int MaxQueue { get; init; } = 512;

    /// <summary><c>OLLAMA_KEEP_ALIVE</c>; negative = forever, zero = unload as soon as idle.</summary>
    public TimeSpan DefaultKeepAlive { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>GPU memory; decides the memory-fit eviction rule and the default context tier.</summary>
    public long VramBytes { get; init; } = 24 * GiB;

    /// <summary><c>OLLAMA_CONTEXT_LENGTH</c>; 0 = by VRAM tier (4k, 32k from 23 GiB, 256k from 47 GiB).</summary>
    public int DefaultContextLength { get; init; }

    /// <summary>Every clock read and delay of the simulation goes through this.</summary>
    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;

    /// <summary>Throws <see cref="ArgumentException"/> naming the first bad setting.</summary>
    public void Validate()
    {
        Require(Hosts >= 1, nameof(Hosts), "must be at least 1");
        Require(BasePort is >= 0 and <= 65535 && (BasePort == 0 || BasePort + Hosts - 1 <= 65535), nameof(BasePort), "must leave room for every host below port 65536");
        Require(ControlPort is >= 0 and <= 65535, nameof(ControlPort), "must be a port number");
        Require(ControlPort == 0 || BasePort == 0 || ControlPort < BasePort || ControlPort >= BasePort + Hosts, nameof(ControlPort), "must not be one of the hosts' ports");
        Require(LoadTime >= TimeSpan.Zero, nameof(LoadTime), "must not be negative");
        Require(TokensPerSecond > 0, nameof(TokensPerSecond), "must be positive");
        Require(ResponseTokens >= 0, nameof(ResponseTokens), "must not be negative");
        Require(OllamaVersion.TryParse(Version, out _), nameof(Version), "must look like 0.32.15");
        Require(NumParallel >= 1, nameof(NumParallel), "must be at least 1");
        Require(MaxLoadedModels >= 1, nameof(MaxLoadedModels), "must be at least 1");
        Require(MaxQueue >= 0, nameof(MaxQueue), "must not be negative");
        Require(VramBytes > 0, nameof(VramBytes), "must be positive");
        Require(DefaultContextLength >= 0, nameof(DefaultContextLength), "must not be negative");
        foreach (var model in Models)
        {
            try
            {
                ModelValidator.Validate(model);
            }
            catch (ArgumentException e)
            {
                throw new ArgumentException($"{nameof(Models)}: {e.Message}", nameof(Models), e);
            }
        }
    }

    private static void Require(bool condition, string name, string problem)
    {
        if (!condition)
        {
            throw new ArgumentException($"{name} {problem}", name);
        }
    }
}
