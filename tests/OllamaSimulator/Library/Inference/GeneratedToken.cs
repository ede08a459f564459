namespace OllamaSimulator.Inference;

/// <summary>One streamed token; thinking tokens go to the <c>thinking</c> field instead of the answer.</summary>
internal readonly record struct GeneratedToken(string Text, bool IsThinking);
