using PolicyBot.Policies;

namespace PolicyBot.Tests.Policies;

[Collection(PoliciesCollection.Name)]
public sealed class PolicyParserTests(PoliciesFixture policies)
{
    [Theory]
    [InlineData("st-georges", "6.6", "6 PERSONAL USE OF SOCIAL MEDIA", "Staff members must decline 'friend requests' from pupils")]
    [InlineData("st-georges", "6.2", "6 PERSONAL USE OF SOCIAL MEDIA", "must not have contact through any personal social medium with any pupil")]
    [InlineData("st-georges", "A3", "APPENDIX A › A. CREATION OF SITES", "must be discussed with the school's Computing Coordinator")]
    [InlineData("st-georges", "C2", "APPENDIX A › C. APPROVAL FOR CREATION OF OR PARTICIPATION IN WEBSPACE", "must be obtained from the Computing Coordinator")]
    [InlineData("st-georges", "D3", "APPENDIX A › D. CONTENT OF WEBSPACE", "Information provided must be worthwhile and accurate")]
    [InlineData("st-georges", "4.1", "4 RELATED POLICIES", "should be read in conjunction with")]
    [InlineData("crosby", "11", "USING SOCIAL MEDIA FOR WORK", "employees must not:")]
    [InlineData("crosby", "11 (h)", "USING SOCIAL MEDIA FOR WORK", "breach copyright, for example by using someone else's images")]
    [InlineData("crosby", "17 (h)", "PERSONAL USE OF SOCIAL MEDIA", "School equipment must not be used to access social media in a personal capacity")]
    [InlineData("crosby", "13", "PERSONAL USE OF SOCIAL MEDIA", "It is employees' personal choice")]
    [InlineData("wexham-court", "3.2 ¶1", "3 Action plan › 3.2 Use of social media within school", "Staff are not permitted to access social media websites")]
    [InlineData("wexham-court", "3.3 ¶2", "3 Action plan › 3.3 Use of social media outside of school", "must not be accessed once the teacher/adult leaves")]
    [InlineData("wexham-court", "7 ¶1", "7 Monitoring and reviewing", "Designated Safeguarding Lead (DSL)")]
    [InlineData("st-josephs", "PERSONAL USE › PUPILS ¶1", "PERSONAL USE › PUPILS", "Staff are not permitted to follow or engage with current or prior pupils")]
    [InlineData("st-josephs", "MONITORING ¶1", "MONITORING", "must be responded to within 24 hours")]
    [InlineData("bradfield", "Use of Social Media & Online Activity of Staff in School ¶1", "Use of Social Media & Online Activity of Staff in School", "unless authorised to do so by a member of the senior management team")]
    public void Clause_ids_carry_their_text_and_section(string school, string id, string section, string text)
    {
        var clause = policies.Document(school).Find(id);

        clause.Should().NotBeNull($"{school} should have clause {id}");
        clause!.Section.Should().Be(section);
        clause.Text.Should().Contain(text);
    }

    [Fact]
    public void Repeated_numbers_are_kept_and_told_apart()
    {
        var georges = policies.Document("st-georges");

        georges.Find("8.1")!.Text.Should().StartWith("St George's CE Primary School monitors usage");
        georges.Find("8.1 (2nd)")!.Text.Should().StartWith("Users of St George's CE Primary School email");
        georges.Find("D3 (2nd)")!.Text.Should().StartWith("Stay within the law");
        georges.Clauses.Select(c => c.Id).Should().OnlyHaveUniqueItems();
    }

    [Fact]
    public void A_missing_number_does_not_shift_the_others()
    {
        var georges = policies.Document("st-georges");

        georges.Find("C7").Should().BeNull();
        georges.Find("C8")!.Text.Should().Contain("All media enquiries must be forwarded to the head teacher");
    }

    [Fact]
    public void A_sentence_cut_by_a_page_break_is_joined_back()
    {
        policies.Document("st-georges").Find("6.13")!.Text
            .Should().Contain("while at work; through staff members own person devices (i.e., smart phone)");
        policies.Document("crosby").Find("8")!.Text.Should().Contain("However, it is important to note that");
        policies.Document("st-georges").Find("9.3")!.Text.Should().Contain("trust officer immediately of any breaches");
    }

    [Fact]
    public void Bullets_keep_their_lead_in_so_the_rule_reads_whole()
    {
        var bullet = policies.Document("bradfield").Clauses.Single(c => c.Text.EndsWith("Breach copyrights of any kind", StringComparison.Ordinal));

        bullet.LeadIn.Should().Be("Any staff using any social media sites made in a professional capacity must not:");
        bullet.Body.Should().Be("Breach copyrights of any kind");
    }

