namespace PolicyBot.Schools;

// The YAML shape of a school file, as YamlDotNet fills it (camelCase keys). Validated and turned into a
// School by SchoolFileReader; nothing else uses these types.
internal sealed class SchoolFile
{
    public string? Id { get; set; }
    public string? Name { get; set; }
    public string? TenantId { get; set; }
    public string? StaffGroupId { get; set; }
    public string? Policy { get; set; }
    public PeopleFile? People { get; set; }
    public string? AskPersonRole { get; set; }
    public SiteApprovalFile? SiteApproval { get; set; }
    public IncidentsFile? Incidents { get; set; }
    public int? ApprovalReminderHours { get; set; }
}

internal sealed class PeopleFile
{
    public List<string>? Headteacher { get; set; }
    public List<string>? DeputyHeads { get; set; }
    public List<string>? ComputingCoordinator { get; set; }
    public List<string>? Dsl { get; set; }
    public List<string>? DeputyDsl { get; set; }
    public List<string>? Slt { get; set; }
    public List<string>? Governors { get; set; }
}

internal sealed class SiteApprovalFile
{
    public List<ApprovalStepFile>? Chain { get; set; }
    public List<string>? Fields { get; set; }
}

internal sealed class ApprovalStepFile
{
    public string? Role { get; set; }
    public string? Mode { get; set; }
}

internal sealed class IncidentsFile
{
    public DslInboxFile? DslInbox { get; set; }
    public int? AcknowledgeWithinHours { get; set; }
}

internal sealed class DslInboxFile
{
    public string? TeamId { get; set; }
    public string? ChannelId { get; set; }
    public string? ServiceUrl { get; set; }
}
