using PolicyBot.Cards.Incidents;

namespace PolicyBot.Tests.Cards.Incidents;

public sealed class IncidentReceiptCardTests
{
    [Theory]
    [InlineData(IncidentState.New, "Received")]
    [InlineData(IncidentState.Acknowledged, "Being dealt with")]
    [InlineData(IncidentState.Assigned, "Being dealt with")]
    [InlineData(IncidentState.Escalated, "Being dealt with")]
    [InlineData(IncidentState.Closed, "Closed")]
    public void The_reporter_sees_the_reference_and_a_status_that_never_reveals_escalation(IncidentState state, string status)
    {
        var card = new CardInspector(IncidentReceiptCard.Build(new IncidentReceiptCardData("INC-2026-0042", state, DateTimeOffset.UnixEpoch)));

        card.Texts()[0].Should().Be(status);
        card.Texts().Should().Contain("Report INC-2026-0042");
        card.AllText().Should().NotContainAny("LADO", "police", "social care", "Headteacher", "Escalat");
        card.Buttons().Should().BeEmpty();
    }

    [Fact]
    public void The_receipt_has_no_details_of_the_report()
    {
        var inbox = CardSamples.InboxNew;
        var card = new CardInspector(IncidentReceiptCard.Build(new IncidentReceiptCardData(inbox.Reference, inbox.State, inbox.ReportedAt)));

        card.Json.Should().NotContainAny(inbox.WhatHappened[..30], inbox.Where!, inbox.PeopleInvolved![..20], "Instagram", "Year 8");
    }
}
