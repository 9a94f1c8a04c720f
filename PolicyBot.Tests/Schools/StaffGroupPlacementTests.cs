using Microsoft.Extensions.Logging.Abstractions;
using PolicyBot.Graph;
using PolicyBot.Schools;
using PolicyBot.Tests.Infrastructure;

namespace PolicyBot.Tests.Schools;

/// <summary>Placement by staff group asks Graph once per person and remembers the answer for a while; an outage it forgets.</summary>
public sealed class StaffGroupPlacementTests
{
    const string Tenant = "aaaaaaaa-0000-4000-8000-000000000001";
    const string OtherTenant = "aaaaaaaa-0000-4000-8000-000000000002";
    const string NorthGroup = "c0000000-0000-4000-8000-00000000000a";
    const string SouthGroup = "c0000000-0000-4000-8000-00000000000b";
    const string Teacher = "d0000000-0000-4000-8000-000000000001";
    const string Colleague = "d0000000-0000-4000-8000-000000000002";

    static readonly School North = SchoolFor("north", NorthGroup);
    static readonly School South = SchoolFor("south", SouthGroup);
    static readonly IReadOnlyList<School> Trust = [North, South];

    readonly RecordingUserDirectory _users = new();
    readonly ManualTimeProvider _time = new();
    readonly StaffGroupPlacement _placement;

    public StaffGroupPlacementTests() => _placement = new StaffGroupPlacement(_users, _time, NullLogger<StaffGroupPlacement>.Instance);

    static School SchoolFor(string id, string staffGroupId) => TestSchools.Make(id, Tenant, staffGroupId: staffGroupId);

    Task<SchoolResolution> PlaceAsync(string userId = Teacher, string tenantId = Tenant) => _placement.PlaceAsync(tenantId, userId, Trust);

    [Fact]
    public async Task A_placement_is_remembered_for_an_hour_then_asked_again()
    {
        _users.AddToGroup(Teacher, SouthGroup);

        (await PlaceAsync()).School.Should().Be(South);
        _time.Advance(StaffGroupPlacement.PlacedFor - TimeSpan.FromSeconds(1));
        (await PlaceAsync()).School.Should().Be(South);
        _users.Checks.Should().ContainSingle("the second turn is answered from memory");

        _time.Advance(TimeSpan.FromSeconds(1));
        (await PlaceAsync()).School.Should().Be(South);
        _users.Checks.Should().HaveCount(2);
        StaffGroupPlacement.PlacedFor.Should().Be(TimeSpan.FromHours(1));
    }

    [Fact]
    public async Task No_match_is_remembered_for_a_few_minutes_so_someone_just_added_to_a_group_is_placed_soon()
    {
        (await PlaceAsync()).Should().Be(SchoolResolution.NotSetUp);
        _users.AddToGroup(Teacher, NorthGroup);
        _time.Advance(StaffGroupPlacement.NotPlacedFor - TimeSpan.FromSeconds(1));
        (await PlaceAsync()).Should().Be(SchoolResolution.NotSetUp);
        _users.Checks.Should().ContainSingle();

        _time.Advance(TimeSpan.FromSeconds(1));
        (await PlaceAsync()).School.Should().Be(North);
        _users.Checks.Should().HaveCount(2);
        StaffGroupPlacement.NotPlacedFor.Should().BeLessThan(TimeSpan.FromMinutes(15));
    }

    [Fact]
    public async Task A_Graph_outage_is_not_remembered()
    {
        _users.AddToGroup(Teacher, SouthGroup);
        _users.Answer = GroupMembershipResult.Failed("Graph answered 503", retryable: true);

        (await PlaceAsync()).Should().Be(SchoolResolution.Unavailable);
        (await PlaceAsync()).Should().Be(SchoolResolution.Unavailable);
        _users.Answer = null;
        (await PlaceAsync()).School.Should().Be(South);

        _users.Checks.Should().HaveCount(3);
    }

    [Fact]
    public async Task A_Graph_call_that_outlasts_the_wait_limit_places_nobody_this_turn_and_is_not_remembered()
    {
        var placement = new StaffGroupPlacement(_users, _time, NullLogger<StaffGroupPlacement>.Instance) { GraphWaitLimit = TimeSpan.FromMilliseconds(50) };
        _users.AddToGroup(Teacher, SouthGroup);
        _users.Hang = true;

        (await placement.PlaceAsync(Tenant, Teacher, Trust)).Should().Be(SchoolResolution.Unavailable);
        _users.Hang = false;
        (await placement.PlaceAsync(Tenant, Teacher, Trust)).School.Should().Be(South);
        _users.Checks.Should().HaveCount(2);
    }

    [Fact]
    public async Task A_turn_cancelled_by_the_caller_stays_cancelled()
    {
        _users.Hang = true;
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();

        var place = () => _placement.PlaceAsync(Tenant, Teacher, Trust, cancelled.Token);

        await place.Should().ThrowAsync<OperationCanceledException>();
    }

    [Fact]
    public async Task An_unknown_user_or_Graph_not_configured_places_nobody()
    {
        _users.Answer = GroupMembershipResult.NotFound("no such user");
        (await PlaceAsync(Teacher)).Should().Be(SchoolResolution.NotSetUp);

        _users.Answer = GroupMembershipResult.NotConfigured(NotConfiguredUserDirectory.Reason);
        (await PlaceAsync(Colleague)).Should().Be(SchoolResolution.NotSetUp);
    }

    [Fact]
    public async Task Answers_are_remembered_per_tenant_and_person()
    {
        _users.AddToGroup(Teacher, SouthGroup);
        _users.AddToGroup(Colleague, NorthGroup);

        (await PlaceAsync(Teacher)).School.Should().Be(South);
        (await PlaceAsync(Colleague)).School.Should().Be(North);
        (await PlaceAsync(Teacher.ToUpperInvariant())).School.Should().Be(South);
        (await PlaceAsync(Teacher, OtherTenant)).School.Should().Be(South);

        _users.Checks.Select(c => c.UserId).Should().Equal(Teacher, Colleague, Teacher);
    }
}
