namespace OllamaOrleans.Grains.Ollama;

/// <summary>An Ollama answer whose body is not the JSON Ollama sends.</summary>
public sealed class MalformedResponseException : Exception
{
    public MalformedResponseException(string message)
        : base(message)
    {
    }

    public MalformedResponseException(string message, Exception inner)
        : base(message, inner)
    {
    }
}
