namespace OllamaOrleans.EndToEnd.Support;

/// <summary>
/// Scenarios that mostly wait on real processes (an outage, a rule's minute, silos leaving and
/// joining), one after another: RedisOutageTests, RedisAuthTests. The four waiting lanes run side by
/// side, balanced by their measured durations; the busy tests of <see cref="ProcessCollection"/> run
/// after them, alone.
/// </summary>
[CollectionDefinition(Name)]
public sealed class WaitingLane1
{
    public const string Name = "waiting lane 1";
}
