using PolicyBot.Schools;

namespace PolicyBot.Tests.Schools;

public sealed class SchoolFileReaderTests : IDisposable
{
    readonly string _folder = Directory.CreateTempSubdirectory("policybot-schools-").FullName;

    const string ValidSchool = """
        id: test-school
        name: Test School
        tenantId: 11111111-1111-4111-8111-111111111111
        policy: policy.md
        people:
          headteacher: [ 22222222-2222-4222-8222-222222222222 ]
          computingCoordinator: [ 33333333-3333-4333-8333-333333333333 ]
          dsl: [ 44444444-4444-4444-8444-444444444444 ]
          slt: [ 22222222-2222-4222-8222-222222222222, 44444444-4444-4444-8444-444444444444 ]
        siteApproval:
          chain:
            - { role: computingCoordinator, mode: any }
            - { role: headteacher, mode: all }
          fields: [ purpose, audience ]
        incidents:
          dslInbox: { teamId: "19:team@thread.tacv2", channelId: "19:inbox@thread.tacv2", serviceUrl: "https://smba.trafficmanager.net/uk/" }
          acknowledgeWithinHours: 12
        approvalReminderHours: 24
        """;

    public SchoolFileReaderTests() =>
        File.WriteAllText(Path.Combine(_folder, "policy.md"), "## 1. Contact\n\n1.1 Staff must not accept friend requests from pupils.\n");

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    string Write(string yaml, string name = "school.yaml")
    {
        var path = Path.Combine(_folder, name);
        File.WriteAllText(path, yaml);
        return path;
    }

    [Fact]
    public void A_complete_school_file_reads_into_a_school()
    {
        var school = SchoolFileReader.Read(Write(ValidSchool));

        school.Id.Should().Be("test-school");
        school.Name.Should().Be("Test School");
        school.TenantId.Should().Be("11111111-1111-4111-8111-111111111111");
        school.PolicyPath.Should().Be(Path.Combine(_folder, "policy.md"));
        school.PeopleIn(SchoolRole.Slt).Should().HaveCount(2);
        school.Holds("22222222-2222-4222-8222-222222222222", SchoolRole.Headteacher).Should().BeTrue();
        school.RolesOf("22222222-2222-4222-8222-222222222222").Should().BeEquivalentTo([SchoolRole.Headteacher, SchoolRole.Slt]);
        school.AskPersonRole.Should().Be(SchoolRole.Slt);
        school.AskPersonRecipients.Should().HaveCount(2);
        school.SiteApproval.Chain.Should().Equal(new ApprovalStep(SchoolRole.ComputingCoordinator, ApprovalMode.Any), new ApprovalStep(SchoolRole.Headteacher, ApprovalMode.All));
        school.SiteApproval.Fields.Should().Equal("purpose", "audience");
        school.Incidents.DslInbox.Should().Be(new DslInbox("19:team@thread.tacv2", "19:inbox@thread.tacv2", "https://smba.trafficmanager.net/uk/"));
        school.Incidents.AcknowledgeWithinHours.Should().Be(12);
        school.ApprovalReminderHours.Should().Be(24);
        school.StaffGroupId.Should().BeNull("a school with no staff group is placed by tenant and role only");
    }

    [Fact]
    public void A_staff_group_is_read_as_a_plain_lower_case_object_id()
    {
        var school = SchoolFileReader.Read(Write(ValidSchool + "\nstaffGroupId: \"{C0FFEE00-1234-4567-89AB-CDEF01234567}\"\n"));

        school.StaffGroupId.Should().Be("c0ffee00-1234-4567-89ab-cdef01234567");
    }

    [Theory]
    [InlineData("Oakfield Staff")]
    [InlineData("c0ffee00-1234-4567-89ab")]
    [InlineData("\"\"")]
    public void A_staff_group_that_is_not_an_object_id_is_refused_naming_the_file_and_key(string value)
    {
        var path = Write(ValidSchool + $"\nstaffGroupId: {value}\n");

        var read = () => SchoolFileReader.Read(path);

        read.Should().Throw<SchoolConfigurationException>().Which.Message.Should().Contain("school.yaml: staffGroupId: '").And.Contain("' is not an Entra group object id (GUID)");
    }

    [Fact]
    public void The_shipped_demo_school_is_valid()
    {
        var school = SchoolFileReader.Read(Path.Combine(AppContext.BaseDirectory, "schools", "oakfield-primary.yaml"));

        school.Name.Should().Be("Oakfield Primary School");
        school.SiteApproval.Chain.Select(s => s.Role).Should().Equal(SchoolRole.ComputingCoordinator, SchoolRole.DeputyHead, SchoolRole.Headteacher);
        File.Exists(school.PolicyPath).Should().BeTrue();
    }

