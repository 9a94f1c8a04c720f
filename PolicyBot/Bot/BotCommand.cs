namespace PolicyBot.Bot;

/// <summary>What a typed message asks for: one of the commands in the app manifest's command list, or a question.</summary>
public enum BotCommandKind
{
    Question,
    Help,
    NewSiteRequest,
    ReportConcern,
    MyRequests,
    PendingApprovals,
    IncidentLog,
    GovernorsReport,
}

/// <summary>A parsed message: the command, and for a question its text.</summary>
public readonly record struct BotCommand(BotCommandKind Kind, string Text = "")
{
    // Only whole messages are commands, so a question that merely mentions them ("how do I report a concern about a
    // parent's post?") is still answered from the policy. The titles match manifest/manifest.template.json.
    static readonly Dictionary<string, BotCommandKind> Phrases = new(StringComparer.OrdinalIgnoreCase)
    {
        ["help"] = BotCommandKind.Help,
        ["new site request"] = BotCommandKind.NewSiteRequest,
        ["request a site"] = BotCommandKind.NewSiteRequest,
        ["request a new school site"] = BotCommandKind.NewSiteRequest,
        ["report a concern"] = BotCommandKind.ReportConcern,
        ["report concern"] = BotCommandKind.ReportConcern,
        ["my requests"] = BotCommandKind.MyRequests,
        ["pending approvals"] = BotCommandKind.PendingApprovals,
        ["approvals"] = BotCommandKind.PendingApprovals,
        ["incident log"] = BotCommandKind.IncidentLog,
        ["governors report"] = BotCommandKind.GovernorsReport,
        ["governors' report"] = BotCommandKind.GovernorsReport,
    };

    /// <summary>Reads a message whose @mention of the bot has already been removed.</summary>
    public static BotCommand Parse(string text)
    {
        var trimmed = (text ?? "").Trim();
        if (trimmed.Length == 0)
            return new BotCommand(BotCommandKind.Help);
        // The command list's "ask" sends "ask <question>"; the word is not part of the question.
        if (trimmed.Length > 4 && trimmed.StartsWith("ask ", StringComparison.OrdinalIgnoreCase))
            return new BotCommand(BotCommandKind.Question, trimmed[4..].Trim());
        var phrase = string.Join(' ', trimmed.TrimEnd('.', '!', '?').Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        return Phrases.TryGetValue(phrase, out var kind) ? new BotCommand(kind) : new BotCommand(BotCommandKind.Question, trimmed);
    }
}
