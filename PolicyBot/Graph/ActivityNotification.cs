using System.Text.RegularExpressions;

namespace PolicyBot.Graph;

/// <summary>
/// One activity-feed notification: a declared activity type, the reference it is about, a link, a short preview and the
/// values for the type's template. Only the factory methods make one, and each takes exactly the values its manifest
/// template names, checked to be short single-line labels: there is nowhere to put the details of a concern.
/// Safeguarding (incident) notifications take no preview at all; theirs is the filled template, e.g.
/// "New concern reported: INC-2026-0042".
/// </summary>
public sealed partial class ActivityNotification
{
    /// <summary>Teams shows the first 150 characters of a preview; we refuse more rather than cut a word in half.</summary>
    public const int MaxPreviewLength = 150;

    /// <summary>Names and site names in templates: long enough for "Mrs Jane Smith-Jones" or a site's name, too short for a story.</summary>
    public const int MaxTextLength = 60;

    /// <summary>Roles, statuses and decisions: a few words of letters.</summary>
    public const int MaxLabelLength = 32;

    ActivityNotification(string activityType, NotificationReference reference, Uri webUrl, string? preview,
        IReadOnlyList<KeyValuePair<string, string>> templateParameters)
    {
        if (reference.Value is null)
            throw new ArgumentException("A notification needs a reference (e.g. INC-2026-0042).", nameof(reference));
        ArgumentNullException.ThrowIfNull(webUrl);
        if (!webUrl.IsAbsoluteUri || webUrl.Scheme != Uri.UriSchemeHttps)
            throw new ArgumentException($"The notification's link must be an absolute https URL (a Teams deep link), not '{webUrl}'.", nameof(webUrl));

        ActivityType = activityType;
        Reference = reference;
        WebUrl = webUrl;
        TemplateParameters = templateParameters;
        Summary = Fill(ActivityTypes.Templates[activityType], reference, templateParameters);
        PreviewText = preview is null ? Summary : CheckText(preview, MaxPreviewLength, nameof(preview));
    }

    /// <summary>One of <see cref="ActivityTypes"/>.</summary>
    public string ActivityType { get; }

    /// <summary>What the notification is about; also the topic text Teams shows.</summary>
    public NotificationReference Reference { get; }

    /// <summary>Where a click goes: a Teams deep link, usually the chat with PolicyBot (<see cref="TeamsDeepLink"/>).</summary>
    public Uri WebUrl { get; }

    public string PreviewText { get; }

    /// <summary>The values for the braces in the type's template, in the template's order.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> TemplateParameters { get; }

    /// <summary>The template filled in: the line Teams shows, and the text of the e-mail fallback.</summary>
    public string Summary { get; }

    public bool IsSafeguarding => ActivityTypes.IsIncident(ActivityType);

    /// <summary>
    /// Rebuilds a notification that a factory made and an outbox stored field by field. The same checks apply:
    /// a declared type, a reference, an https link, short single-line values, and no preview for incidents.
    /// </summary>
    public static ActivityNotification Restore(string activityType, string reference, Uri webUrl, string? preview, IReadOnlyDictionary<string, string> parameters)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        if (!ActivityTypes.Templates.ContainsKey(activityType))
            throw new ArgumentException($"'{activityType}' is not a declared activity type.", nameof(activityType));
        var values = parameters.Select(p => new KeyValuePair<string, string>(p.Key, CheckText(p.Value, MaxTextLength, p.Key))).ToList();
        return new(activityType, NotificationReference.Parse(reference), webUrl, ActivityTypes.IsIncident(activityType) ? null : preview, values);
    }

    public static ActivityNotification ApprovalRequested(NotificationReference reference, string requester, string siteName, Uri webUrl, string? preview = null) =>
        new(ActivityTypes.ApprovalRequested, reference, webUrl, preview,
            [Text("requester", requester), Text("siteName", siteName)]);

    public static ActivityNotification ApprovalDecided(NotificationReference reference, string siteName, string decision, Uri webUrl, string? preview = null) =>
        new(ActivityTypes.ApprovalDecided, reference, webUrl, preview,
            [Text("siteName", siteName), Label("decision", decision)]);

    public static ActivityNotification IncidentReported(NotificationReference reference, Uri webUrl) =>
        new(ActivityTypes.IncidentReported, reference, webUrl, preview: null, [Ref(reference)]);

    public static ActivityNotification IncidentAssigned(NotificationReference reference, Uri webUrl) =>
        new(ActivityTypes.IncidentAssigned, reference, webUrl, preview: null, [Ref(reference)]);

    public static ActivityNotification IncidentEscalated(NotificationReference reference, string role, Uri webUrl) =>
        new(ActivityTypes.IncidentEscalated, reference, webUrl, preview: null, [Ref(reference), Label("role", role)]);

    public static ActivityNotification IncidentStatusChanged(NotificationReference reference, string status, Uri webUrl) =>
        new(ActivityTypes.IncidentStatusChanged, reference, webUrl, preview: null, [Ref(reference), Label("status", status)]);

    public static ActivityNotification AskPersonQuestion(NotificationReference reference, string asker, string role, Uri webUrl, string? preview = null) =>
        new(ActivityTypes.AskPersonQuestion, reference, webUrl, preview, [Text("asker", asker), Label("role", role)]);

    public static ActivityNotification AskPersonAnswered(NotificationReference reference, string answerer, Uri webUrl, string? preview = null) =>
        new(ActivityTypes.AskPersonAnswered, reference, webUrl, preview, [Text("answerer", answerer)]);

    public static ActivityNotification AcknowledgementRequested(NotificationReference reference, string policyName, Uri webUrl, string? preview = null) =>
        new(ActivityTypes.AcknowledgementRequested, reference, webUrl, preview, [Text("policyName", policyName)]);

    public static ActivityNotification Reminder(NotificationReference reference, string item, Uri webUrl, string? preview = null) =>
        new(ActivityTypes.Reminder, reference, webUrl, preview, [Text("item", item)]);

    static KeyValuePair<string, string> Ref(NotificationReference reference) => new("reference", reference.Value);

    static KeyValuePair<string, string> Text(string name, string value) => new(name, CheckText(value, MaxTextLength, name));

    static KeyValuePair<string, string> Label(string name, string value)
    {
        CheckText(value, MaxLabelLength, name);
        if (!LabelShape().IsMatch(value))
            throw new ArgumentException($"The notification's {name} must be a few words of letters (e.g. \"Headteacher\", \"in progress\"), not '{value}'.", name);
        return new(name, value);
    }

    static string CheckText(string value, int maxLength, string name)
    {
        if (string.IsNullOrWhiteSpace(value))
            throw new ArgumentException($"The notification's {name} is empty.", name);
        if (value.Length > maxLength)
            throw new ArgumentException($"The notification's {name} has {value.Length} characters; at most {maxLength} are allowed. Notifications carry references, not details.", name);
        if (value.Any(char.IsControl))
            throw new ArgumentException($"The notification's {name} must be one line of text.", name);
        return value;
    }

    static string Fill(string template, NotificationReference reference, IReadOnlyList<KeyValuePair<string, string>> parameters)
    {
        var text = template;
        foreach (var (name, value) in parameters)
            text = text.Replace("{" + name + "}", value, StringComparison.Ordinal);
        return text.Replace("{reference}", reference.Value, StringComparison.Ordinal);
    }

    [GeneratedRegex(@"^[\p{L}][\p{L} '\-]*$", RegexOptions.CultureInvariant)]
    private static partial Regex LabelShape();
}
