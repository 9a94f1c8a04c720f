using PolicyBot.Schools;

namespace PolicyBot.Tests.Schools;

/// <summary>A school with only what placement and resolution look at: its tenant, its SLT and its staff group.</summary>
static class TestSchools
{
    public static School Make(string id, string tenantId, string? slt = null, string? staffGroupId = null) => new(
        id, id + " School", tenantId, $"{id}.md",
        slt is null
            ? new Dictionary<SchoolRole, IReadOnlyList<string>>()
            : new Dictionary<SchoolRole, IReadOnlyList<string>> { [SchoolRole.Slt] = [slt] },
        SchoolRole.Slt,
        new SiteApprovalSettings([new ApprovalStep(SchoolRole.Slt, ApprovalMode.Any)], []),
        new IncidentSettings(null, 24),
        48,
        $"{id}.yaml",
        staffGroupId);
}
