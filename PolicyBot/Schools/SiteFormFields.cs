using PolicyBot.Cards.SiteApproval;

namespace PolicyBot.Schools;

/// <summary>
/// Every question a school may put on its site request form, by the id its YAML lists under
/// <c>siteApproval.fields</c>. Gathered from what UK school policies demand before an official site or account is
/// approved: purpose and content (Bradfield, St George's C5/App. B, St Joseph's "aim"), audience and contributors,
/// named moderators and administrators (at least two: St George's E4, Oakfield 5.3), privacy settings (Bradfield,
/// St George's E2, St Joseph's "open or private/closed"), how it is monitored and promoted, parental consent and
/// pupils' involvement, the school's logo, passwords held by the school, going-live, review and closure dates.
/// A school picks the ones its policy asks for; an id not listed here is a configuration error.
/// </summary>
public static class SiteFormFields
{
    /// <summary>Longest single-line answer (the card's own limit).</summary>
    public const int MaxTextLength = 200;

    /// <summary>Longest multi-line answer (the card's own limit).</summary>
    public const int MaxMultilineLength = 2000;

    static readonly FormField[] All =
    [
        new("siteName", "Name of the site or account", FormFieldKind.Text, Required: true, Hint: "e.g. Year 6 class blog"),
        new("platform", "Platform", FormFieldKind.Choice, Required: true,
            Choices: ["Facebook", "Instagram", "X (Twitter)", "YouTube", "TikTok", "LinkedIn", "Padlet", "Seesaw", "Class Dojo", "Blog or website", "Other"]),
        new("siteAddress", "Web address or account name", FormFieldKind.Text, Hint: "If it already exists, or the name you would like"),
        new("team", "Year group, key stage or club", FormFieldKind.Text, Hint: "e.g. Year 6, KS2 choir"),
        new("lineManager", "Your line manager", FormFieldKind.Text),
        new("purpose", "Purpose", FormFieldKind.Multiline, Required: true, Hint: "What the site is for and why it helps pupils or parents"),
        new("contentPlan", "What will be posted", FormFieldKind.Multiline, Required: true, Hint: "The content, how often, and who checks it before it goes up"),
        new("audience", "Audience", FormFieldKind.Choice, Required: true,
            Choices: ["Parents and carers", "Pupils", "Pupils and parents", "Staff", "Pupils from other schools", "External organisations", "The public"]),
        new("contributors", "Who will contribute", FormFieldKind.Multiline, Hint: "Who may post, comment or upload: staff, pupils, parents, others"),
        new("moderators", "Who will moderate it", FormFieldKind.Text, Required: true, Hint: "At least two named members of staff"),
        new("administrators", "Administrators", FormFieldKind.Text, Required: true, Hint: "At least two named members of staff who hold the login"),
        new("monitoring", "How and when it is checked", FormFieldKind.Multiline, Required: true, Hint: "e.g. comments checked every working day by the moderators"),
        new("privacySettings", "Privacy settings", FormFieldKind.Choice, Required: true,
            Choices: ["Private: invited members only", "Closed: visible, members approved", "Public"]),
        new("memberVetting", "How members and contributors are vetted", FormFieldKind.Multiline, Hint: "How unwanted people are kept from joining or posting"),
        new("promotion", "How it will be promoted", FormFieldKind.Multiline),
        new("pupilInvolvement", "Pupils' involvement", FormFieldKind.Multiline, Hint: "Will pupils post, comment or appear? How are they kept from being identified?"),
        new("parentalConsent", "Parental consent", FormFieldKind.Toggle, Required: true, Hint: "I will only post pupils whose parents have given consent"),
        new("consentArrangements", "How consent is obtained", FormFieldKind.Multiline, Hint: "How parents or responsible adults are told and asked"),
        new("schoolBranding", "Uses the school's name or logo", FormFieldKind.Toggle, Hint: "The site will carry the school's name or logo"),
        new("passwordsHeld", "Passwords held by the school", FormFieldKind.Toggle, Required: true, Hint: "The office will hold the login details"),
        new("termsOfUse", "Terms of use and house rules", FormFieldKind.Toggle, Hint: "The site will publish terms of use and house rules"),
        new("training", "Policy read and training done", FormFieldKind.Toggle, Hint: "Everyone running it has read this policy and been trained"),
        new("riskAssessment", "Risk assessment done", FormFieldKind.Toggle, Hint: "A risk assessment has been completed"),
        new("goLiveDate", "Proposed date of going live", FormFieldKind.Date),
        new("reviewDate", "Review date", FormFieldKind.Date, Required: true),
        new("closureDate", "Proposed closure date", FormFieldKind.Date),
    ];

    static readonly Dictionary<string, FormField> ById = All.ToDictionary(f => f.Id, StringComparer.OrdinalIgnoreCase);

    /// <summary>The form of a school whose file lists no fields: what every one of the five policies asks at least.</summary>
    public static IReadOnlyList<string> DefaultIds { get; } = ["siteName", "platform", "purpose", "audience", "moderators", "privacySettings"];

    /// <summary>Every id a school may list, in the catalogue's order.</summary>
    public static IReadOnlyList<string> Ids { get; } = All.Select(f => f.Id).ToList();

    public static bool IsKnown(string? id) => id is not null && ById.ContainsKey(id);

    /// <summary>The form field for a known id; throws for an unknown one (the school file reader refuses those).</summary>
    public static FormField Get(string id) =>
        ById.TryGetValue(id, out var field) ? field : throw new KeyNotFoundException($"'{id}' is not a site request form field.");

    /// <summary>A school's form, in the order its file lists the fields.</summary>
    public static IReadOnlyList<FormField> For(School school)
    {
        ArgumentNullException.ThrowIfNull(school);
        return school.SiteApproval.Fields.Select(Get).ToList();
    }
}
