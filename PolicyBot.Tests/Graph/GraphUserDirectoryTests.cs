using PolicyBot.Graph;
using PolicyBot.Tests.Infrastructure;

namespace PolicyBot.Tests.Graph;

public sealed class GraphUserDirectoryTests : IClassFixture<GraphStandIn>, IAsyncLifetime
{
    const string Teacher = "5c6d7e8f-9a0b-4c1d-8e2f-3a4b5c6d7e8f";
    const string Head = "9e8d7c6b-5a4f-4e3d-8c2b-1a0f9e8d7c6b";
    const string NorthStaff = "a1b2c3d4-0000-4000-8000-00000000a001";
    const string SouthStaff = "a1b2c3d4-0000-4000-8000-00000000a002";

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

    [Fact]
    public async Task Membership_check_posts_the_group_ids_and_returns_those_the_user_is_in()
    {
        _graph.AddToGroup(Teacher, SouthStaff);

        var result = await _host.Directory.CheckMemberGroupsAsync(Teacher, [NorthStaff, SouthStaff]);

        result.Outcome.Should().Be(DirectoryLookupOutcome.Found);
        result.MemberOf.Should().Equal(SouthStaff);
        var request = _graph.RequestsTo("/checkMemberGroups").Should().ContainSingle().Subject;
        request.Method.Should().Be("POST");
        request.Path.Should().Be($"/v1.0/users/{Teacher}/checkMemberGroups");
        request.Headers["Content-Type"].Should().StartWith("application/json");
        request.Json["groupIds"]!.AsArray().Select(g => g!.GetValue<string>()).Should().Equal(NorthStaff, SouthStaff);
        request.Headers["Authorization"].Should().Be("Bearer " + _graph.IssuedTokens.Single());
    }

    [Fact]
    public async Task Someone_in_none_of_the_groups_is_found_with_no_groups()
    {
        var result = await _host.Directory.CheckMemberGroupsAsync(Teacher, [NorthStaff, SouthStaff]);

        result.Outcome.Should().Be(DirectoryLookupOutcome.Found);
        result.MemberOf.Should().BeEmpty();
    }

    [Fact]
    public async Task More_than_twenty_groups_are_checked_twenty_at_a_time()
    {
        var groups = Enumerable.Range(1, 25).Select(i => $"b0000000-0000-4000-8000-{i:D12}").ToList();
        _graph.AddToGroup(Teacher, groups[0]);
        _graph.AddToGroup(Teacher, groups[22]);

        var result = await _host.Directory.CheckMemberGroupsAsync(Teacher, groups);

        result.MemberOf.Should().Equal(groups[0], groups[22]);
        _graph.RequestsTo("/checkMemberGroups").Select(r => r.Json["groupIds"]!.AsArray().Count).Should().Equal(20, 5);
    }

    [Fact]
    public async Task A_membership_check_for_an_unknown_user_is_not_found()
    {
        var result = await _host.Directory.CheckMemberGroupsAsync("00000000-0000-4000-8000-000000000000", [NorthStaff]);

        result.Outcome.Should().Be(DirectoryLookupOutcome.NotFound);
        result.MemberOf.Should().BeEmpty();
        result.Reason.Should().Be("no such user");
    }

    [Theory]
    [InlineData(503, "ServiceUnavailable")]
    [InlineData(429, "TooManyRequests")]
    public async Task A_membership_check_Graph_keeps_refusing_is_a_retryable_failure_logged_without_ids_or_token(int status, string code)
    {
        _graph.AddToGroup(Teacher, SouthStaff);
        _graph.AlwaysAnswer("/checkMemberGroups", status, code);

        var result = await _host.Directory.CheckMemberGroupsAsync(Teacher, [NorthStaff, SouthStaff]);

        result.Outcome.Should().Be(DirectoryLookupOutcome.Failed);
        result.Retryable.Should().BeTrue();
        result.MemberOf.Should().BeEmpty();
        _graph.RequestsTo("/checkMemberGroups").Should().HaveCount(3);
        var everything = string.Join("\n", _host.Logs.Lines.Select(l => l.Message + " " + l.Exception));
        everything.Should().Contain("Directory look-up checkMemberGroups failed")
            .And.NotContain(Teacher).And.NotContain(NorthStaff).And.NotContain(SouthStaff)
            .And.NotContain(GraphStandIn.ClientSecret);
        foreach (var token in _graph.IssuedTokens)
            everything.Should().NotContain(token);
    }
}
