using OllamaOrleans.GrainInterfaces.Models;
using OllamaOrleans.Grains.Ollama;
using OllamaOrleans.Grains.Polling;

namespace OllamaOrleans.Tests.Grains.Polling;

public sealed class TagsScheduleTests
{
    private static readonly Dictionary<string, ModelSnapshot> Known = new(StringComparer.Ordinal)
    {
        ["llama3.2:latest"] = new ModelSnapshot("llama3.2:latest", new AvailableModel(100, "d1", null, ModelDetails.Empty), null, ModelDetails.Empty, 0, 0),
        ["cloud:latest"] = new ModelSnapshot("cloud:latest", null, null, ModelDetails.Empty, 0, 0),
    };

    private static PsEntry Ps(string name, string digest = "d1") =>
        new(name, new LoadedModel(100, 100, 4096, null, digest), ModelDetails.Empty);

    /// <summary>A schedule whose last poll read the listing and was healthy.</summary>
    private static TagsSchedule Steady()
    {
        var schedule = new TagsSchedule();
        schedule.Completed(healthy: true, tagsSucceeded: true);
        return schedule;
    }

    [Fact]
    public void Due_NothingReadYet_IsDue() =>
        Assert.True(new TagsSchedule().Due(true, false, false, [], Known));

    [Fact]
    public void Due_SteadyHostWithListedModelsLoaded_IsNotDue() =>
        Assert.False(Steady().Due(true, false, false, [Ps("llama3.2:latest"), Ps("LLAMA3.2")], Known));

    [Fact]
    public void Due_TheThirdPollAfterARead_AsABackstop()
    {
        var schedule = Steady();

        Assert.False(schedule.Due(true, false, false, [], Known));
        schedule.Completed(healthy: true, tagsSucceeded: null);
        Assert.False(schedule.Due(true, false, false, [], Known));
        schedule.Completed(healthy: true, tagsSucceeded: null);
        Assert.True(schedule.Due(true, false, false, [], Known));
        Assert.Equal(3, TagsSchedule.BackstopPolls);
    }

    [Theory]
    [InlineData("mistral:7b", "d1")]
    [InlineData("llama3.2:latest", "d2")]
    [InlineData("cloud:latest", "d1")]
    public void Due_LoadedModelTheListingDidNotNameWithThatDigest_IsDue(string name, string digest) =>
        Assert.True(Steady().Due(true, false, false, [Ps(name, digest)], Known));

    [Fact]
    public void Due_FailedCallThisPoll_IsDue() =>
        Assert.True(Steady().Due(false, false, false, null, Known));

    [Fact]
    public void Due_AnotherVersion_IsDue() =>
        Assert.True(Steady().Due(true, true, false, [], Known));

    [Fact]
    public void Due_ALoadOrUnload_IsDue() =>
        Assert.True(Steady().Due(true, false, true, [], Known));

    [Fact]
    public void Due_AfterAFailedPoll_IsDueOnceMore_ThenNot()
    {
        var schedule = Steady();
        schedule.Completed(healthy: false, tagsSucceeded: false);

        Assert.True(schedule.Due(true, false, false, [], Known));
        schedule.Completed(healthy: true, tagsSucceeded: true);
        Assert.False(schedule.Due(true, false, false, [], Known));
    }

    [Fact]
    public void Due_AfterAFailedListingInAHealthyPoll_IsDue()
    {
        var schedule = Steady();
        schedule.Completed(healthy: true, tagsSucceeded: false);

        Assert.True(schedule.Due(true, false, false, [], Known));
    }
}
