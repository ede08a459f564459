using System.IO.Hashing;
using System.Text;

namespace OllamaOrleans.Grains.Placement;

/// <summary>
/// Rendezvous (highest random weight) hashing of grains onto silos: every silo computes the same home
/// for a grain from the same set of silos, and when a silo joins or leaves only the grains whose home
/// it is (about one in N) change home. So a joining silo takes over its share of the hosts and a
/// leaving one's hosts spread over all the others.
/// </summary>
public static class Rendezvous
{
    public static SiloAddress? Home(GrainId grain, IReadOnlyList<SiloAddress> silos)
    {
        SiloAddress? best = null;
        ulong bestScore = 0;
        foreach (var silo in silos)
        {
            var score = Score(grain, silo);
            if (best is null || score > bestScore || (score == bestScore && silo.CompareTo(best) < 0))
            {
                best = silo;
                bestScore = score;
            }
        }

        return best;
    }

    /// <summary>The silo's address with its generation: a restarted silo is a new candidate.</summary>
    private static ulong Score(GrainId grain, SiloAddress silo) =>
        XxHash3.HashToUInt64(Encoding.UTF8.GetBytes(grain.ToString() + "|" + silo.ToParsableString()));
}
