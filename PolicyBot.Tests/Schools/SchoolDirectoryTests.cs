using PolicyBot.Policies;
using PolicyBot.Schools;

namespace PolicyBot.Tests.Schools;

public sealed class SchoolDirectoryTests : IDisposable
{
    readonly string _folder = Directory.CreateTempSubdirectory("policybot-directory-").FullName;

    public SchoolDirectoryTests() =>
        File.WriteAllText(Path.Combine(_folder, "policy.md"), "## 1. Contact\n\n1.1 Staff must not accept friend requests from pupils.\n");

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    void WriteSchool(string file, string id, string tenant, string person = "22222222-2222-4222-8222-222222222222", string? staffGroupId = null) =>
        File.WriteAllText(Path.Combine(_folder, file), $"""
            id: {id}
            name: {id}
            tenantId: {tenant}
            staffGroupId: {staffGroupId ?? "~"}
            policy: policy.md
            people:
              headteacher: [ {person} ]
              dsl: [ {person} ]
              slt: [ {person} ]
            siteApproval:
              chain: [ {"{"} role: headteacher {"}"} ]
            """);

    [Fact]
    public void The_shipped_folder_loads_the_demo_school_and_answers_from_its_policy()
    {
        var directory = SchoolDirectory.Load(SchoolsOptions.DefaultPath);
        var library = directory.BuildPolicyLibrary();

        var school = directory.Find("oakfield-primary");
        school.Should().NotBeNull();
        directory.FindByTenant(school!.TenantId).Should().ContainSingle();

        var answer = library.Answer("oakfield-primary", "a y5 girl sent me a follow request on insta, can I accept?");
        answer.Verdict.Should().Be(Verdict.No);
        answer.Citations[0].ClauseId.Should().Be("2.1");
    }

    [Fact]
    public void Schools_are_found_by_id_and_by_tenant()
    {
        WriteSchool("a.yaml", "alpha", "11111111-1111-4111-8111-111111111111");
        WriteSchool("b.yml", "beta", "11111111-1111-4111-8111-111111111111", "33333333-3333-4333-8333-333333333333");
        WriteSchool("c.yaml", "gamma", "99999999-9999-4999-8999-999999999999");

        var directory = SchoolDirectory.Load(_folder);

        directory.Schools.Should().HaveCount(3);
        directory.Find("ALPHA")!.Id.Should().Be("alpha");
        directory.Find("delta").Should().BeNull();
        directory.FindByTenant("11111111-1111-4111-8111-111111111111").Select(s => s.Id).Should().BeEquivalentTo(["alpha", "beta"]);
        directory.FindByTenant("00000000-0000-4000-8000-000000000000").Should().BeEmpty();
    }

    [Fact]
    public void In_a_trust_tenant_a_person_is_placed_by_the_role_they_hold()
    {
        WriteSchool("a.yaml", "alpha", "11111111-1111-4111-8111-111111111111");
        WriteSchool("b.yaml", "beta", "11111111-1111-4111-8111-111111111111", "33333333-3333-4333-8333-333333333333");
        WriteSchool("c.yaml", "gamma", "99999999-9999-4999-8999-999999999999");
        var directory = SchoolDirectory.Load(_folder);

        directory.FindForUser("11111111-1111-4111-8111-111111111111", "33333333-3333-4333-8333-333333333333")!.Id.Should().Be("beta");
        directory.FindForUser("11111111-1111-4111-8111-111111111111", "77777777-7777-4777-8777-777777777777").Should().BeNull();
        directory.FindForUser("99999999-9999-4999-8999-999999999999", "77777777-7777-4777-8777-777777777777")!.Id.Should().Be("gamma");
    }

    [Fact]
    public void Two_files_with_one_id_are_refused_naming_both()
    {
        WriteSchool("a.yaml", "alpha", "11111111-1111-4111-8111-111111111111");
        WriteSchool("b.yaml", "alpha", "99999999-9999-4999-8999-999999999999");

        var load = () => SchoolDirectory.Load(_folder);

        load.Should().Throw<SchoolConfigurationException>().WithMessage("b.yaml: id: 'alpha' is already used by a.yaml");
    }

    [Fact]
    public void Two_schools_with_one_staff_group_are_refused_naming_both()
    {
        WriteSchool("a.yaml", "alpha", "11111111-1111-4111-8111-111111111111", staffGroupId: "c0000000-0000-4000-8000-00000000000a");
        WriteSchool("b.yaml", "beta", "11111111-1111-4111-8111-111111111111", staffGroupId: "C0000000-0000-4000-8000-00000000000A");

        var load = () => SchoolDirectory.Load(_folder);

        load.Should().Throw<SchoolConfigurationException>()
            .WithMessage("b.yaml: staffGroupId: 'c0000000-0000-4000-8000-00000000000a' is already used by a.yaml (each school needs its own staff group)");
    }

    [Fact]
    public void Problems_in_several_files_are_reported_together()
    {
        File.WriteAllText(Path.Combine(_folder, "a.yaml"), "name: A\n");
        File.WriteAllText(Path.Combine(_folder, "b.yaml"), "name: B\n");

        var load = () => SchoolDirectory.Load(_folder);

        load.Should().Throw<SchoolConfigurationException>().Which.Message.Should().Contain("a.yaml: id").And.Contain("b.yaml: id");
    }

    [Fact]
    public void A_missing_folder_names_the_configuration_key()
    {
        var load = () => SchoolDirectory.Load(Path.Combine(_folder, "nope"));

        load.Should().Throw<SchoolConfigurationException>().WithMessage("Schools:Path: folder '*nope' does not exist.");
    }

    [Fact]
    public void A_folder_without_school_files_is_refused()
    {
        var load = () => SchoolDirectory.Load(_folder);

        load.Should().Throw<SchoolConfigurationException>().WithMessage("Schools:Path: no school files*");
    }
}
