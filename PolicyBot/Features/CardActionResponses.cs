using PolicyBot.BotFramework.Schema;

namespace PolicyBot.Features;

/// <summary>The answers to a card action that cannot go ahead: clear words, the card left as it was.</summary>
public static class CardActionResponses
{
    public static AdaptiveCardInvokeResponse BadData() =>
        AdaptiveCardInvokeResponse.Error(400, "BadRequest", "The card's data is not valid. Please start again from a new card.");

    public static AdaptiveCardInvokeResponse NotAllowed(string why) =>
        AdaptiveCardInvokeResponse.Error(403, "NotAllowed", why);

    public static AdaptiveCardInvokeResponse QuestionGone() =>
        AdaptiveCardInvokeResponse.Error(404, "NotFound", "I can't find that question any more. Please ask it again.");

    public static AdaptiveCardInvokeResponse SiteRequestGone() =>
        AdaptiveCardInvokeResponse.Error(404, "NotFound", "I can't find that site request. Type \"my requests\" to see yours.");

    public static AdaptiveCardInvokeResponse IncidentGone() =>
        AdaptiveCardInvokeResponse.Error(404, "NotFound", "I can't find that report. Please open it again from the incident log.");

    /// <summary>Storage could not be reached for a change: it was not made, and the person can simply try again.</summary>
    public static AdaptiveCardInvokeResponse NotSaved() =>
        AdaptiveCardInvokeResponse.Error(503, "ServiceUnavailable", "PolicyBot couldn't reach its records just now. Nothing was changed; please try again in a minute.");

    /// <summary>The card names a school other than the one the person belongs to: its record is not theirs to see.</summary>
    public static AdaptiveCardInvokeResponse NotYourSchool() =>
        AdaptiveCardInvokeResponse.Error(404, "NotFound", "I can't find that at your school. Please start again from a new card.");

    public static AdaptiveCardInvokeResponse SchoolNotSetUp() =>
        AdaptiveCardInvokeResponse.Error(403, "SchoolNotSetUp", "Your school is not set up in PolicyBot yet. Please tell your IT administrator.");

    /// <summary>The school could not be decided because the directory could not be asked; nothing was changed.</summary>
    public static AdaptiveCardInvokeResponse SchoolCheckUnavailable() =>
        AdaptiveCardInvokeResponse.Error(503, "ServiceUnavailable", "PolicyBot couldn't check which school you belong to just now. Nothing was changed; please try again in a minute.");
}
