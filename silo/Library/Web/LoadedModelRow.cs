namespace OllamaOrleans.Silo.Web;

/// <summary>A model resident on a host, with the VRAM its runner holds.</summary>
public sealed record LoadedModelRow(string Name, long VramBytes);
