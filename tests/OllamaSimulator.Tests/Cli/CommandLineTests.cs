using OllamaSimulator.Cli;
using OllamaSimulator.Json;

namespace OllamaSimulator.Tests.Cli;

public sealed class CommandLineTests
{
    [Fact]
    public void Parse_AllArguments()
    {
        var options = CommandLine.Parse(
        [
            "--hosts", "3", "--port", "21434", "--control-port=21400", "--load-ms", "250", "--tokens-per-second", "80.5",
            "--version", "0.30.1", "--num-parallel", "2", "--max-loaded", "4", "--max-queue", "10", "--keep-alive", "10m",
            "--vram-bytes", "48GiB", "--context-length", "8192", "--response-tokens", "7",
        ])!;

        Assert.Equal((3, 21434, 21400), (options.Hosts, options.BasePort, options.ControlPort));
        Assert.Equal(TimeSpan.FromMilliseconds(250), options.LoadTime);
        Assert.Equal(80.5, options.TokensPerSecond);
        Assert.Equal("0.30.1", options.Version);
        Assert.Equal((2, 4, 10), (options.NumParallel, options.MaxLoadedModels, options.MaxQueue));
        Assert.Equal(TimeSpan.FromMinutes(10), options.DefaultKeepAlive);
        Assert.Equal(48 * SimulatorOptions.GiB, options.VramBytes);
        Assert.Equal((8192, 7), (options.DefaultContextLength, options.ResponseTokens));
        Assert.Same(DefaultModels.All, options.Models);
    }

    [Fact]
    public void Parse_Defaults_AndHelp()
    {
        var options = CommandLine.Parse([])!;

        Assert.Equal((1, 11434, 11400), (options.Hosts, options.BasePort, options.ControlPort));
        Assert.Equal(TimeSpan.FromMinutes(5), options.DefaultKeepAlive);
        Assert.Null(CommandLine.Parse(["--help"]));
    }

    [Theory]
    [InlineData("300", 300)]
    [InlineData("-1", -1)]
    [InlineData("-5m", -1)]
    [InlineData("0", 0)]
    public void Parse_KeepAlive_LikeOllamaKeepAlive(string text, int seconds) =>
        Assert.Equal(seconds < 0 ? GoDuration.Forever : TimeSpan.FromSeconds(seconds), CommandLine.Parse(["--keep-alive", text])!.DefaultKeepAlive);

    [Fact]
    public void Parse_Listen_DefaultsToLoopback_AndTakesAnAddress()
    {
        Assert.Equal(System.Net.IPAddress.Loopback, CommandLine.Parse([])!.ListenAddress);
        Assert.Equal(System.Net.IPAddress.Any, CommandLine.Parse(["--listen", "0.0.0.0"])!.ListenAddress);
    }

    [Theory]
    [InlineData(new[] { "--hosts", "0" }, "--hosts: expected an integer >= 1, got '0'")]
    [InlineData(new[] { "--hosts", "many" }, "--hosts: expected an integer >= 1, got 'many'")]
    [InlineData(new[] { "--port", "70000" }, "--port: expected an integer from 0 to 65535, got '70000'")]
    [InlineData(new[] { "--port", "65535", "--hosts", "2" }, "--port: must leave room for every host below port 65536")]
    [InlineData(new[] { "--port", "21434", "--hosts", "3", "--control-port", "21435" }, "--control-port: must not be one of the hosts' ports")]
    [InlineData(new[] { "--tokens-per-second", "0" }, "--tokens-per-second: expected a positive number, got '0'")]
    [InlineData(new[] { "--keep-alive", "soon" }, "--keep-alive: time: invalid duration \"soon\"")]
    [InlineData(new[] { "--version", "latest" }, "--version: expected a version like 0.32.15, got 'latest'")]
    [InlineData(new[] { "--listen", "everywhere" }, "--listen: expected an IPv4 address such as 0.0.0.0, got 'everywhere'")]
    [InlineData(new[] { "--vram-bytes", "lots" }, "--vram-bytes: expected a positive size such as 25769803776 or 24GiB, got 'lots'")]
    [InlineData(new[] { "--frobnicate", "1" }, "unknown argument '--frobnicate'")]
    [InlineData(new[] { "--hosts" }, "--hosts: missing value")]
    [InlineData(new[] { "stray" }, "unexpected argument 'stray'")]
    [InlineData(new[] { "--models", "/nonexistent/models.json" }, "--models: cannot read '/nonexistent/models.json': Could not find a part of the path '/nonexistent/models.json'.")]
    public void Parse_BadArguments_NameTheArgument(string[] args, string message) =>
        Assert.Equal(message, Assert.Throws<CommandLineException>(() => CommandLine.Parse(args)).Message);

    [Fact]
    public void Parse_ModelsFile_ReadsTheArray_AndRejectsABadEntry()
    {
        var good = Path.GetTempFileName();
        var bad = Path.GetTempFileName();
        try
        {
            File.WriteAllText(good, "[{\"name\":\"tiny:1b\",\"size\":1000,\"details\":{\"family\":\"llama\"},\"runtime_size\":2000},{\"name\":\"emb\",\"capabilities\":[\"embedding\"]}]");
            File.WriteAllText(bad, "[{\"name\":\"ok\"},{\"name\":\"x\",\"digest\":\"nothex\"}]");
            var models = CommandLine.Parse(["--models", good])!.Models;

            Assert.Equal(["tiny:1b", "emb"], models.Select(m => m.Name));
            Assert.Equal((1000L, 2000L), (models[0].Size, models[0].RuntimeSize));
            Assert.True(models[1].IsEmbeddingOnly);
            var error = Assert.Throws<CommandLineException>(() => CommandLine.Parse(["--models", bad])).Message;
            Assert.Equal($"--models: {bad}: entry 1: model \"x\": digest must be 64 lowercase hex characters without a sha256: prefix", error);
        }
        finally
        {
            File.Delete(good);
            File.Delete(bad);
        }
    }
}
