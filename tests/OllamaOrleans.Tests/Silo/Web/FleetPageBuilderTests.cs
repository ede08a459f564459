using OllamaOrleans.Protocol.Statistics;
using OllamaOrleans.Silo.Web;
using OllamaOrleans.Tests.Support;

namespace OllamaOrleans.Tests.Silo.Web;

public sealed class FleetPageBuilderTests
{
    [Fact]
    public void ThousandHosts_FirstPage_IsFiftyHosts_DownFirstThenNotPolledThenUp()
    {
        var page = FleetPageBuilder.Build(PageFleet.Thousand(), PageFleet.Settings(page: 1));

        Assert.Equal(new FleetTotals(1000, 980, 10, 10, 980, 980L * (2L << 30)), page.Totals);
        Assert.Equal((1, 20, 1), (page.Page, page.Pages, page.FirstHostNumber));
        Assert.Equal(50, page.Hosts.Count);
        Assert.Equal(Enumerable.Range(0, 10).Select(i => PageFleet.Name((i * 100) + 7)), page.Hosts.Take(10).Select(h => h.Name));
        Assert.All(page.Hosts.Take(10), h => Assert.Equal(HostState.Down, h.State));
        Assert.Equal(Enumerable.Range(990, 10).Select(PageFleet.Name), page.Hosts.Skip(10).Take(10).Select(h => h.Name));
        Assert.All(page.Hosts.Skip(10).Take(10), h => Assert.Equal(HostState.Pending, h.State));
        Assert.Equal(Enumerable.Range(0, 31).Where(i => i != 7).Select(PageFleet.Name), page.Hosts.Skip(20).Select(h => h.Name));
        Assert.All(page.Hosts.Skip(20), h => Assert.Equal(HostState.Up, h.State));
    }

    [Fact]
    public void ThousandHosts_LastPage_EndsWithTheLastUpHost()
    {
        var page = FleetPageBuilder.Build(PageFleet.Thousand(), PageFleet.Settings(page: 20));

        Assert.Equal((20, 20, 951), (page.Page, page.Pages, page.FirstHostNumber));
        Assert.Equal(50, page.Hosts.Count);
        Assert.Equal(PageFleet.Name(989), page.Hosts[^1].Name);
    }

    [Theory]
    [InlineData(0, 1)]
    [InlineData(-3, 1)]
    [InlineData(21, 20)]
    [InlineData(int.MaxValue, 20)]
    public void PageOutsideTheFleet_IsClampedToTheNearestPage(int asked, int shown)
    {
        var page = FleetPageBuilder.Build(PageFleet.Thousand(), PageFleet.Settings(page: asked));

        Assert.Equal(shown, page.Page);
        Assert.Equal(50, page.Hosts.Count);
    }

    [Fact]
    public void NoHosts_IsOneEmptyPage()
    {
        var page = FleetPageBuilder.Build(new FleetReading([], [], null, []), PageFleet.Settings(page: 4));

        Assert.Equal((1, 1, 0), (page.Page, page.Pages, page.Hosts.Count));
        Assert.Equal(new FleetTotals(0, 0, 0, 0, 0, 0), page.Totals);
    }

