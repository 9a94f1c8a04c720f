using System.Globalization;
using PolicyBot.Cards;
using PolicyBot.Cards.AdaptiveCards;
using PolicyBot.Cards.SiteApproval;
using PolicyBot.Schools;
using CardStep = PolicyBot.Cards.SiteApproval.ApprovalStep;

namespace PolicyBot.Features.SiteApproval;

/// <summary>A site request as its cards show it: the same facts for everyone, the buttons by viewer.</summary>
public static class SiteRequestCards
{
    /// <summary>Universal Actions refresh names at most 60 users.</summary>
    const int MaxRefreshUsers = 60;

    /// <summary>How a role is titled on a card ("Deputy Head"): the wording staff already see, without "the".</summary>
    public static string RoleTitle(SchoolRole role)
    {
        var name = RoleNames.Of(role);
        if (name.StartsWith("the ", StringComparison.Ordinal))
            name = name[4..];
        return name.Length == 0 ? name : char.ToUpperInvariant(name[0]) + name[1..];
    }

    public static SiteRequestViewer ViewerOf(SiteRequest request, School school, string userId)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.MayDecide(school, userId))
            return SiteRequestViewer.CurrentApprover;
        return request.IsRequester(userId) ? SiteRequestViewer.Requester : SiteRequestViewer.Observer;
    }

    public static AdaptiveCard Card(SiteRequest request, School school, SiteRequestViewer viewer = SiteRequestViewer.Observer) =>
        SiteRequestCard.Build(ToCardData(request, school), viewer);

    public static SiteRequestCardData ToCardData(SiteRequest request, School school)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(school);
        var steps = request.Steps.Select(Step).ToList();
        // Everyone who may open the card gets their own view through refresh: the requester, then the chain's people.
        var refresh = new List<string> { request.RequestedBy };
        refresh.AddRange(request.Steps.SelectMany(s => school.PeopleIn(s.Role)));
        return new SiteRequestCardData(
            request.RequestId, request.SchoolId, request.Revision.ToString(CultureInfo.InvariantCulture), request.Reference,
            request.RequestedByName, request.RequestedAt, SiteRequestForm.Summary(request.Answers, request.Reference),
            request.Answers.Select(a => new FormAnswer(a.Label, a.Value)).ToList(), steps, request.State,
            refresh.Distinct(StringComparer.OrdinalIgnoreCase).Take(MaxRefreshUsers).ToList(), request.WithdrawnAt);
    }

    static CardStep Step(SiteStep step)
    {
        var role = RoleTitle(step.Role);
        var approvals = step.Decisions.Where(d => d.Approved).ToList();
        var rejection = step.Decisions.FirstOrDefault(d => !d.Approved);
        var comment = string.Join("\n", step.Decisions.Where(d => d.Comment is not null)
            .Select(d => step.Decisions.Count > 1 ? $"{d.ByName}: {d.Comment}" : d.Comment));
        return step.State switch
        {
            ApprovalStepState.Approved => new CardStep(role, [], step.State, Names(approvals), approvals.LastOrDefault()?.At, NullIfEmpty(comment)),
            ApprovalStepState.Rejected => new CardStep(role, [], step.State, rejection?.ByName, rejection?.At, NullIfEmpty(comment)),
            // A step every holder must approve shows who already has.
            ApprovalStepState.Pending when approvals.Count > 0 =>
                new CardStep(role, [$"Approved so far: {Names(approvals)}"], step.State, Comment: NullIfEmpty(comment)),
            ApprovalStepState.Pending or ApprovalStepState.Waiting when step.Mode == ApprovalMode.All =>
                new CardStep(role, ["All of them must approve"], step.State),
            _ => new CardStep(role, [], step.State),
        };
    }

    static string Names(IEnumerable<SiteDecision> decisions) => string.Join(", ", decisions.Select(d => d.ByName.Length > 0 ? d.ByName : "a member of staff"));

    static string? NullIfEmpty(string text) => text.Length == 0 ? null : text;
}
