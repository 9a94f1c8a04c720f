using System.Globalization;
using PolicyBot.Cards;
using PolicyBot.Cards.Incidents;

namespace PolicyBot.Features.IncidentReports;

/// <summary>A report that passed the server's checks: trimmed, within the limits, a known category, a real date.</summary>
public sealed record ValidReport(IncidentCategory Category, string WhatHappened, DateOnly? HappenedOn, string? Where, string? PeopleInvolved, bool Urgent);

/// <summary>
/// The report form's inputs checked on the server (the card's own checks are a convenience; its data is untrusted).
/// Either a <see cref="ValidReport"/>, or the problems and the draft to show the form again with nothing lost.
/// </summary>
public sealed record IncidentSubmission(ValidReport? Report, IncidentDraft Draft, IReadOnlyList<string> Problems)
{
    public static IncidentSubmission Read(Func<string, string?> input, DateOnly today)
    {
        var problems = new List<string>();

        var categoryText = input(InputIds.IncidentCategory)?.Trim();
        IncidentCategory? category = categoryText is { Length: > 0 } && Enum.GetNames<IncidentCategory>().Contains(categoryText, StringComparer.Ordinal)
            ? Enum.Parse<IncidentCategory>(categoryText)
            : null;
        if (category is null)
            problems.Add("Choose what kind of concern it is.");

        var what = input(InputIds.IncidentWhat)?.Trim() ?? "";
        if (what.Length == 0)
            problems.Add("Say what happened.");
        else if (what.Length > Incident.MaxWhatHappenedLength)
            problems.Add($"'What happened' can be at most {Incident.MaxWhatHappenedLength} characters.");

        DateOnly? day = null;
        var dayText = input(InputIds.IncidentWhen)?.Trim();
        if (!string.IsNullOrEmpty(dayText))
        {
            if (!DateOnly.TryParseExact(dayText, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed))
                problems.Add("'When' is not a date.");
            else if (parsed > today)
                problems.Add("'When' is in the future.");
            else
                day = parsed;
        }

        var where = input(InputIds.IncidentWhere)?.Trim();
        if (where is { Length: > Incident.MaxWhereLength })
            problems.Add($"'Where' can be at most {Incident.MaxWhereLength} characters.");

        var people = input(InputIds.IncidentPeople)?.Trim();
        if (people is { Length: > Incident.MaxPeopleInvolvedLength })
            problems.Add($"'Who was involved' can be at most {Incident.MaxPeopleInvolvedLength} characters.");

        var urgentText = input(InputIds.IncidentUrgent)?.Trim();
        var urgent = false;
        if (string.Equals(urgentText, "true", StringComparison.OrdinalIgnoreCase))
            urgent = true;
        else if (!string.IsNullOrEmpty(urgentText) && !string.Equals(urgentText, "false", StringComparison.OrdinalIgnoreCase))
            problems.Add("'Urgent' must be on or off.");

        var draft = new IncidentDraft(category, NullIfEmpty(what), day, NullIfEmpty(where), NullIfEmpty(people), urgent);
        if (problems.Count > 0)
            return new IncidentSubmission(null, draft, problems);
        return new IncidentSubmission(new ValidReport(category!.Value, what, day, NullIfEmpty(where), NullIfEmpty(people), urgent), draft, []);
    }

    static string? NullIfEmpty(string? text) => string.IsNullOrEmpty(text) ? null : text;
}
