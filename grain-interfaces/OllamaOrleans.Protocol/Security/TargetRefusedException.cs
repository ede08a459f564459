namespace OllamaOrleans.Protocol.Security;

/// <summary>A connection the <see cref="TargetPolicy"/> does not allow.</summary>
public sealed class TargetRefusedException(string message) : IOException(message);
