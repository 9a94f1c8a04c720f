using PolicyBot.Cards.Incidents;
using PolicyBot.Cards.SiteApproval;

namespace PolicyBot.Cards;

/// <summary>One of the person's own site requests.</summary>
/// <param name="WaitingFor">While pending: the role whose turn it is ("Deputy Head").</param>
public sealed record MySiteRequest(string Reference, string Summary, SiteRequestState State, DateTimeOffset UpdatedAt, string? WaitingFor = null);

/// <summary>One of the person's own reports: reference and status only, as on the receipt.</summary>
public sealed record MyIncident(string Reference, IncidentState State, DateTimeOffset ReportedAt);

/// <summary>Everything the person has asked for or reported, newest first.</summary>
public sealed record MyRequestsCardData(string SchoolId, IReadOnlyList<MySiteRequest> SiteRequests, IReadOnlyList<MyIncident> Incidents);
