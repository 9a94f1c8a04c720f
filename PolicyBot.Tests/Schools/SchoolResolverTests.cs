using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using PolicyBot.BotFramework;
using PolicyBot.BotFramework.Schema;
using GroupMembershipResult = PolicyBot.Graph.GroupMembershipResult;
using PolicyBot.Schools;

namespace PolicyBot.Tests.Schools;

/// <summary>
/// The school of an activity comes from the verified tenant and sender, never from card data: the tenant's only school,
/// the one school where the sender holds a role, or the one school whose staff group holds them.
/// </summary>
public sealed class SchoolResolverTests
{
    const string TrustTenant = "aaaaaaaa-0000-4000-8000-000000000001";
    const string SingleTenant = "bbbbbbbb-0000-4000-8000-000000000001";
    const string NorthTeacher = "10000000-0000-4000-8000-0000000000n1";
    const string SouthTeacher = "10000000-0000-4000-8000-0000000000s1";
    const string NorthStaffGroup = "c0000000-0000-4000-8000-00000000000a";
    const string SouthStaffGroup = "c0000000-0000-4000-8000-00000000000b";
    const string EastStaffGroup = "c0000000-0000-4000-8000-00000000000c";
    // Staff who hold no role anywhere: placed, if at all, by staff group.
    const string Teacher = "d0000000-0000-4000-8000-000000000001";
    const string Colleague = "d0000000-0000-4000-8000-000000000002";

    static readonly School North = SchoolFor("north", TrustTenant, NorthTeacher, NorthStaffGroup);
    static readonly School South = SchoolFor("south", TrustTenant, SouthTeacher, SouthStaffGroup);
    static readonly School Lone = SchoolFor("lone", SingleTenant, "10000000-0000-4000-8000-0000000000l1", "c0000000-0000-4000-8000-00000000000f");

    readonly RecordingUserDirectory _users = new();

    static School SchoolFor(string id, string tenant, string slt, string? staffGroupId = null) => TestSchools.Make(id, tenant, slt, staffGroupId);

    SchoolResolver Resolver(bool development, string? developmentSchoolId = null, params School[] schools) =>
        new(new SchoolDirectory(schools.Length > 0 ? schools : [North, South, Lone]),
            new StaffGroupPlacement(_users, TimeProvider.System, NullLogger<StaffGroupPlacement>.Instance),
            Options.Create(new BotOptions { AppId = development ? null : "policybot-app-id" }),
            Options.Create(new SchoolsOptions { DevelopmentSchoolId = developmentSchoolId }));

    static Activity From(string? tenant, string? aadObjectId) => new()
    {
        Type = ActivityTypes.Message,
        From = new ChannelAccount { Id = "29:x", AadObjectId = aadObjectId },
        Conversation = new ConversationAccount { Id = "a:1chat" },
        ChannelData = tenant is null ? null : new TeamsChannelData { Tenant = new TenantInfo { Id = tenant } },
    };

    static async Task<School?> SchoolOf(SchoolResolver resolver, Activity activity) => (await resolver.ResolveAsync(activity)).School;

    [Fact]
    public async Task In_a_trust_tenant_the_school_is_the_one_where_the_sender_holds_a_role()
    {
        var resolver = Resolver(development: false);

        (await SchoolOf(resolver, From(TrustTenant, SouthTeacher))).Should().Be(South);
        (await SchoolOf(resolver, From(TrustTenant, NorthTeacher))).Should().Be(North);
        _users.Checks.Should().BeEmpty("a role decides without asking the directory");
    }

    [Fact]
    public async Task In_a_trust_tenant_staff_with_no_role_go_to_the_one_school_whose_staff_group_holds_them()
    {
        _users.AddToGroup(Teacher, SouthStaffGroup);

        var resolution = await Resolver(development: false).ResolveAsync(From(TrustTenant, Teacher));

        resolution.School.Should().Be(South);
        resolution.DirectoryUnavailable.Should().BeFalse();
        var check = _users.Checks.Should().ContainSingle().Subject;
        check.UserId.Should().Be(Teacher);
        check.GroupIds.Should().BeEquivalentTo([NorthStaffGroup, SouthStaffGroup], "only the tenant's schools are asked about");
    }

    [Fact]
    public async Task Someone_in_the_staff_groups_of_two_schools_gets_no_school()
    {
        _users.AddToGroup(Teacher, NorthStaffGroup);
        _users.AddToGroup(Teacher, SouthStaffGroup);

        var resolution = await Resolver(development: false).ResolveAsync(From(TrustTenant, Teacher));

        resolution.Should().Be(SchoolResolution.NotSetUp);
    }

    [Fact]
    public async Task In_a_trust_tenant_someone_with_no_role_and_in_no_staff_group_gets_no_school_in_production()
    {
        (await Resolver(development: false).ResolveAsync(From(TrustTenant, Teacher))).Should().Be(SchoolResolution.NotSetUp);
        (await Resolver(development: false).ResolveAsync(From(TrustTenant, "someone-else"))).Should().Be(SchoolResolution.NotSetUp);
        _users.Checks.Should().ContainSingle("an id that is not an Entra object id is not looked up");
    }

