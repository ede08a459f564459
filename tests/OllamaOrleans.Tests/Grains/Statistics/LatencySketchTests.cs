using OllamaOrleans.Grains.Statistics;

namespace OllamaOrleans.Tests.Grains.Statistics;

public sealed class LatencySketchTests
{
    [Fact]
    public void Quantiles_AreWithinTheRelativeAccuracy()
    {
        var sketch = new LatencySketch();
        for (var i = 1; i <= 1000; i++)
        {
            sketch.Add(i / 1000.0);
        }

        Assert.Equal(1000, sketch.Count);
        Assert.InRange(sketch.Quantile(0.5)!.Value, 0.5 * 0.98, 0.5 * 1.02);
        Assert.InRange(sketch.Quantile(0.95)!.Value, 0.95 * 0.98, 0.95 * 1.02);
        Assert.InRange(sketch.Quantile(0.99)!.Value, 0.99 * 0.98, 0.99 * 1.02);
    }

    [Fact]
    public void Merge_EqualsOneSketchOfEverything()
    {
        var a = new LatencySketch();
        var b = new LatencySketch();
        var both = new LatencySketch();
        foreach (var v in new[] { 0.01, 0.2, 3.0, 45.0 })
        {
            a.Add(v);
            both.Add(v);
        }

        foreach (var v in new[] { 0.02, 0.5, 7.0 })
        {
            b.Add(v);
            both.Add(v);
        }

        a.Merge(b);

        Assert.Equal(both.Bins, a.Bins);
        Assert.Equal(7, a.Count);
    }

    [Fact]
    public void Quantile_Empty_IsNull() => Assert.Null(new LatencySketch().Quantile(0.5));

    [Fact]
    public void Add_ZeroAndTinyValues_ShareTheZeroBin()
    {
        var sketch = new LatencySketch();
        sketch.Add(0);
        sketch.Add(1e-9);

        Assert.Equal(0, sketch.Quantile(1));
        Assert.Single(sketch.Bins);
    }
}
