using PolicyBot.Cards.SiteApproval;
using PolicyBot.Schools;

namespace PolicyBot.Features.SiteApproval;

/// <summary>One answer on the form: the field id, its label when asked, and the value given.</summary>
public sealed record SiteAnswer(string FieldId, string Label, string Value);

/// <summary>One approval or rejection, by one person, at one step.</summary>
public sealed record SiteDecision(string By, string ByName, DateTimeOffset At, bool Approved, string? Comment);

/// <summary>
/// One step of the chain as it stands: the role (as the school's chain names it), how it is satisfied, its state and the
/// decisions taken at it (one for "any"; one per holder of the role for "all").
/// </summary>
public sealed record SiteStep(SchoolRole Role, ApprovalMode Mode, ApprovalStepState State, IReadOnlyList<SiteDecision> Decisions, DateTimeOffset? PendingSince = null);

public enum SiteRefusal
{
    /// <summary>The request is approved, rejected or withdrawn: nothing more can be decided.</summary>
    NotPending,
    /// <summary>The person holds a role in the chain, but not the one whose turn it is.</summary>
    NotYourTurn,
    /// <summary>The person holds no role in the school's approval chain.</summary>
    NotAnApprover,
    /// <summary>Nobody approves their own request.</summary>
    OwnRequest,
    /// <summary>This person already approved this step (a step every holder must approve).</summary>
    AlreadyDecided,
    /// <summary>A rejection needs a reason.</summary>
    EmptyReason,
    /// <summary>A comment or reason longer than <see cref="SiteRequest.MaxCommentLength"/>.</summary>
    TooLong,
    /// <summary>Only the requester may withdraw.</summary>
    NotRequester,
    /// <summary>At submission: a step of the chain has nobody but the requester (or nobody at all) to decide it.</summary>
    NoOtherApprover,
}

/// <summary>A transition's outcome: the next state, or why not (and for <see cref="SiteRefusal.NoOtherApprover"/>, which step).</summary>
public sealed record SiteTransition(SiteRequest? Next, SiteRefusal? Refusal, int StepIndex = -1)
{
    public static SiteTransition To(SiteRequest next) => new(next, null);
    public static SiteTransition Refused(SiteRefusal refusal, int stepIndex = -1) => new(null, refusal, stepIndex);
}

