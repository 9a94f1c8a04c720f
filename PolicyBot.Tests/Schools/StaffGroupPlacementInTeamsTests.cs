using System.Net;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using PolicyBot.BotFramework.Schema;
using PolicyBot.Cards;
using PolicyBot.Graph;
using PolicyBot.Schools;
using PolicyBot.Tests.Graph;
using PolicyBot.Tests.Infrastructure;
using static PolicyBot.Tests.Features.PolicyQuestions.AskCards;

namespace PolicyBot.Tests.Schools;

/// <summary>
/// Two schools of a trust in one tenant, each with a staff group, served by the real app; Microsoft Graph is the local
/// stand-in. Staff who hold no role are answered from the policy of the school whose staff group holds them.
/// </summary>
public sealed class StaffGroupPlacementInTeamsTests(StaffGroupPlacementInTeamsTests.TrustFixture trust)
    : IClassFixture<StaffGroupPlacementInTeamsTests.TrustFixture>
{
    const string NorthGroup = "c0000000-0000-4000-8000-00000000000a";
    const string SouthGroup = "c0000000-0000-4000-8000-00000000000b";
    const string Question = "can I accept a friend request from a parent on facebook?";

    public sealed class TrustFixture : IAsyncLifetime
    {
        readonly DirectoryInfo _schools = Directory.CreateTempSubdirectory("policybot-trust-");

        public GraphStandIn Graph { get; } = new();
        public LocalConnector Connector { get; private set; } = null!;
        public BotApp App { get; private set; } = null!;
        public string SchoolsFolder => _schools.FullName;

        public async Task InitializeAsync()
        {
            await Graph.InitializeAsync();
            Connector = await LocalConnector.StartAsync();
            // Two schools in the tenant Teams names in every test activity: the demo policy and a real school's.
            WriteSchool("north.yaml", "north-academy", "North Academy", Path.Combine(RepoPaths.Root, "schools", "policies", "oakfield-primary.md"), NorthGroup);
            WriteSchool("south.yaml", "south-academy", "South Academy", Path.Combine(RepoPaths.SharedPolicies, "crosby.txt"), SouthGroup);
            var settings = GraphTestHost.StandInSettings(Graph);
            settings["Schools:Path"] = _schools.FullName;
            settings["Workflow:DefaultServiceUrl"] = Connector.ServiceUrl;
            App = new BotApp(settings, services => services.AddSingleton(new GraphHttpTransport(Graph.CreateTrustingHandler)));
            _ = App.BaseAddress;
        }

        public async Task DisposeAsync()
        {
            await App.DisposeAsync();
            await Connector.DisposeAsync();
            await Graph.DisposeAsync();
            _schools.Delete(recursive: true);
        }

        void WriteSchool(string file, string id, string name, string policy, string staffGroupId) =>
            File.WriteAllText(Path.Combine(_schools.FullName, file), $"""
                id: {id}
                name: {name}
                tenantId: {TestActivities.TenantId}
                staffGroupId: {staffGroupId}
                policy: "{policy}"
                people:
                  headteacher: [ {Guid.NewGuid()} ]
                  dsl: [ {Guid.NewGuid()} ]
                  slt: [ {Guid.NewGuid()} ]
                siteApproval:
                  chain: [ {"{"} role: headteacher {"}"} ]
                """);
    }

    /// <summary>A member of staff known to Graph (and so to the stand-in), with a fresh id so no test sees another's cache.</summary>
    string NewStaffMember(params string[] groups)
    {
        var id = Guid.NewGuid().ToString();
        trust.Graph.AddUser(new GraphStandIn.StandInUser(id, "Sam Teacher", null));
        foreach (var group in groups)
            trust.Graph.AddToGroup(id, group);
        return id;
    }

    Activity Message(string aadObjectId, string text = Question)
    {
        var activity = TestActivities.Message(trust.Connector.ServiceUrl, text);
        activity.From = new ChannelAccount { Id = "29:" + aadObjectId, Name = "Sam Teacher", AadObjectId = aadObjectId };
        return activity;
    }

    /// <summary>Posts the activity and returns the one card the bot sent back.</summary>
    async Task<JsonElement> ReplyToAsync(Activity activity)
    {
        trust.Connector.Clear();
        using var response = await trust.App.PostActivityAsync(activity);
        response.StatusCode.Should().Be(HttpStatusCode.OK);
        var reply = (await trust.Connector.WaitForRequestsAsync(1)).Should().ContainSingle().Subject;
        return CardOf(reply.Json);
    }

    IReadOnlyList<GraphStandIn.RecordedRequest> ChecksFor(string userId) => trust.Graph.RequestsTo($"/users/{userId}/checkMemberGroups");

    [Fact]
    public async Task A_member_of_school_Bs_staff_group_is_answered_from_school_Bs_policy()
    {
        var teacher = NewStaffMember(SouthGroup);
        var library = SchoolDirectory.Load(trust.SchoolsFolder).BuildPolicyLibrary();
        var expected = library.Answer("south-academy", Question);
        expected.Citations[0].ClauseId.Should().NotBe(library.Answer("north-academy", Question).Citations[0].ClauseId, "the two policies must answer differently for this test to tell them apart");

        var card = await ReplyToAsync(Message(teacher));

        ActionData(card, Verbs.AnswerFeedback)!.Value.GetProperty("school").GetString().Should().Be("south-academy");
        var texts = Texts(card);
        texts.Should().Contain("South Academy").And.NotContain("North Academy");
        texts.Should().Contain($"Clause {expected.Citations[0].ClauseId}");
        var check = ChecksFor(teacher).Should().ContainSingle().Subject;
        check.Method.Should().Be("POST");
        check.Json["groupIds"]!.AsArray().Select(g => g!.GetValue<string>()).Should().BeEquivalentTo([NorthGroup, SouthGroup]);
        check.Headers["Authorization"].Should().StartWith("Bearer standin.");
    }

    [Fact]
    public async Task The_next_message_is_placed_from_memory_without_asking_Graph_again()
    {
        var teacher = NewStaffMember(NorthGroup);

        ActionData(await ReplyToAsync(Message(teacher)), Verbs.AnswerFeedback)!.Value.GetProperty("school").GetString().Should().Be("north-academy");
        ActionData(await ReplyToAsync(Message(teacher, "can I post photos of pupils on my own instagram?")), Verbs.AnswerFeedback)!.Value
            .GetProperty("school").GetString().Should().Be("north-academy");

        ChecksFor(teacher).Should().ContainSingle();
    }

    [Fact]
    public async Task Someone_in_neither_staff_group_is_told_their_school_is_not_set_up()
    {
        var visitor = NewStaffMember();

        var card = await ReplyToAsync(Message(visitor));

        Texts(card).Should().Contain(CardText.ProblemTitle(CardProblem.SchoolNotSetUp));
        ChecksFor(visitor).Should().ContainSingle();
    }

    [Fact]
    public async Task When_Graph_is_down_the_person_is_asked_to_try_again_and_the_next_message_is_answered()
    {
        var teacher = NewStaffMember(SouthGroup);
        trust.Graph.AnswerNext($"/users/{teacher}/checkMemberGroups", 503, "ServiceUnavailable", times: 3);

        var card = await ReplyToAsync(Message(teacher));

        Texts(card).Should().Contain(CardText.SchoolCheckUnavailable).And.Contain(CardText.ProblemAdvice(CardProblem.SomethingWentWrong));
        ActionData(await ReplyToAsync(Message(teacher)), Verbs.AnswerFeedback)!.Value.GetProperty("school").GetString().Should().Be("south-academy");
        ChecksFor(teacher).Should().HaveCount(4, "three refused attempts, not remembered, then one answered");
    }

    [Fact]
    public async Task A_card_action_while_Graph_is_down_is_refused_with_a_retryable_error_not_a_crash()
    {
        var teacher = NewStaffMember(SouthGroup);
        trust.Graph.AnswerNext($"/users/{teacher}/checkMemberGroups", 503, "ServiceUnavailable", times: 3);
        var activity = TestActivities.CardAction(trust.Connector.ServiceUrl, Verbs.AnswerFeedback, new { id = "0123456789abcdef0123456789abcdef", school = "south-academy", arg = "up" });
        activity.From = new ChannelAccount { Id = "29:" + teacher, Name = "Sam Teacher", AadObjectId = teacher };

        using var response = await trust.App.PostActivityAsync(activity);

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        body.GetProperty("statusCode").GetInt32().Should().Be(503);
        body.GetProperty("type").GetString().Should().Be("application/vnd.microsoft.error");
        body.GetProperty("value").GetProperty("message").GetString().Should().Contain("couldn't check which school");
    }
}
