namespace PolicyBot.Cards.SiteApproval;

/// <summary>How a form field is asked.</summary>
public enum FormFieldKind { Text, Multiline, Choice, Toggle, Date }

/// <summary>
/// One question a school's policy demands before a site is approved, from the school's configuration.
/// <see cref="Id"/> becomes the input id, so the submitted value arrives under it.
/// </summary>
/// <param name="Choices">For <see cref="FormFieldKind.Choice"/>: the options (value = title).</param>
/// <param name="Hint">A short placeholder or explanation.</param>
public sealed record FormField(
    string Id,
    string Label,
    FormFieldKind Kind,
    bool Required = false,
    IReadOnlyList<string>? Choices = null,
    string? Hint = null);

/// <summary>The site request form for one school.</summary>
/// <param name="Values">Earlier answers by field id, to show the form again after the server refused it.</param>
/// <param name="Problem">Why the server refused the last submission (trusted text from the handler).</param>
public sealed record SiteRequestFormCardData(
    string SchoolId,
    string SchoolName,
    IReadOnlyList<FormField> Fields,
    IReadOnlyDictionary<string, string>? Values = null,
    string? Problem = null);

public enum SiteRequestState { Pending, Approved, Rejected, Withdrawn }

/// <summary><see cref="Waiting"/>: not reached yet; <see cref="Pending"/>: the approver's turn now.</summary>
public enum ApprovalStepState { Waiting, Pending, Approved, Rejected, Skipped }

/// <summary>One step of a school's approval chain as it stands.</summary>
/// <param name="Role">As the school names it ("Computing Coordinator").</param>
/// <param name="Approvers">Who may decide at this step (names, for display).</param>
/// <param name="DecidedBy">Who approved or rejected, once decided.</param>
public sealed record ApprovalStep(
    string Role,
    IReadOnlyList<string> Approvers,
    ApprovalStepState State,
    string? DecidedBy = null,
    DateTimeOffset? DecidedAt = null,
    string? Comment = null);

/// <summary>A question of the form with the requester's answer, in the order of the form.</summary>
public sealed record FormAnswer(string Label, string Value);

/// <summary>The live state of a site request, the same for everyone; the viewer decides the buttons.</summary>
/// <param name="Version">The stored record's version (ETag); a click on a stale card is recognised.</param>
/// <param name="Reference">Human reference such as "SITE-2026-0007".</param>
/// <param name="Summary">One line saying what is asked for ("Year 6 class blog on Padlet").</param>
/// <param name="RefreshUserIds">Entra object ids of the requester and everyone in the chain (at most 60 used).</param>
/// <param name="WithdrawnAt">When the requester withdrew it, for <see cref="SiteRequestState.Withdrawn"/>.</param>
public sealed record SiteRequestCardData(
    string RequestId,
    string SchoolId,
    string Version,
    string Reference,
    string RequestedBy,
    DateTimeOffset RequestedAt,
    string Summary,
    IReadOnlyList<FormAnswer> Answers,
    IReadOnlyList<ApprovalStep> Steps,
    SiteRequestState State,
    IReadOnlyList<string> RefreshUserIds,
    DateTimeOffset? WithdrawnAt = null);

/// <summary>Whose copy of the card is being built: decides which buttons appear, nothing else.</summary>
public enum SiteRequestViewer
{
    /// <summary>Anyone who may see the request but has nothing to do now.</summary>
    Observer,
    /// <summary>The requester: may withdraw while it is pending.</summary>
    Requester,
    /// <summary>An approver at the pending step: approve or reject.</summary>
    CurrentApprover,
}
