using PolicyBot.Cards.AdaptiveCards;
using static PolicyBot.Cards.CardParts;

namespace PolicyBot.Cards.Incidents;

/// <summary>
/// The DSL team's card for one report: the details, where it stands, its history, and only the actions
/// valid in its state (acknowledge a new report; assign, escalate or close an open one; nothing once closed).
/// </summary>
public static class IncidentInboxCard
{
    const int MaxHistory = 12;

    public static AdaptiveCard Build(IncidentInboxCardData incident)
    {
        ArgumentNullException.ThrowIfNull(incident);
        var data = new CardActionData { Id = incident.IncidentId, School = incident.SchoolId, Version = incident.Version };
        var reference = CardText.Plain(incident.Reference, 40);

        var body = new List<CardElement>
        {
            StateBadge(incident),
            new TextBlock(CardText.CategoryLabel(incident.Category)) { Weight = TextWeight.Bolder, Size = TextSize.Medium, Spacing = CardSpacing.Medium },
            Subtle(CardText.ReferenceReportedBy(reference, CardText.Plain(incident.ReportedBy, 100), CardText.When(incident.ReportedAt))),
            Field(CardText.WhatHappened, incident.WhatHappened, 4000),
        };
        if (incident.HappenedOn is { } day)
            body.Add(Labelled(CardText.WhenDidItHappen, CardText.Day(day)));
        if (!string.IsNullOrWhiteSpace(incident.Where))
            body.Add(Field(CardText.WhereOrPlatform, incident.Where, 200));
        if (!string.IsNullOrWhiteSpace(incident.PeopleInvolved))
            body.Add(Field(CardText.PeopleInvolved, incident.PeopleInvolved, 1000));
        if (incident.EscalatedTo is { } target && !string.IsNullOrWhiteSpace(incident.EscalationNote))
            body.Add(Field(CardText.EscalationNoteTo(CardText.EscalationLabel(target)), incident.EscalationNote, 1000));
        if (incident.State == IncidentState.Closed)
            body.Add(Field(CardText.Outcome, incident.Outcome, 2000));

        if (incident.History.Count > 0)
        {
            body.Add(new TextBlock(CardText.History) { Weight = TextWeight.Bolder, Separator = true, Spacing = CardSpacing.Medium });
            foreach (var entry in incident.History.TakeLast(MaxHistory))
            {
                body.Add(new TextBlock(CardText.HistoryLine(CardText.When(entry.At), CardText.Plain(entry.By, 100), CardText.Plain(entry.What, 300)))
                {
                    Size = TextSize.Small, Spacing = CardSpacing.None,
                });
            }
        }

        // Acknowledge on a row of its own, the rest at most three to a row, so titles stay whole on a phone.
        var actions = Actions(incident, data).ToList();
        var rows = actions.Count == 4 ? [actions[..1], actions[1..]] : actions.Chunk(3).Select(r => r.ToList()).ToList();
        for (var i = 0; i < rows.Count; i++)
        {
            body.Add(i == 0
                ? Buttons(rows[i]) with { Separator = true, Spacing = CardSpacing.Medium }
                : Buttons(rows[i]) with { Spacing = CardSpacing.Small });
        }

        return new AdaptiveCard
        {
            Body = body,
            Refresh = incident.State == IncidentState.Closed ? null : Refresh(data, incident.RefreshUserIds),
            FallbackText = CardText.InboxFallback(reference, CardText.CategoryLabel(incident.Category), incident.Urgent),
            MsTeams = new TeamsCardProperties(),
        };
    }

    /// <summary>The actions valid in each state; the server checks the same rules on every invoke.</summary>
    public static IReadOnlyList<string> VerbsFor(IncidentState state) => state switch
    {
        IncidentState.New => [Verbs.IncidentAcknowledge, Verbs.IncidentAssign, Verbs.IncidentEscalate, Verbs.IncidentClose],
        IncidentState.Acknowledged or IncidentState.Assigned => [Verbs.IncidentAssign, Verbs.IncidentEscalate, Verbs.IncidentClose],
        IncidentState.Escalated => [Verbs.IncidentAssign, Verbs.IncidentClose],
        _ => [],
    };

