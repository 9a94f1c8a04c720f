using PolicyBot.Schools;

namespace PolicyBot.Tests.Features.SiteApproval;

/// <summary>Schools for the site approval tests: people by short made-up ids, the chain as each test needs it.</summary>
static class SiteSchools
{
    public const string Requester = "requester";
    public const string Computing = "computing";
    public const string Deputy1 = "deputy-1";
    public const string Deputy2 = "deputy-2";
    public const string Head = "head";
    public const string Outsider = "outsider";

    /// <summary>Computing Coordinator (any) → Deputy Heads (the given mode; two of them) → Headteacher (any).</summary>
    public static School Make(ApprovalMode deputies = ApprovalMode.Any, params (SchoolRole Role, string Id)[] extra)
    {
        var people = new Dictionary<SchoolRole, List<string>>
        {
            [SchoolRole.ComputingCoordinator] = [Computing],
            [SchoolRole.DeputyHead] = [Deputy1, Deputy2],
            [SchoolRole.Headteacher] = [Head],
            [SchoolRole.Dsl] = ["dsl"],
            [SchoolRole.Slt] = [Head, Deputy1],
        };
        foreach (var (role, id) in extra)
            people[role].Add(id);
        return new School("test-school", "Test School", "tenant", "policy.md",
            people.ToDictionary(p => p.Key, p => (IReadOnlyList<string>)p.Value),
            SchoolRole.Slt,
            new SiteApprovalSettings(
                [new ApprovalStep(SchoolRole.ComputingCoordinator, ApprovalMode.Any), new ApprovalStep(SchoolRole.DeputyHead, deputies), new ApprovalStep(SchoolRole.Headteacher, ApprovalMode.Any)],
                ["siteName", "platform", "purpose"]),
            new IncidentSettings(null, 24), 48, "test-school.yaml");
    }
}
