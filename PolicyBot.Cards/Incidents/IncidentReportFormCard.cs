using System.Globalization;
using PolicyBot.Cards.AdaptiveCards;
using static PolicyBot.Cards.CardParts;

namespace PolicyBot.Cards.Incidents;

/// <summary>
/// The form for reporting a social media incident or a safeguarding concern. It opens with what to do when
/// a child is in immediate danger, because no form should delay that.
/// </summary>
public static class IncidentReportFormCard
{
    public static AdaptiveCard Build(IncidentReportFormCardData form)
    {
        ArgumentNullException.ThrowIfNull(form);
        var draft = form.Draft ?? new IncidentDraft();
        var body = new List<CardElement>
        {
            Heading(CardText.ReportConcernHeading),
            Badge(CardText.ImmediateDanger, ContainerStyle.Attention, TextColor.Attention, CardText.ImmediateDangerAdvice),
        };
        if (!string.IsNullOrWhiteSpace(form.Problem))
            body.Add(Badge(CardText.CheckTheForm, ContainerStyle.Warning, TextColor.Attention, CardText.Plain(form.Problem, 300)));

        body.Add(new InputChoiceSet(Enum.GetValues<IncidentCategory>().Select(c => new Choice(CardText.CategoryLabel(c), c.ToString())).ToList())
        {
            Id = InputIds.IncidentCategory,
            Label = CardText.WhatKindOfConcern,
            Placeholder = CardText.Choose,
            Style = "compact",
            Value = draft.Category?.ToString(),
            IsRequired = true,
            ErrorMessage = CardText.FieldRequired(CardText.WhatKindOfConcern),
            Spacing = CardSpacing.Medium,
        });
        body.Add(new InputText
        {
            Id = InputIds.IncidentWhat,
            Label = CardText.WhatHappened,
            Placeholder = CardText.WhatHappenedHint,
            IsMultiline = true,
            MaxLength = 4000,
            Value = NullIfEmpty(CardText.Plain(draft.WhatHappened, 4000)),
            IsRequired = true,
            ErrorMessage = CardText.FieldRequired(CardText.WhatHappened),
        });
        body.Add(new InputDate
        {
            Id = InputIds.IncidentWhen,
            Label = CardText.WhenDidItHappen,
            Value = draft.HappenedOn?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        });
        body.Add(new InputText
        {
            Id = InputIds.IncidentWhere,
            Label = CardText.WhereOrPlatform,
            Placeholder = CardText.WhereHint,
            MaxLength = 200,
            Value = NullIfEmpty(CardText.Plain(draft.Where, 200)),
        });
        body.Add(new InputText
        {
            Id = InputIds.IncidentPeople,
            Label = CardText.PeopleInvolved,
            Placeholder = CardText.PeopleInvolvedHint,
            IsMultiline = true,
            MaxLength = 1000,
            Value = NullIfEmpty(CardText.Plain(draft.PeopleInvolved, 1000)),
        });
        body.Add(new InputToggle(CardText.UrgentToggle)
        {
            Id = InputIds.IncidentUrgent,
            Value = draft.Urgent ? "true" : "false",
            ValueOn = "true",
            ValueOff = "false",
        });
        body.Add(Subtle(CardText.OnlyDslSees));
        body.Add(Buttons(Execute(CardText.SendReport, Verbs.IncidentSubmit, new CardActionData { School = form.SchoolId }, "positive", sendsInputs: true)));

        return new AdaptiveCard { Body = body, FallbackText = CardText.ReportConcernHeading, MsTeams = new TeamsCardProperties() };
    }

    static string? NullIfEmpty(string text) => text.Length == 0 ? null : text;
}
