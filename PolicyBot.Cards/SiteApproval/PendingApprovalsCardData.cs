namespace PolicyBot.Cards.SiteApproval;

/// <summary>One site request whose pending step the viewer may decide.</summary>
/// <param name="Role">The step's role the viewer acts as ("Deputy Head").</param>
public sealed record PendingApproval(string RequestId, string Reference, string Summary, string RequestedBy, string Role, DateTimeOffset WaitingSince);

/// <summary>The "pending approvals" list for one approver, oldest first.</summary>
public sealed record PendingApprovalsCardData(string SchoolId, IReadOnlyList<PendingApproval> Items);
