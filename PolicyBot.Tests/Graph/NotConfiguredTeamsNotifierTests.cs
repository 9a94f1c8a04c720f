using Microsoft.Extensions.Logging;
using PolicyBot.Graph;

namespace PolicyBot.Tests.Graph;

public sealed class NotConfiguredTeamsNotifierTests
{
    static readonly Uri ChatLink = TeamsDeepLink.ChatWithBot("0b7e5c1d-4a2f-4e8b-9c3d-6f1a2b3c4d5e");

    [Fact]
    public async Task Without_Graph_settings_a_notification_is_recorded_as_not_sent_and_reported_as_not_configured()
    {
        await using var host = await GraphTestHost.StartAsync(new Dictionary<string, string?>());

        host.Notifier.Should().BeOfType<NotConfiguredTeamsNotifier>();
        var result = await host.Notifier.SendActivityNotificationAsync("8d2f6a1e-3b4c-4d5e-8f60-718293a4b5c6",
            ActivityNotification.IncidentAssigned(NotificationReference.Parse("INC-2026-0042"), ChatLink));

        result.Outcome.Should().Be(NotificationOutcome.NotConfigured);
        result.Delivered.Should().BeFalse();
        result.Reason.Should().Be("not sent: Graph not configured");
        host.Logs.Lines.Should().ContainSingle(l => l.Category == typeof(NotConfiguredTeamsNotifier).FullName)
            .Which.Should().Match<RecordingLoggerProvider.LogLine>(l =>
                l.Level == LogLevel.Information
                && l.Message == "Activity notification incidentAssigned INC-2026-0042 not sent: Graph not configured");
    }

    [Fact]
    public async Task Without_Graph_settings_the_email_fallback_is_not_sent_either()
    {
        await using var host = await GraphTestHost.StartAsync(new Dictionary<string, string?> { ["Graph:MailSender"] = "policybot@oak.sch.uk" });

        var result = await host.Notifier.SendMailAsync("8d2f6a1e-3b4c-4d5e-8f60-718293a4b5c6",
            ActivityNotification.Reminder(NotificationReference.Parse("SR-2026-0007"), "site request SR-2026-0007", ChatLink));

        result.Should().Be(NotificationResult.NotConfigured("not sent: Graph not configured"));
    }

    [Fact]
    public async Task Without_Graph_settings_directory_lookups_say_nothing_was_looked_up()
    {
        await using var host = await GraphTestHost.StartAsync(new Dictionary<string, string?>());

        host.Directory.Should().BeOfType<NotConfiguredUserDirectory>();
        (await host.Directory.GetManagerAsync("8d2f6a1e-3b4c-4d5e-8f60-718293a4b5c6")).Outcome.Should().Be(DirectoryLookupOutcome.NotConfigured);
        (await host.Directory.GetUserAsync("8d2f6a1e-3b4c-4d5e-8f60-718293a4b5c6")).Should()
            .Be(DirectoryLookupResult.NotConfigured("not looked up: Graph not configured"));
        var groups = await host.Directory.CheckMemberGroupsAsync("8d2f6a1e-3b4c-4d5e-8f60-718293a4b5c6", ["b0000000-0000-4000-8000-000000000001"]);
        groups.Outcome.Should().Be(DirectoryLookupOutcome.NotConfigured);
        groups.MemberOf.Should().BeEmpty();
    }
}