    static Container StateBadge(IncidentInboxCardData incident)
    {
        var label = incident.State switch
        {
            IncidentState.Assigned when incident.AssignedTo is not null => CardText.AssignedTo(CardText.Plain(incident.AssignedTo, 100)),
            IncidentState.Escalated when incident.EscalatedTo is { } target => CardText.EscalatedTo(CardText.EscalationLabel(target)),
            _ => CardText.DslStateLabel(incident.State),
        };
        if (incident.Urgent && incident.State != IncidentState.Closed)
            return Badge(CardText.Urgent(label), ContainerStyle.Attention, TextColor.Attention);
        return incident.State switch
        {
            IncidentState.New => Badge(label, ContainerStyle.Accent, TextColor.Accent),
            IncidentState.Closed => Badge(label, ContainerStyle.Good, TextColor.Good),
            IncidentState.Escalated => Badge(label, ContainerStyle.Warning, TextColor.Warning),
            _ => Badge(label, ContainerStyle.Emphasis, TextColor.Default),
        };
    }

    static IEnumerable<CardAction> Actions(IncidentInboxCardData incident, CardActionData data)
    {
        foreach (var verb in VerbsFor(incident.State))
        {
            yield return verb switch
            {
                Verbs.IncidentAcknowledge => Execute(CardText.Acknowledge, verb, data, "positive"),
                Verbs.IncidentAssign => new ShowCardAction(AssignCard(incident, data))
                {
                    Title = incident.State == IncidentState.Assigned ? CardText.Reassign : CardText.Assign,
                },
                Verbs.IncidentEscalate => new ShowCardAction(EscalateCard(data)) { Title = CardText.Escalate },
                Verbs.IncidentClose => new ShowCardAction(CloseCard(data)) { Title = CardText.Close },
                _ => throw new InvalidOperationException($"No button for {verb}."),
            };
        }
    }

    static AdaptiveCard AssignCard(IncidentInboxCardData incident, CardActionData data) => SubCard(
        new InputChoiceSet(incident.Team
            .Where(m => CardText.Plain(m.UserId, 200) == m.UserId && m.UserId.Length > 0)
            .Select(m => new Choice(CardText.PlainOrDash(m.Name, 100), m.UserId)).ToList())
        {
            Id = InputIds.AssignTo,
            Label = CardText.AssignToLabel,
            Style = "expanded",
            IsRequired = true,
            ErrorMessage = CardText.FieldRequired(CardText.AssignToLabel),
        },
        Execute(CardText.Assign, Verbs.IncidentAssign, data, "positive", sendsInputs: true));

    static AdaptiveCard EscalateCard(CardActionData data) => SubCard(
        [
            new InputChoiceSet(Enum.GetValues<EscalationTarget>().Select(t => new Choice(CardText.EscalationLabel(t), t.ToString())).ToList())
            {
                Id = InputIds.EscalateTo,
                Label = CardText.EscalateToLabel,
                Style = "expanded",
                IsRequired = true,
                ErrorMessage = CardText.FieldRequired(CardText.EscalateToLabel),
            },
            new InputText
            {
                Id = InputIds.EscalateNote,
                Label = CardText.EscalationNote,
                IsMultiline = true,
                MaxLength = 1000,
                IsRequired = true,
                ErrorMessage = CardText.FieldRequired(CardText.EscalationNote),
            },
        ],
        Execute(CardText.Escalate, Verbs.IncidentEscalate, data, "destructive", sendsInputs: true));

    static AdaptiveCard CloseCard(CardActionData data) => SubCard(
        new InputText
        {
            Id = InputIds.CloseOutcome,
            Label = CardText.Outcome,
            Placeholder = CardText.OutcomeHint,
            IsMultiline = true,
            MaxLength = 2000,
            IsRequired = true,
            ErrorMessage = CardText.FieldRequired(CardText.Outcome),
        },
        Execute(CardText.Close, Verbs.IncidentClose, data, "positive", sendsInputs: true));

    static AdaptiveCard SubCard(CardElement input, CardAction action) => SubCard([input], action);

    static AdaptiveCard SubCard(IReadOnlyList<CardElement> inputs, CardAction action) =>
        new() { Schema = null, Body = inputs, Actions = [action] };
}