    [Fact]
    public async Task Someone_with_roles_at_two_schools_is_placed_by_staff_group()
    {
        var head = "e0000000-0000-4000-8000-000000000001";
        var north = SchoolFor("north", TrustTenant, head, NorthStaffGroup);
        var south = SchoolFor("south", TrustTenant, head, SouthStaffGroup);
        _users.AddToGroup(head, NorthStaffGroup);

        (await SchoolOf(Resolver(development: false, schools: [north, south]), From(TrustTenant, head))).Should().Be(north);
    }

    [Fact]
    public async Task A_school_without_a_staff_group_takes_no_part_in_placement_by_group()
    {
        var east = SchoolFor("east", TrustTenant, "10000000-0000-4000-8000-0000000000e1");
        var resolver = Resolver(development: false, schools: [North, South, east]);
        _users.AddToGroup(Teacher, SouthStaffGroup);
        _users.AddToGroup(Teacher, EastStaffGroup);

        (await SchoolOf(resolver, From(TrustTenant, Teacher))).Should().Be(South);
        _users.Checks.Single().GroupIds.Should().BeEquivalentTo([NorthStaffGroup, SouthStaffGroup]);
    }

    [Fact]
    public async Task A_trust_whose_schools_name_no_staff_group_never_asks_the_directory()
    {
        var resolver = Resolver(development: false, schools: [SchoolFor("north", TrustTenant, NorthTeacher), SchoolFor("south", TrustTenant, SouthTeacher)]);

        (await resolver.ResolveAsync(From(TrustTenant, Teacher))).Should().Be(SchoolResolution.NotSetUp);
        _users.Checks.Should().BeEmpty();
    }

    [Fact]
    public async Task When_the_directory_cannot_be_asked_nobody_is_placed_and_the_resolution_says_why()
    {
        _users.AddToGroup(Teacher, SouthStaffGroup);
        _users.Answer = GroupMembershipResult.Failed("Graph answered 503", retryable: true);
        var resolver = Resolver(development: false);

        var resolution = await resolver.ResolveAsync(From(TrustTenant, Teacher));

        resolution.Should().Be(SchoolResolution.Unavailable);
        _users.Answer = null;
        (await SchoolOf(resolver, From(TrustTenant, Teacher))).Should().Be(South, "an outage is not remembered: the next turn asks again");
        _users.Checks.Should().HaveCount(2);
    }

    [Fact]
    public async Task A_tenant_with_one_school_gives_that_school_to_anyone_in_it()
    {
        var resolver = Resolver(development: false);

        (await SchoolOf(resolver, From(SingleTenant, "any-member-of-staff"))).Should().Be(Lone);
        (await SchoolOf(resolver, From(SingleTenant, Teacher))).Should().Be(Lone);
        (await SchoolOf(resolver, From(SingleTenant, null))).Should().Be(Lone);
        _users.Checks.Should().BeEmpty("the only school needs no staff group");
    }

    [Fact]
    public async Task The_tenant_is_also_read_from_the_conversation_when_channel_data_has_none()
    {
        var activity = From(null, "any-member-of-staff");
        activity.Conversation!.TenantId = SingleTenant;

        (await SchoolOf(Resolver(development: false), activity)).Should().Be(Lone);
    }

    [Fact]
    public async Task An_unknown_tenant_gets_no_school_in_production()
    {
        (await SchoolOf(Resolver(development: false, developmentSchoolId: "lone"), From("cccccccc-0000-4000-8000-000000000001", NorthTeacher))).Should().BeNull();
        (await SchoolOf(Resolver(development: false, schools: Lone), From("cccccccc-0000-4000-8000-000000000001", Teacher))).Should().BeNull();
        (await SchoolOf(Resolver(development: false, schools: Lone), From(null, null))).Should().BeNull();
        _users.Checks.Should().BeEmpty();
    }

    [Fact]
    public async Task In_development_an_unknown_tenant_falls_back_to_the_only_school()
    {
        (await SchoolOf(Resolver(development: true, schools: Lone), From("playground-tenant", "playground-user"))).Should().Be(Lone);
    }

    [Fact]
    public async Task In_development_with_several_schools_the_configured_development_school_is_used()
    {
        (await SchoolOf(Resolver(development: true, developmentSchoolId: "south"), From("playground-tenant", "x"))).Should().Be(South);
        (await SchoolOf(Resolver(development: true), From("playground-tenant", "x"))).Should().BeNull("several schools and none chosen for development");
    }

    [Fact]
    public async Task In_development_a_known_tenant_still_resolves_by_role_and_staff_group_first()
    {
        _users.AddToGroup(Teacher, SouthStaffGroup);
        var resolver = Resolver(development: true, developmentSchoolId: "lone");

        (await SchoolOf(resolver, From(TrustTenant, NorthTeacher))).Should().Be(North);
        (await SchoolOf(resolver, From(TrustTenant, Teacher))).Should().Be(South);
        (await SchoolOf(resolver, From(TrustTenant, Colleague))).Should().Be(Lone, "unplaced in development: the development school");
    }
}
