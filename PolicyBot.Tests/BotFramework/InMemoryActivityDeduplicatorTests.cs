using PolicyBot.BotFramework;
using PolicyBot.Tests.Infrastructure;

namespace PolicyBot.Tests.BotFramework;

public sealed class InMemoryActivityDeduplicatorTests
{
    readonly ManualTimeProvider _clock = new();

    [Fact]
    public async Task The_first_delivery_is_taken_and_a_redelivery_is_not()
    {
        var deduplicator = new InMemoryActivityDeduplicator(_clock);

        (await deduplicator.TryBeginAsync("msteams|a:1|1:x")).Should().BeTrue();
        (await deduplicator.TryBeginAsync("msteams|a:1|1:x")).Should().BeFalse();
        (await deduplicator.TryBeginAsync("msteams|a:1|1:y")).Should().BeTrue();
    }

    [Fact]
    public async Task Concurrent_redeliveries_are_taken_once()
    {
        var deduplicator = new InMemoryActivityDeduplicator(_clock);

        var results = await Task.WhenAll(Enumerable.Range(0, 50).Select(_ => Task.Run(async () => await deduplicator.TryBeginAsync("same"))));

        results.Count(taken => taken).Should().Be(1);
    }

    [Fact]
    public async Task A_forgotten_key_is_taken_again()
    {
        var deduplicator = new InMemoryActivityDeduplicator(_clock);
        await deduplicator.TryBeginAsync("k");

        await deduplicator.ForgetAsync("k");

        (await deduplicator.TryBeginAsync("k")).Should().BeTrue();
    }

    [Fact]
    public async Task A_key_is_remembered_for_the_ttl_only()
    {
        var deduplicator = new InMemoryActivityDeduplicator(_clock);
        await deduplicator.TryBeginAsync("k");

        _clock.Advance(InMemoryActivityDeduplicator.Ttl);

        (await deduplicator.TryBeginAsync("k")).Should().BeTrue();
    }

    [Fact]
    public async Task Memory_stays_bounded()
    {
        var deduplicator = new InMemoryActivityDeduplicator(_clock);

        for (var i = 0; i < InMemoryActivityDeduplicator.Capacity + 5_000; i++)
            await deduplicator.TryBeginAsync($"key-{i}");

        deduplicator.Count.Should().BeLessThanOrEqualTo(InMemoryActivityDeduplicator.Capacity);
        (await deduplicator.TryBeginAsync($"key-{InMemoryActivityDeduplicator.Capacity + 4_999}")).Should().BeFalse("recent keys are kept");
    }
}
