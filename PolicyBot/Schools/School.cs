namespace PolicyBot.Schools;

/// <summary>A role a school gives to named people (Entra object ids).</summary>
public enum SchoolRole
{
    Headteacher,
    DeputyHead,
    ComputingCoordinator,
    Dsl,
    DeputyDsl,
    Slt,
    Governor,
}

/// <summary>How a step of an approval chain is satisfied: by any one holder of the role, or by all of them.</summary>
public enum ApprovalMode
{
    Any,
    All,
}

public sealed record ApprovalStep(SchoolRole Role, ApprovalMode Mode);

/// <summary>The school's site-approval chain, in order, and the form fields its policy demands.</summary>
public sealed record SiteApprovalSettings(IReadOnlyList<ApprovalStep> Chain, IReadOnlyList<string> Fields);

/// <summary>The Teams channel whose members are the DSL team.</summary>
public sealed record DslInbox(string TeamId, string ChannelId, string? ServiceUrl);

public sealed record IncidentSettings(DslInbox? DslInbox, int AcknowledgeWithinHours);

/// <summary>
/// One school, as configured in its YAML file: who holds which role, its approval chain, where incidents go,
/// and its policy document.
/// </summary>
/// <param name="StaffGroupId">
/// The Entra security group holding this school's staff, or null. When several schools share a tenant it is how
/// staff who hold no role are placed in their own school.
/// </param>
public sealed record School(
    string Id,
    string Name,
    string TenantId,
    string PolicyPath,
    IReadOnlyDictionary<SchoolRole, IReadOnlyList<string>> People,
    SchoolRole AskPersonRole,
    SiteApprovalSettings SiteApproval,
    IncidentSettings Incidents,
    int ApprovalReminderHours,
    string SourceFile,
    string? StaffGroupId = null)
{
    /// <summary>Entra object ids holding <paramref name="role"/> (empty when nobody does).</summary>
    public IReadOnlyList<string> PeopleIn(SchoolRole role) => People.TryGetValue(role, out var ids) ? ids : [];

    public bool Holds(string aadObjectId, SchoolRole role) =>
        PeopleIn(role).Contains(aadObjectId, StringComparer.OrdinalIgnoreCase);

    /// <summary>Every role this person holds at this school.</summary>
    public IReadOnlyList<SchoolRole> RolesOf(string aadObjectId) =>
        People.Where(p => p.Value.Contains(aadObjectId, StringComparer.OrdinalIgnoreCase)).Select(p => p.Key).ToList();

    /// <summary>Who receives "ask a person" questions.</summary>
    public IReadOnlyList<string> AskPersonRecipients => PeopleIn(AskPersonRole);
}
