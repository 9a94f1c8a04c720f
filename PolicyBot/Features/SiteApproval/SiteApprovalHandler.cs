using PolicyBot.BotFramework;
using PolicyBot.BotFramework.Schema;
using PolicyBot.Cards;
using PolicyBot.Schools;

namespace PolicyBot.Features.SiteApproval;

/// <summary>
/// Site approval: the request form, the school's approval chain deciding on cards, every copy showing the live state.
/// </summary>
public sealed class SiteApprovalHandler
{
    /// <summary>Site request ids start with this, so a refresh can be routed by id alone.</summary>
    public const string IdPrefix = "site-";

    public static bool IsRequestId(string? id) => id is not null && id.StartsWith(IdPrefix, StringComparison.Ordinal);

    /// <summary>The "new site request" command: the form, in the person's 1:1 chat.</summary>
    public Task StartAsync(ITurnContext turn, School school, CancellationToken cancellationToken) =>
        throw new NotImplementedException();

    /// <summary>The "pending approvals" command: the requests waiting for this person's decision.</summary>
    public Task PendingAsync(ITurnContext turn, School school, string userId, CancellationToken cancellationToken) =>
        throw new NotImplementedException();

    /// <summary>Every Site* verb, and <see cref="Verbs.Refresh"/> for a site request's card.</summary>
    public Task<AdaptiveCardInvokeResponse> OnActionAsync(ITurnContext turn, string verb, CardActionRequest request, CancellationToken cancellationToken) =>
        throw new NotImplementedException();

    /// <summary>This person's own requests, newest first, for "my requests".</summary>
    public Task<IReadOnlyList<MySiteRequest>> MineAsync(School school, string userId, CancellationToken cancellationToken) =>
        throw new NotImplementedException();
}
