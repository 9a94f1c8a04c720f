namespace PolicyBot.Graph;

/// <summary>
/// The answer to a group-membership check: which of the groups asked about the user is a member of, directly or through
/// nested groups. <see cref="DirectoryLookupOutcome.Found"/> means the user was found and checked (possibly in none of
/// them); like <see cref="DirectoryLookupResult"/>, expected failures are results, not exceptions.
/// </summary>
public sealed record GroupMembershipResult(DirectoryLookupOutcome Outcome, IReadOnlyList<string> MemberOf, string? Reason = null, bool Retryable = false)
{
    public static GroupMembershipResult Found(IReadOnlyList<string> memberOf) => new(DirectoryLookupOutcome.Found, memberOf);

    public static GroupMembershipResult NotFound(string reason) => new(DirectoryLookupOutcome.NotFound, [], reason);

    public static GroupMembershipResult NotConfigured(string reason) => new(DirectoryLookupOutcome.NotConfigured, [], reason);

    public static GroupMembershipResult Failed(string reason, bool retryable) => new(DirectoryLookupOutcome.Failed, [], reason, retryable);
}
