namespace PolicyBot.Graph;

/// <summary>
/// The e-mail fallback's text: the notification's summary (the manifest template filled with the reference and short
/// labels) and its link. No details of a request or a concern, ever; the person opens PolicyBot in Teams to see them.
/// </summary>
public static class NotificationMail
{
    public static string Subject(ActivityNotification notification) => $"PolicyBot: {notification.Summary}";

    public static string Body(ActivityNotification notification) =>
        $"""
        {notification.Summary}

        Reference: {notification.Reference}
        Open it in PolicyBot in Microsoft Teams: {notification.WebUrl}

        You have this e-mail because PolicyBot could not reach you in Teams. Ask your IT team to install PolicyBot for you.
        """;
}