    [Fact]
    public void Short_list_items_are_kept()
    {
        var wexham = policies.Document("wexham-court");

        // One-word items that carry on a sub-list after a page break join it; the list's own short items stand alone.
        var list = wexham.Clauses.Single(c => c.Text.StartsWith("Distributing, printing or viewing information on the following", StringComparison.Ordinal));
        list.Text.Should().Contain("Drugs").And.Contain("Weapons").And.Contain("Racism").And.NotContain("viruses");
        wexham.Clauses.Should().Contain(c => c.Text == "Distributing viruses.")
            .And.Contain(c => c.Text == "Gambling.")
            .And.Contain(c => c.Text.StartsWith("Accessing age restricted material", StringComparison.Ordinal));
        wexham.Clauses.Should().Contain(c => c.Text.EndsWith("must not: Breach confidentiality.", StringComparison.Ordinal));
        policies.Document("bradfield").Clauses.Should().Contain(c => c.Text.EndsWith("must not: Breach confidentiality", StringComparison.Ordinal));
    }

    [Fact]
    public void Bullets_run_together_on_one_line_are_split()
    {
        var josephs = policies.Document("st-josephs");

        josephs.Clauses.Should().Contain(c => c.Text.StartsWith("Users must declare who they are in social media posts or accounts.", StringComparison.Ordinal));
        josephs.Clauses.Should().Contain(c => c.Text.StartsWith("Staff must ensure that confidentiality", StringComparison.Ordinal) == false
            && c.Text.Contains("Staff will not use social media to infringe"));
    }

    [Fact]
    public void Form_tables_and_tick_boxes_are_not_clauses()
    {
        var clauses = policies.Document("st-georges").Clauses.Concat(policies.Document("bradfield").Clauses);

        clauses.Should().NotContain(c => c.Text.Contains('☐') || c.Text.Contains('\t') || c.Text.Contains("Name (print please)"));
    }

    [Fact]
    public void Sub_headings_inside_a_numbered_section_nest_under_it()
    {
        var wexham = policies.Document("wexham-court");

        wexham.Find("3.5 › Contact ¶1")!.Section.Should().Be("3 Action plan › 3.5 Misuse of social media › Contact");
    }

    [Fact]
    public void Every_real_policy_parses_into_many_clauses_with_unique_ids()
    {
        foreach (var school in new[] { "bradfield", "crosby", "st-georges", "st-josephs", "wexham-court" })
        {
            var document = policies.Document(school);
            document.Clauses.Should().HaveCountGreaterThan(25, school);
            document.Clauses.Select(c => c.Id).Should().OnlyHaveUniqueItems(school);
            document.Clauses.Should().OnlyContain(c => c.Text.Length > 0 && !c.Text.Contains("**"), school);
        }
    }

    [Fact]
    public void Markdown_headings_and_numbered_clauses_parse()
    {
        const string markdown = """
            # Example School Policy

            ## 1. Contact with pupils

            1.1 Staff **must not** accept friend requests from pupils.

            1.2 Staff may use school accounts.

            ## Reporting

            - Report concerns to the DSL.
            - Keep a record.
            """;

        var document = PolicyParser.Parse("example", markdown);

        document.Find("1.1")!.Text.Should().Be("Staff must not accept friend requests from pupils.");
        document.Find("1.1")!.Section.Should().Be("1 Contact with pupils");
        document.Find("Reporting ¶1")!.Text.Should().Be("Report concerns to the DSL.");
        document.Find("Reporting ¶2")!.Text.Should().Be("Keep a record.");
    }

    [Theory]
    [InlineData("")]
    [InlineData("\n\n\n")]
    [InlineData("1.\n- \n**\n☐\t\n# \n1.1\n• • •")]
    [InlineData("A1.\nA1.\nA1. text text text\nA1. text text text")]
    public void Odd_documents_parse_without_throwing(string text)
    {
        var document = PolicyParser.Parse("odd", text);

        document.Clauses.Select(c => c.Id).Should().OnlyHaveUniqueItems();
    }

    [Fact]
    public void The_demo_school_policy_parses_into_its_numbered_clauses()
    {
        var document = PolicyDocument.Load(Path.Combine(AppContext.BaseDirectory, "schools", "policies", "oakfield-primary.md"));

        document.Clauses.Should().HaveCountGreaterThanOrEqualTo(40);
        document.Find("2.1")!.Text.Should().Be("Staff must not accept friend requests or follow requests from current pupils on personal social media accounts.");
        document.Find("2.1")!.Section.Should().Be("2 Contact with pupils");
    }
}
