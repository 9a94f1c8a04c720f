using PolicyBot.Cards.AdaptiveCards;
using static PolicyBot.Cards.CardParts;

namespace PolicyBot.Cards.SiteApproval;

/// <summary>
/// The form a member of staff fills in to ask for a new school site or account. The questions come from
/// the school's configuration, because each school's policy demands different things.
/// </summary>
public static class SiteRequestFormCard
{
    public static AdaptiveCard Build(SiteRequestFormCardData form)
    {
        ArgumentNullException.ThrowIfNull(form);
        CheckFields(form.Fields);

        var body = new List<CardElement>
        {
            Heading(CardText.SiteFormHeading),
            Text(CardText.SiteFormIntro(CardText.Plain(form.SchoolName, 120))),
        };
        if (!string.IsNullOrWhiteSpace(form.Problem))
            body.Add(Badge(CardText.CheckTheForm, ContainerStyle.Attention, TextColor.Attention, CardText.Plain(form.Problem, 300)));

        foreach (var field in form.Fields)
        {
            string? value = null;
            form.Values?.TryGetValue(field.Id, out value);
            body.Add(Input(field, value));
        }

        body.Add(Buttons(Execute(CardText.SendForApproval, Verbs.SiteSubmit, new CardActionData { School = form.SchoolId }, "positive", sendsInputs: true)));
        return new AdaptiveCard { Body = body, FallbackText = CardText.SiteFormHeading, MsTeams = new TeamsCardProperties() };
    }

    static CardElement Input(FormField field, string? value)
    {
        var label = CardText.Plain(field.Label, 200);
        var hint = NullIfEmpty(CardText.Plain(field.Hint, 200));
        var error = field.Required ? CardText.FieldRequired(label) : null;
        bool? required = field.Required ? true : null;
        return field.Kind switch
        {
            FormFieldKind.Text or FormFieldKind.Multiline => new InputText
            {
                Id = field.Id, Label = label, Placeholder = hint, Value = NullIfEmpty(CardText.Plain(value, 2000)),
                IsMultiline = field.Kind == FormFieldKind.Multiline ? true : null,
                MaxLength = field.Kind == FormFieldKind.Multiline ? 2000 : 200,
                IsRequired = required, ErrorMessage = error,
            },
            // The value sent back is the choice as shown (escaped), so nothing unescaped travels through the card.
            FormFieldKind.Choice => new InputChoiceSet(Choices(field).Select(c => new Choice(c, c)).ToList())
            {
                Id = field.Id, Label = label, Placeholder = hint ?? CardText.Choose, Value = NullIfEmpty(CardText.Plain(value, 100)),
                Style = "compact", IsRequired = required, ErrorMessage = error,
            },
            FormFieldKind.Toggle => new InputToggle(hint ?? label)
            {
                Id = field.Id, Label = label, Value = value is "true" ? "true" : "false",
                ValueOn = "true", ValueOff = "false",
                IsRequired = required, ErrorMessage = field.Required ? CardText.ToggleRequired : null,
            },
            FormFieldKind.Date => new InputDate
            {
                Id = field.Id, Label = label, Value = DateOnly.TryParse(value, out _) ? value : null,
                IsRequired = required, ErrorMessage = error,
            },
            _ => throw new ArgumentOutOfRangeException(nameof(field), field.Kind, "Unknown form field kind."),
        };
    }

    static IEnumerable<string> Choices(FormField field) =>
        (field.Choices ?? []).Select(c => CardText.Plain(c, 100)).Where(c => c.Length > 0).Distinct();

    static string? NullIfEmpty(string text) => text.Length == 0 ? null : text;

    /// <summary>A school's form configuration is checked here too, so a bad file gives a clear message, not a broken card.</summary>
    static void CheckFields(IReadOnlyList<FormField> fields)
    {
        if (fields.Count == 0)
            throw new ArgumentException("A site request form needs at least one field.", nameof(fields));
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var field in fields)
        {
            if (string.IsNullOrWhiteSpace(field.Id) || !field.Id.All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '-'))
                throw new ArgumentException($"Form field id '{field.Id}' must be letters, digits, '-' or '_'.", nameof(fields));
            if (InputIds.Reserved.Contains(field.Id))
                throw new ArgumentException($"Form field id '{field.Id}' is reserved for the card's own data.", nameof(fields));
            if (!seen.Add(field.Id))
                throw new ArgumentException($"Form field id '{field.Id}' is used twice.", nameof(fields));
            if (CardText.Plain(field.Label).Length == 0)
                throw new ArgumentException($"Form field '{field.Id}' has no label.", nameof(fields));
            if (field.Kind == FormFieldKind.Choice && !Choices(field).Any())
                throw new ArgumentException($"Form field '{field.Id}' is a choice but has no choices.", nameof(fields));
        }
    }
}
