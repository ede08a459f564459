namespace OllamaSimulator.Cli;

/// <summary>A bad command line; the message names the argument.</summary>
internal sealed class CommandLineException(string message) : Exception(message);