    [Theory]
    [InlineData("tenantId: 11111111-1111-4111-8111-111111111111", "tenantId: not-a-guid", "school.yaml: tenantId: 'not-a-guid' is not a GUID")]
    [InlineData("id: test-school", "id: Test School!", "school.yaml: id: 'Test School!' must be lower-case letters")]
    [InlineData("policy: policy.md", "policy: missing.md", "school.yaml: policy: file 'missing.md' not found")]
    [InlineData("- { role: headteacher, mode: all }", "- { role: caretaker, mode: all }", "school.yaml: siteApproval.chain[1].role: 'caretaker' is not a role")]
    [InlineData("- { role: headteacher, mode: all }", "- { role: headteacher, mode: most }", "school.yaml: siteApproval.chain[1].mode: 'most' must be 'any' or 'all'")]
    [InlineData("  dsl: [ 44444444-4444-4444-8444-444444444444 ]", "  dsl: [ someone ]", "school.yaml: people.dsl[0]: 'someone' is not an Entra object id (GUID)")]
    [InlineData("acknowledgeWithinHours: 12", "acknowledgeWithinHours: 0", "school.yaml: incidents.acknowledgeWithinHours: must be a positive number of hours")]
    [InlineData("approvalReminderHours: 24", "askPersonRole: janitor", "school.yaml: askPersonRole: 'janitor' is not a role")]
    public void Problems_name_the_file_and_the_key(string valid, string broken, string message)
    {
        var path = Write(ValidSchool.Replace(valid, broken, StringComparison.Ordinal));

        var read = () => SchoolFileReader.Read(path);

        read.Should().Throw<SchoolConfigurationException>().Which.Message.Should().Contain(message);
    }

    [Fact]
    public void An_unknown_form_field_is_refused_naming_the_file_and_the_field()
    {
        var path = Write(ValidSchool.Replace("fields: [ purpose, audience ]", "fields: [ purpose, favouriteColour, audience ]", StringComparison.Ordinal));

        var read = () => SchoolFileReader.Read(path);

        read.Should().Throw<SchoolConfigurationException>().Which.Message.Should()
            .Contain("school.yaml: siteApproval.fields[1]: 'favouriteColour' is not a site request form field").And.Contain("privacySettings");
    }

    [Fact]
    public void A_form_field_listed_twice_is_refused()
    {
        var path = Write(ValidSchool.Replace("fields: [ purpose, audience ]", "fields: [ purpose, audience, Purpose ]", StringComparison.Ordinal));

        var read = () => SchoolFileReader.Read(path);

        read.Should().Throw<SchoolConfigurationException>().Which.Message.Should().Contain("school.yaml: siteApproval.fields[2]: 'Purpose' is listed twice");
    }

    [Fact]
    public void A_school_that_lists_no_form_fields_gets_the_default_form_and_ids_are_read_in_the_catalogues_spelling()
    {
        var defaults = SchoolFileReader.Read(Write(ValidSchool.Replace("  fields: [ purpose, audience ]\n", "", StringComparison.Ordinal)));
        var spelled = SchoolFileReader.Read(Write(ValidSchool.Replace("fields: [ purpose, audience ]", "fields: [ PURPOSE, privacysettings ]", StringComparison.Ordinal)));

        defaults.SiteApproval.Fields.Should().Equal(SiteFormFields.DefaultIds);
        spelled.SiteApproval.Fields.Should().Equal("purpose", "privacySettings");
    }

    [Fact]
    public void The_demo_schools_form_fields_are_all_in_the_catalogue()
    {
        var school = SchoolFileReader.Read(Path.Combine(Infrastructure.RepoPaths.Root, "schools", "oakfield-primary.yaml"));

        school.SiteApproval.Fields.Should().Equal("purpose", "audience", "platform", "moderators", "privacySettings", "closureDate");
        SiteFormFields.For(school).Select(f => f.Label).Should().OnlyContain(l => l.Length > 0);
    }

    [Fact]
    public void A_chain_role_nobody_holds_is_refused()
    {
        var path = Write(ValidSchool.Replace("- { role: headteacher, mode: all }", "- { role: governors, mode: all }", StringComparison.Ordinal));

        var read = () => SchoolFileReader.Read(path);

        read.Should().Throw<SchoolConfigurationException>().WithMessage("*siteApproval.chain[1].role: nobody holds the role 'governors'*");
    }

    [Fact]
    public void An_unknown_key_is_refused_with_its_line()
    {
        var path = Write(ValidSchool + "\nfavouriteColour: blue\n");

        var read = () => SchoolFileReader.Read(path);

        read.Should().Throw<SchoolConfigurationException>().Which.Message.Should().StartWith("school.yaml: line").And.Contain("favouriteColour");
    }

    [Fact]
    public void Every_missing_key_is_reported_at_once()
    {
        var path = Write("name: Only A Name\n");

        var read = () => SchoolFileReader.Read(path);

        var message = read.Should().Throw<SchoolConfigurationException>().Which.Message;
        message.Should().Contain("school.yaml: id: is required")
            .And.Contain("school.yaml: tenantId: is required")
            .And.Contain("school.yaml: policy: is required")
            .And.Contain("school.yaml: people: is required")
            .And.Contain("school.yaml: siteApproval.chain: needs at least one step");
    }

    [Fact]
    public void An_empty_file_is_refused()
    {
        var read = () => SchoolFileReader.Read(Write(""));

        read.Should().Throw<SchoolConfigurationException>().WithMessage("school.yaml: the file is empty.");
    }
}
