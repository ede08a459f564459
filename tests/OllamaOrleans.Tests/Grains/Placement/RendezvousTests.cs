using System.Net;
using OllamaOrleans.Grains.Placement;

namespace OllamaOrleans.Tests.Grains.Placement;

public sealed class RendezvousTests
{
    private static readonly List<GrainId> Grains = [.. Enumerable.Range(0, 600).Select(i => GrainId.Create("ollamahost", $"host-{i}"))];

    private static SiloAddress Silo(int port, int generation = 1) => SiloAddress.New(new IPEndPoint(IPAddress.Loopback, port), generation);

    [Fact]
    public void Home_IsTheSameWhateverTheOrderOfTheSilos()
    {
        List<SiloAddress> silos = [Silo(1), Silo(2), Silo(3)];
        List<SiloAddress> reversed = [.. silos.AsEnumerable().Reverse()];

        Assert.All(Grains, g => Assert.Equal(Rendezvous.Home(g, silos), Rendezvous.Home(g, reversed)));
    }

    [Fact]
    public void Home_SpreadsGrainsEvenly()
    {
        List<SiloAddress> silos = [Silo(1), Silo(2), Silo(3)];

        var counts = Grains.GroupBy(g => Rendezvous.Home(g, silos)).Select(c => c.Count()).ToList();

        Assert.Equal(3, counts.Count);
        Assert.All(counts, c => Assert.InRange(c, 150, 250));
    }

    [Fact]
    public void JoiningSilo_TakesOnlyGrainsThatMoveToIt()
    {
        List<SiloAddress> before = [Silo(1), Silo(2), Silo(3)];
        List<SiloAddress> after = [.. before, Silo(4)];

        var moved = Grains.Where(g => !Rendezvous.Home(g, before)!.Equals(Rendezvous.Home(g, after))).ToList();

        Assert.All(moved, g => Assert.Equal(Silo(4), Rendezvous.Home(g, after)));
        Assert.InRange(moved.Count, 100, 200);
    }

    [Fact]
    public void LeavingSilo_OnlyItsGrainsMove_AndSpreadOverTheOthers()
    {
        List<SiloAddress> before = [Silo(1), Silo(2), Silo(3)];
        List<SiloAddress> after = [Silo(1), Silo(3)];

        Assert.All(Grains.Where(g => !Silo(2).Equals(Rendezvous.Home(g, before))), g => Assert.Equal(Rendezvous.Home(g, before), Rendezvous.Home(g, after)));
        var orphans = Grains.Where(g => Silo(2).Equals(Rendezvous.Home(g, before))).GroupBy(g => Rendezvous.Home(g, after)).ToList();
        Assert.Equal(2, orphans.Count);
    }

    [Fact]
    public void RestartedSilo_IsANewCandidate()
    {
        var differs = Grains.Count(g => !Equals(Rendezvous.Home(g, [Silo(1), Silo(2, 1)]), Rendezvous.Home(g, [Silo(1), Silo(2, 2)])));

        Assert.True(differs > 0);
        Assert.Null(Rendezvous.Home(Grains[0], []));
    }
}
