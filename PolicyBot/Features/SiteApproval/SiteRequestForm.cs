using System.Globalization;
using PolicyBot.Cards;
using PolicyBot.Cards.SiteApproval;
using PolicyBot.Schools;

namespace PolicyBot.Features.SiteApproval;

/// <summary>
/// A submitted site request form, checked on the server: the card's own checks are only a convenience, its data is
/// untrusted. Pure: the values come in through a function, today's date is given.
/// </summary>
/// <param name="Values">What was typed, by field id, to show the form again with nothing lost.</param>
/// <param name="Answers">The accepted answers in the form's order (only when <see cref="Problem"/> is null).</param>
/// <param name="Problem">The first thing to put right, in words for the requester.</param>
public sealed record SiteRequestForm(IReadOnlyDictionary<string, string> Values, IReadOnlyList<SiteAnswer> Answers, string? Problem)
{
    /// <summary>The one-line summary: the site's name if asked, else its platform and purpose.</summary>
    public const int MaxSummaryLength = 120;

    public static SiteRequestForm Read(IReadOnlyList<FormField> fields, Func<string, string?> input, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(fields);
        ArgumentNullException.ThrowIfNull(input);
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        var answers = new List<SiteAnswer>();
        var problems = new List<string>();
        foreach (var field in fields)
        {
            var raw = (input(field.Id) ?? "").Trim();
            // Kept for the form shown again, within what the card can show anyway.
            values[field.Id] = raw.Length <= SiteFormFields.MaxMultilineLength ? raw : raw[..SiteFormFields.MaxMultilineLength];
            var (value, problem) = Check(field, raw, today);
            if (problem is not null)
                problems.Add(problem);
            else if (value is not null)
                answers.Add(new SiteAnswer(field.Id, field.Label, value));
        }
        if (problems.Count == 0 && !SiteRequestEntity.AnswersFit(answers))
            problems.Add("Your answers are too long to store together. Please shorten the longest ones.");
        return problems.Count == 0
            ? new SiteRequestForm(values, answers, null)
            : new SiteRequestForm(values, [], string.Join(" ", problems.Take(3)) + (problems.Count > 3 ? $" (and {problems.Count - 3} more)" : ""));
    }

    /// <summary>The stored value (null when an optional field was left empty) or what is wrong with it.</summary>
    static (string? Value, string? Problem) Check(FormField field, string raw, DateOnly today)
    {
        var label = field.Label;
        switch (field.Kind)
        {
            case FormFieldKind.Toggle:
                if (raw is not ("true" or "false" or ""))
                    return (null, $"{label}: please tick or untick it.");
                if (field.Required && raw != "true")
                    return (null, $"{label}: please confirm this.");
                return (raw == "true" ? "Yes" : "No", null);
            case FormFieldKind.Date:
                if (raw.Length == 0)
                    return field.Required ? (null, $"Please fill in: {label}.") : (null, null);
                if (!DateOnly.TryParseExact(raw, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
                    return (null, $"{label}: please pick a date.");
                if (date < today)
                    return (null, $"{label}: the date is in the past.");
                if (date > today.AddYears(10))
                    return (null, $"{label}: please pick a date within ten years.");
                return (date.ToString("d MMMM yyyy", CultureInfo.InvariantCulture), null);
            case FormFieldKind.Choice:
                if (raw.Length == 0)
                    return field.Required ? (null, $"Please choose: {label}.") : (null, null);
                // The card sends the choice as shown (escaped); store the school's own wording.
                var choice = (field.Choices ?? []).FirstOrDefault(c => c == raw || CardText.Plain(c, 100) == raw);
                return choice is null ? (null, $"{label}: please choose one of the options.") : (choice, null);
            default:
                if (raw.Length == 0)
                    return field.Required ? (null, $"Please fill in: {label}.") : (null, null);
                var max = field.Kind == FormFieldKind.Multiline ? SiteFormFields.MaxMultilineLength : SiteFormFields.MaxTextLength;
                if (raw.Length > max)
                    return (null, $"{label}: please keep it to {max} characters (it has {raw.Length}).");
                if (field.Kind == FormFieldKind.Text && raw.Contains('\n', StringComparison.Ordinal))
                    return (null, $"{label}: please keep it to one line.");
                return (raw, null);
        }
    }

    /// <summary>What the request is for, in one line: the site's name, else "Platform: purpose", else the reference.</summary>
    public static string Summary(IReadOnlyList<SiteAnswer> answers, string reference)
    {
        ArgumentNullException.ThrowIfNull(answers);
        string? Value(string id) => answers.FirstOrDefault(a => a.FieldId == id)?.Value;
        var text = Value("siteName")
                   ?? (Value("platform") is { } platform
                       ? Value("purpose") is { } purpose ? $"{platform}: {purpose}" : $"{platform} site"
                       : Value("purpose"))
                   ?? reference;
        var oneLine = string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        return oneLine.Length <= MaxSummaryLength ? oneLine : oneLine[..(MaxSummaryLength - 1)].TrimEnd() + "…";
    }
}
