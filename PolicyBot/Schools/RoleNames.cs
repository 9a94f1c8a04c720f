namespace PolicyBot.Schools;

/// <summary>How a role is named to staff ("your question went to the senior leadership team").</summary>
public static class RoleNames
{
    public static string Of(SchoolRole role) => role switch
    {
        SchoolRole.Headteacher => "the Headteacher",
        SchoolRole.DeputyHead => "the Deputy Head",
        SchoolRole.ComputingCoordinator => "the Computing Coordinator",
        SchoolRole.Dsl => "the Designated Safeguarding Lead",
        SchoolRole.DeputyDsl => "the Deputy Designated Safeguarding Lead",
        SchoolRole.Governor => "the governors",
        _ => "the senior leadership team",
    };
}
