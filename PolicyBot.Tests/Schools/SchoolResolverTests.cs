using Microsoft.Extensions.Options;
using PolicyBot.BotFramework;
using PolicyBot.BotFramework.Schema;
using PolicyBot.Schools;

namespace PolicyBot.Tests.Schools;

/// <summary>The school of an activity comes from the verified tenant and sender, never from card data.</summary>
public sealed class SchoolResolverTests
{
    const string TrustTenant = "aaaaaaaa-0000-4000-8000-000000000001";
    const string SingleTenant = "bbbbbbbb-0000-4000-8000-000000000001";
    const string NorthTeacher = "10000000-0000-4000-8000-0000000000n1";
    const string SouthTeacher = "10000000-0000-4000-8000-0000000000s1";

    static readonly School North = SchoolFor("north", TrustTenant, NorthTeacher);
    static readonly School South = SchoolFor("south", TrustTenant, SouthTeacher);
    static readonly School Lone = SchoolFor("lone", SingleTenant, "10000000-0000-4000-8000-0000000000l1");

    static School SchoolFor(string id, string tenant, string slt) => new(
        id, id + " School", tenant, $"{id}.md",
        new Dictionary<SchoolRole, IReadOnlyList<string>> { [SchoolRole.Slt] = [slt] },
        SchoolRole.Slt,
        new SiteApprovalSettings([new ApprovalStep(SchoolRole.Slt, ApprovalMode.Any)], []),
        new IncidentSettings(null, 24),
        48,
        $"{id}.yaml");

    static SchoolResolver Resolver(bool development, string? developmentSchoolId = null, params School[] schools) =>
        new(new SchoolDirectory(schools.Length > 0 ? schools : [North, South, Lone]),
            Options.Create(new BotOptions { AppId = development ? null : "policybot-app-id" }),
            Options.Create(new SchoolsOptions { DevelopmentSchoolId = developmentSchoolId }));

    static Activity From(string? tenant, string? aadObjectId) => new()
    {
        Type = ActivityTypes.Message,
        From = new ChannelAccount { Id = "29:x", AadObjectId = aadObjectId },
        Conversation = new ConversationAccount { Id = "a:1chat" },
        ChannelData = tenant is null ? null : new TeamsChannelData { Tenant = new TenantInfo { Id = tenant } },
    };

    [Fact]
    public void In_a_trust_tenant_the_school_is_the_one_where_the_sender_holds_a_role()
    {
        var resolver = Resolver(development: false);

        resolver.Resolve(From(TrustTenant, SouthTeacher)).Should().Be(South);
        resolver.Resolve(From(TrustTenant, NorthTeacher)).Should().Be(North);
    }

    [Fact]
    public void In_a_trust_tenant_someone_with_no_role_at_any_school_gets_no_school_in_production()
    {
        Resolver(development: false).Resolve(From(TrustTenant, "someone-else")).Should().BeNull();
    }

    [Fact]
    public void A_tenant_with_one_school_gives_that_school_to_anyone_in_it()
    {
        var resolver = Resolver(development: false);

        resolver.Resolve(From(SingleTenant, "any-member-of-staff")).Should().Be(Lone);
        resolver.Resolve(From(SingleTenant, null)).Should().Be(Lone);
    }

    [Fact]
    public void The_tenant_is_also_read_from_the_conversation_when_channel_data_has_none()
    {
        var activity = From(null, "any-member-of-staff");
        activity.Conversation!.TenantId = SingleTenant;

        Resolver(development: false).Resolve(activity).Should().Be(Lone);
    }

    [Fact]
    public void An_unknown_tenant_gets_no_school_in_production()
    {
        Resolver(development: false, developmentSchoolId: "lone").Resolve(From("cccccccc-0000-4000-8000-000000000001", NorthTeacher)).Should().BeNull();
        Resolver(development: false, schools: Lone).Resolve(From("cccccccc-0000-4000-8000-000000000001", "x")).Should().BeNull();
        Resolver(development: false, schools: Lone).Resolve(From(null, null)).Should().BeNull();
    }

    [Fact]
    public void In_development_an_unknown_tenant_falls_back_to_the_only_school()
    {
        Resolver(development: true, schools: Lone).Resolve(From("playground-tenant", "playground-user")).Should().Be(Lone);
    }

    [Fact]
    public void In_development_with_several_schools_the_configured_development_school_is_used()
    {
        Resolver(development: true, developmentSchoolId: "south").Resolve(From("playground-tenant", "x")).Should().Be(South);
        Resolver(development: true).Resolve(From("playground-tenant", "x")).Should().BeNull("several schools and none chosen for development");
    }

    [Fact]
    public void In_development_a_known_tenant_still_resolves_by_role_first()
    {
        Resolver(development: true, developmentSchoolId: "lone").Resolve(From(TrustTenant, NorthTeacher)).Should().Be(North);
    }
}
