namespace OllamaOrleans.Silo.Web;

/// <summary>A host's state on the fleet page, in the order the page lists them: trouble first.</summary>
public enum HostState
{
    Down = 0,
    Pending = 1,
    Up = 2,
}
