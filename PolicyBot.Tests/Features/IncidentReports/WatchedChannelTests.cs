using PolicyBot.Features.IncidentReports;

namespace PolicyBot.Tests.Features.IncidentReports;

public sealed class WatchedChannelTests
{
    [Fact]
    public void Channels_read_back_as_they_were_written_with_whether_others_were_in_them()
    {
        List<WatchedChannel> channels =
        [
            new("19:old-inbox@thread.tacv2", "https://smba.trafficmanager.net/uk/", HasOthers: true),
            new("19:older-inbox@thread.tacv2", "https://smba.trafficmanager.net/uk/", HasOthers: false),
        ];

        WatchedChannel.Parse(WatchedChannel.Format(channels)).Should().Equal(channels);
    }

    [Fact]
    public void No_channels_are_written_as_nothing_and_broken_lines_are_passed_over()
    {
        WatchedChannel.Format([]).Should().BeNull();
        WatchedChannel.Parse(null).Should().BeEmpty();
        WatchedChannel.Parse("19:a@thread.tacv2\n\tservice\n19:b@thread.tacv2\thttps://service/")
            .Should().Equal(new WatchedChannel("19:b@thread.tacv2", "https://service/", HasOthers: false));
    }
}