/// <summary>
/// A request for an official school site or account, going through the school's approval chain one step at a time.
/// Pure: every transition returns the new state or a refusal, and never does I/O. Who holds a role is read from the
/// school as configured at the moment of the decision.
/// </summary>
public sealed record SiteRequest(
    string RequestId,
    string SchoolId,
    string TenantId,
    string Reference,
    string RequestedBy,
    string RequestedByName,
    DateTimeOffset RequestedAt,
    IReadOnlyList<SiteAnswer> Answers,
    IReadOnlyList<SiteStep> Steps,
    SiteRequestState State,
    DateTimeOffset UpdatedAt,
    int Revision = 1,
    DateTimeOffset? WithdrawnAt = null)
{
    /// <summary>Longest approval comment or rejection reason (the card's own limit).</summary>
    public const int MaxCommentLength = 500;

    /// <summary>Longest name kept for a person (display only).</summary>
    public const int MaxNameLength = 100;

    /// <summary>A new request, its first step waiting for a decision; refused if a step could only be decided by the requester.</summary>
    public static SiteTransition Submit(string requestId, School school, string tenantId, string reference, string by, string byName,
        DateTimeOffset at, IReadOnlyList<SiteAnswer> answers)
    {
        if (StepWithoutOtherApprover(school, by) is { } blocked)
            return SiteTransition.Refused(SiteRefusal.NoOtherApprover, blocked);
        var chain = school.SiteApproval.Chain;
        var steps = chain.Select((s, i) => new SiteStep(s.Role, s.Mode,
            i == 0 ? ApprovalStepState.Pending : ApprovalStepState.Waiting, [], i == 0 ? at : null)).ToList();
        return SiteTransition.To(new SiteRequest(requestId, school.Id, tenantId, reference, by, Name(byName), at, answers, steps,
            SiteRequestState.Pending, at));
    }

    /// <summary>
    /// The first step of the school's chain that nobody but <paramref name="requester"/> could decide (they hold its role
    /// alone, or nobody does), or null. Such a request could never finish, so it is not accepted: the step needs someone
    /// else, and the requester is told so rather than left waiting.
    /// </summary>
    public static int? StepWithoutOtherApprover(School school, string requester)
    {
        ArgumentNullException.ThrowIfNull(school);
        var chain = school.SiteApproval.Chain;
        for (var i = 0; i < chain.Count; i++)
        {
            if (!OthersIn(school, chain[i].Role, requester).Any())
                return i;
        }
        return null;
    }

    /// <summary>The index of the step whose turn it is, or -1 when the request is over.</summary>
    public int PendingStepIndex =>
        State == SiteRequestState.Pending ? Steps.ToList().FindIndex(s => s.State == ApprovalStepState.Pending) : -1;

    public SiteStep? PendingStep => PendingStepIndex is var i and >= 0 ? Steps[i] : null;

    public bool IsRequester(string userId) => string.Equals(RequestedBy, userId, StringComparison.OrdinalIgnoreCase);

    /// <summary>Whether this person may approve or reject now.</summary>
    public bool MayDecide(School school, string userId) => Authority(school, userId) is null;

    /// <summary>Whether this person has a part in the request: the requester, anyone in the chain's roles, anyone who decided.</summary>
    public bool Involves(School school, string userId)
    {
        ArgumentNullException.ThrowIfNull(school);
        return IsRequester(userId)
               || Steps.Any(s => school.Holds(userId, s.Role) || s.Decisions.Any(d => Same(d.By, userId)));
    }

    public SiteTransition Approve(School school, string by, string byName, DateTimeOffset at, string? comment)
    {
        if (Authority(school, by) is { } refusal)
            return SiteTransition.Refused(refusal);
        var text = comment?.Trim() ?? "";
        if (text.Length > MaxCommentLength)
            return SiteTransition.Refused(SiteRefusal.TooLong);

        var index = PendingStepIndex;
        var step = Steps[index];
        var decisions = step.Decisions.Append(new SiteDecision(by, Name(byName), at, true, text.Length == 0 ? null : text)).ToList();
        var done = step.Mode == ApprovalMode.Any
                   || OthersIn(school, step.Role, RequestedBy).All(id => decisions.Any(d => d.Approved && Same(d.By, id)));
        var steps = Steps.ToList();
        steps[index] = step with { Decisions = decisions, State = done ? ApprovalStepState.Approved : ApprovalStepState.Pending };
        var state = State;
        if (done && index + 1 < steps.Count)
            steps[index + 1] = steps[index + 1] with { State = ApprovalStepState.Pending, PendingSince = at };
        else if (done)
            state = SiteRequestState.Approved;
        return SiteTransition.To(this with { Steps = steps, State = state, UpdatedAt = at, Revision = Revision + 1 });
    }

    public SiteTransition Reject(School school, string by, string byName, DateTimeOffset at, string? reason)
    {
        if (Authority(school, by) is { } refusal)
            return SiteTransition.Refused(refusal);
        var text = reason?.Trim() ?? "";
        if (text.Length == 0)
            return SiteTransition.Refused(SiteRefusal.EmptyReason);
        if (text.Length > MaxCommentLength)
            return SiteTransition.Refused(SiteRefusal.TooLong);

        var index = PendingStepIndex;
        var steps = Steps.Select((s, i) => i < index ? s : i == index
            ? s with { State = ApprovalStepState.Rejected, Decisions = s.Decisions.Append(new SiteDecision(by, Name(byName), at, false, text)).ToList() }
            : s with { State = ApprovalStepState.Skipped }).ToList();
        return SiteTransition.To(this with { Steps = steps, State = SiteRequestState.Rejected, UpdatedAt = at, Revision = Revision + 1 });
    }

    public SiteTransition Withdraw(string by, DateTimeOffset at)
    {
        if (!IsRequester(by))
            return SiteTransition.Refused(SiteRefusal.NotRequester);
        if (State != SiteRequestState.Pending)
            return SiteTransition.Refused(SiteRefusal.NotPending);
        return SiteTransition.To(this with { State = SiteRequestState.Withdrawn, WithdrawnAt = at, UpdatedAt = at, Revision = Revision + 1 });
    }

    /// <summary>Null when <paramref name="userId"/> may decide the pending step now; else why not.</summary>
    SiteRefusal? Authority(School school, string userId)
    {
        ArgumentNullException.ThrowIfNull(school);
        if (PendingStep is not { } step)
            return SiteRefusal.NotPending;
        if (!school.Holds(userId, step.Role))
        {
            if (Steps.Any(s => school.Holds(userId, s.Role)))
                return SiteRefusal.NotYourTurn;
            return IsRequester(userId) ? SiteRefusal.OwnRequest : SiteRefusal.NotAnApprover;
        }
        if (IsRequester(userId))
            return SiteRefusal.OwnRequest;
        if (step.Decisions.Any(d => Same(d.By, userId)))
            return SiteRefusal.AlreadyDecided;
        return null;
    }

    /// <summary>Who may decide a step of <paramref name="role"/>: its holders, the requester excepted.</summary>
    public static IEnumerable<string> OthersIn(School school, SchoolRole role, string requester) =>
        school.PeopleIn(role).Where(id => !Same(id, requester));

    static bool Same(string a, string b) => string.Equals(a, b, StringComparison.OrdinalIgnoreCase);

    static string Name(string name)
    {
        var oneLine = string.Join(' ', (name ?? "").Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        return oneLine.Length <= MaxNameLength ? oneLine : oneLine[..MaxNameLength];
    }
}
