using PolicyBot.Graph;
using PolicyBot.Tests.Infrastructure;

namespace PolicyBot.Tests.Graph;

public sealed class GraphUserDirectoryTests : IClassFixture<GraphStandIn>, IAsyncLifetime
{
    const string Teacher = "5c6d7e8f-9a0b-4c1d-8e2f-3a4b5c6d7e8f";
    const string Head = "9e8d7c6b-5a4f-4e3d-8c2b-1a0f9e8d7c6b";

    readonly GraphStandIn _graph;
    GraphTestHost _host = null!;

    public GraphUserDirectoryTests(GraphStandIn graph)
    {
        _graph = graph;
        _graph.Reset();
        _graph.AddUser(new GraphStandIn.StandInUser(Teacher, "Sam Teacher", "sam.teacher@oak.sch.uk", ManagerId: Head));
        _graph.AddUser(new GraphStandIn.StandInUser(Head, "Alex Head", "head@oak.sch.uk"));
    }

    public async Task InitializeAsync() => _host = await GraphTestHost.StartAsync(GraphTestHost.StandInSettings(_graph), _graph);

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task Manager_lookup_returns_the_manager_with_name_and_mail()
    {
        var result = await _host.Directory.GetManagerAsync(Teacher);

        result.Should().Be(DirectoryLookupResult.Found(new DirectoryUser(Head, "Alex Head", "head@oak.sch.uk")));
        var request = _graph.RequestsTo("/manager").Should().ContainSingle().Subject;
        request.Method.Should().Be("GET");
        request.Path.Should().Be($"/v1.0/users/{Teacher}/manager");
        request.Headers["Authorization"].Should().Be("Bearer " + _graph.IssuedTokens.Single());
    }

    [Fact]
    public async Task Someone_without_a_manager_is_not_found_rather_than_failed()
    {
        var result = await _host.Directory.GetManagerAsync(Head);

        result.Outcome.Should().Be(DirectoryLookupOutcome.NotFound);
        result.User.Should().BeNull();
        result.Reason.Should().Be("no manager recorded");
    }

    [Fact]
    public async Task User_lookup_asks_only_for_id_name_and_mail()
    {
        var result = await _host.Directory.GetUserAsync(Teacher);

        result.Outcome.Should().Be(DirectoryLookupOutcome.Found);
        result.User.Should().Be(new DirectoryUser(Teacher, "Sam Teacher", "sam.teacher@oak.sch.uk"));
        var request = _graph.RequestsTo($"/users/{Teacher}").Should().ContainSingle().Subject;
        Uri.UnescapeDataString(request.Query).Should().Be("?$select=id,displayName,mail");
    }

    [Fact]
    public async Task An_unknown_user_is_not_found()
    {
        var result = await _host.Directory.GetUserAsync("00000000-0000-4000-8000-000000000000");

        result.Should().Be(DirectoryLookupResult.NotFound("no such user"));
    }

    [Fact]
    public async Task A_lookup_Graph_keeps_refusing_is_a_retryable_failure()
    {
        _graph.AlwaysAnswer("/manager", 503, "ServiceUnavailable");

        var result = await _host.Directory.GetManagerAsync(Teacher);

        result.Outcome.Should().Be(DirectoryLookupOutcome.Failed);
        result.Retryable.Should().BeTrue();
        _graph.RequestsTo("/manager").Should().HaveCount(3);
    }
}
