using PolicyBot.Features.IncidentReports;
using PolicyBot.Graph;
using PolicyBot.Schools;
using PolicyBot.Tests.Infrastructure;
using static PolicyBot.Tests.Features.IncidentReports.IncidentsInTeamsFixture;

namespace PolicyBot.Tests.Features.IncidentReports;

/// <summary>
/// Names for the DSL team's assign picker: a slow or failing directory never holds up a button press for long, and a
/// failed look-up is asked again after minutes, not an hour.
/// </summary>
public sealed class DslTeamDirectoryTests
{
    static readonly School Demo = SchoolFileReader.Read(Path.Combine(RepoPaths.Root, "schools", SchoolId + ".yaml"));

    /// <summary>A directory whose answers the test decides: a name, a failure, or no answer at all until cancelled.</summary>
    sealed class Directory : IUserDirectory
    {
        public Dictionary<string, Func<CancellationToken, Task<DirectoryLookupResult>>> Answers { get; } = [];
        public List<string> Asked { get; } = [];

        public Task<DirectoryLookupResult> GetUserAsync(string userId, CancellationToken cancellationToken = default)
        {
            lock (Asked)
                Asked.Add(userId);
            return Answers[userId](cancellationToken);
        }

        public Task<DirectoryLookupResult> GetManagerAsync(string userId, CancellationToken cancellationToken = default) => throw new NotSupportedException();

        public Task<GroupMembershipResult> CheckMemberGroupsAsync(string userId, IReadOnlyCollection<string> groupIds, CancellationToken cancellationToken = default) =>
            throw new NotSupportedException();
    }

    static Func<CancellationToken, Task<DirectoryLookupResult>> Named(string name) =>
        _ => Task.FromResult(DirectoryLookupResult.Found(new DirectoryUser("id", name, null)));

    static async Task<DirectoryLookupResult> NeverAnswers(CancellationToken cancellationToken)
    {
        await Task.Delay(Timeout.Infinite, cancellationToken);
        throw new InvalidOperationException("unreachable");
    }

    [Fact]
    public async Task A_look_up_that_never_answers_is_given_up_and_the_role_stands_in_for_the_name()
    {
        var directory = new Directory { Answers = { [Dsl] = Named("Dana Dsl"), [DeputyDsl] = NeverAnswers } };
        var team = new DslTeamDirectory(directory, new ManualTimeProvider(), TimeSpan.FromMilliseconds(50));

        // The guard only stops a broken timeout from hanging the run; the assertion is on what comes back.
        var result = await team.TeamOfAsync(Demo, CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(30));

        result.Members.Select(m => m.Name).Should().Equal("Dana Dsl", "Deputy DSL");
    }

    [Fact]
    public async Task A_failed_look_up_is_asked_again_after_minutes_and_a_name_is_remembered_for_an_hour()
    {
        var directory = new Directory { Answers = { [Dsl] = Named("Dana Dsl"), [DeputyDsl] = _ => Task.FromResult(DirectoryLookupResult.Failed("503", retryable: true)) } };
        var clock = new ManualTimeProvider();
        var team = new DslTeamDirectory(directory, clock);
        await team.TeamOfAsync(Demo, CancellationToken.None);
        directory.Answers[DeputyDsl] = Named("Dee Deputy");

        clock.Advance(TimeSpan.FromMinutes(6));
        var result = await team.TeamOfAsync(Demo, CancellationToken.None);

        result.Members.Select(m => m.Name).Should().Equal("Dana Dsl", "Dee Deputy");
        directory.Asked.Should().Equal(Dsl, DeputyDsl, DeputyDsl);
    }
}