    [Fact]
    public void HostRow_ListsModelsOnDiskByName_LoadedByVram_WithVersionPollAndError()
    {
        var snapshot = PageFleet.Snapshot("gpu-1", up: false, error: "refused", version: "0.5.1", lastPoll: PageFleet.Now.AddSeconds(-4), lastSuccess: PageFleet.Now.AddMinutes(-2), models:
        [
            Models.Snapshot("qwen3:8b", Models.Available()),
            Models.Snapshot("llama3.2:latest", Models.Available(), Models.Loaded(vram: 100)),
            Models.Snapshot("gemma3:4b", Models.Available(), Models.Loaded(vram: 300)),
            Models.Snapshot("only-loaded:latest", null, Models.Loaded(vram: 200)),
        ]);

        var row = Assert.Single(FleetPageBuilder.Build(new FleetReading([new FleetHost("gpu-1", "http://gpu-1:11434/", snapshot)], [], null, []), PageFleet.Settings()).Hosts);

        Assert.Equal(HostState.Down, row.State);
        Assert.Equal(("0.5.1", "refused", "http://gpu-1:11434/"), (row.Version, row.LastError, row.Url));
        Assert.Equal(["gemma3:4b", "llama3.2:latest", "qwen3:8b"], row.OnDisk);
        Assert.Equal([new LoadedModelRow("gemma3:4b", 300), new LoadedModelRow("only-loaded:latest", 200), new LoadedModelRow("llama3.2:latest", 100)], row.Loaded);
        Assert.Equal(600, row.VramBytes);
        Assert.Equal((PageFleet.Now.AddSeconds(-4), PageFleet.Now.AddMinutes(-2)), (row.LastPollAt, row.LastSuccessAt));
    }

    [Fact]
    public void BusiestModels_AreMergedAcrossHosts_RankedByRequests_IdleOnesLeftOut_HostsCountedWhereTheyServed()
    {
        var reading = new FleetReading([], [
            PageFleet.Statistics("h1", ("llama3.2:latest", 3, 300, 3.0, 0.5), ("qwen3:8b", 10, 100, 4.0, 2.0), ("idle:latest", 0, 0, 0, 0)),
            PageFleet.Statistics("h2", ("llama3.2:latest", 2, 100, 1.0, 0.5)),
            PageFleet.Statistics("h3", ("qwen3:8b", 0, 0, 0, 0)),
        ], null, []);

        var busiest = FleetPageBuilder.Build(reading, PageFleet.Settings()).BusiestModels;

        Assert.Equal(
            [
                new BusyModelRow("qwen3:8b", 1, 10, 0, 25.0, Math.Round(SketchMath.ValueOf(SketchMath.BinOf(2.0)), 6)),
                new BusyModelRow("llama3.2:latest", 2, 5, 0, 100.0, Math.Round(SketchMath.ValueOf(SketchMath.BinOf(0.5)), 6)),
            ],
            busiest);
    }

    [Fact]
    public void BusiestModels_AreTheTopTen()
    {
        var models = Enumerable.Range(1, 12).Select(i => ($"m{i:D2}:latest", (long)i, 10L, 1.0, 0.1)).ToArray();

        var busiest = FleetPageBuilder.Build(new FleetReading([], [PageFleet.Statistics("h", models)], null, []), PageFleet.Settings()).BusiestModels;

        Assert.Equal(Enumerable.Range(3, 10).Reverse().Select(i => $"m{i:D2}:latest"), busiest.Select(m => m.Model));
    }

    [Fact]
    public void StatisticsUnreadable_CarriesTheErrorAndNoModels()
    {
        var page = FleetPageBuilder.Build(new FleetReading([], null, "silo unavailable", []), PageFleet.Settings());

        Assert.Empty(page.BusiestModels);
        Assert.Equal("silo unavailable", page.StatisticsError);
    }

    [Theory]
    [InlineData("3", 3)]
    [InlineData(null, 1)]
    [InlineData("", 1)]
    [InlineData("two", 1)]
    [InlineData("-2", 1)]
    [InlineData("99999999999", 1)]
    public void PageFrom_ReadsAWholeNumber_ElseTheFirstPage(string? query, int page) =>
        Assert.Equal(page, FleetPageBuilder.PageFrom(query));

    [Theory]
    [InlineData(30, 15)]
    [InlineData(3, 2)]
    [InlineData(1, 1)]
    [InlineData(600, 30)]
    public void Refresh_IsHalfThePollInterval_From1To30Seconds(int pollSeconds, int refreshSeconds) =>
        Assert.Equal(TimeSpan.FromSeconds(refreshSeconds), FleetPageSettings.RefreshFor(TimeSpan.FromSeconds(pollSeconds)));
}
