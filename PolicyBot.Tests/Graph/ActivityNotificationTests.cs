using System.Text.Json.Nodes;
using PolicyBot.Graph;
using PolicyBot.Tests.Infrastructure;

namespace PolicyBot.Tests.Graph;

public sealed class ActivityNotificationTests
{
    static readonly Uri ChatLink = TeamsDeepLink.ChatWithBot("0b7e5c1d-4a2f-4e8b-9c3d-6f1a2b3c4d5e");
    static readonly NotificationReference Ref = NotificationReference.Parse("INC-2026-0042");

    [Fact]
    public void Activity_types_and_templates_are_the_ones_the_manifest_declares()
    {
        var manifest = JsonNode.Parse(File.ReadAllText(Path.Combine(RepoPaths.Root, "manifest", "manifest.template.json")))!;
        var declared = manifest["activities"]!["activityTypes"]!.AsArray()
            .ToDictionary(t => t!["type"]!.GetValue<string>(), t => t!["templateText"]!.GetValue<string>());

        ActivityTypes.Templates.Should().Equal(declared);
    }

    public static TheoryData<string, ActivityNotification, string[]> EveryType => new()
    {
        { "Sam Teacher asked you to approve Purple Mash", ActivityNotification.ApprovalRequested(Ref, "Sam Teacher", "Purple Mash", ChatLink), ["requester", "siteName"] },
        { "Your request for Purple Mash was approved", ActivityNotification.ApprovalDecided(Ref, "Purple Mash", "approved", ChatLink), ["siteName", "decision"] },
        { "New concern reported: INC-2026-0042", ActivityNotification.IncidentReported(Ref, ChatLink), ["reference"] },
        { "Concern INC-2026-0042 was assigned to you", ActivityNotification.IncidentAssigned(Ref, ChatLink), ["reference"] },
        { "Concern INC-2026-0042 was escalated to Headteacher", ActivityNotification.IncidentEscalated(Ref, "Headteacher", ChatLink), ["reference", "role"] },
        { "Your concern INC-2026-0042 is now closed", ActivityNotification.IncidentStatusChanged(Ref, "closed", ChatLink), ["reference", "status"] },
        { "Sam Teacher asked a question for SLT", ActivityNotification.AskPersonQuestion(Ref, "Sam Teacher", "SLT", ChatLink), ["asker", "role"] },
        { "Alex Head answered your question", ActivityNotification.AskPersonAnswered(Ref, "Alex Head", ChatLink), ["answerer"] },
        { "Please read and acknowledge Online Safety Policy", ActivityNotification.AcknowledgementRequested(Ref, "Online Safety Policy", ChatLink), ["policyName"] },
        { "Reminder: site request SR-2026-0007 is waiting for you", ActivityNotification.Reminder(Ref, "site request SR-2026-0007", ChatLink), ["item"] },
    };

    [Theory]
    [MemberData(nameof(EveryType))]
    public void Each_type_fills_exactly_the_parameters_its_template_names(string summary, ActivityNotification notification, string[] parameters)
    {
        notification.Summary.Should().Be(summary);
        notification.TemplateParameters.Select(p => p.Key).Should().Equal(parameters);
        ActivityTypes.Templates[notification.ActivityType].Should().ContainAll(parameters.Select(p => "{" + p + "}"));
        notification.PreviewText.Should().Be(summary, "without a preview of its own a notification previews its summary");
    }

    [Fact]
    public void Safeguarding_notifications_preview_only_their_reference()
    {
        var notification = ActivityNotification.IncidentEscalated(Ref, "Headteacher", ChatLink);

        notification.IsSafeguarding.Should().BeTrue();
        notification.PreviewText.Should().Be("Concern INC-2026-0042 was escalated to Headteacher");
        ActivityNotification.ApprovalRequested(Ref, "Sam Teacher", "Purple Mash", ChatLink).IsSafeguarding.Should().BeFalse();
    }

    [Fact]
    public void A_preview_longer_than_Teams_shows_is_refused()
    {
        var act = () => ActivityNotification.ApprovalRequested(Ref, "Sam Teacher", "Purple Mash", ChatLink, preview: new string('x', 151));

        act.Should().Throw<ArgumentException>().WithMessage("*preview has 151 characters; at most 150*");
    }

    [Fact]
    public void A_name_long_enough_to_carry_details_is_refused()
    {
        var act = () => ActivityNotification.AskPersonQuestion(Ref, "Sam Teacher, about the pupil in 4B whose parent messaged her last night", "SLT", ChatLink);

        act.Should().Throw<ArgumentException>().WithMessage("*asker has 71 characters*").Which.ParamName.Should().Be("asker");
        FluentActions.Invoking(() => ActivityNotification.Reminder(Ref, new string('a', 61), ChatLink))
            .Should().Throw<ArgumentException>().WithMessage("*at most 60 are allowed*");
    }

    [Theory]
    [InlineData("closed: pupil J. moved school")]
    [InlineData("Year 4")]
    [InlineData("")]
    public void A_status_must_be_a_few_words_of_letters(string status)
    {
        var act = () => ActivityNotification.IncidentStatusChanged(Ref, status, ChatLink);

        act.Should().Throw<ArgumentException>().Which.ParamName.Should().Be("status");
    }

    [Fact]
    public void Text_over_several_lines_is_refused()
    {
        var act = () => ActivityNotification.ApprovalRequested(Ref, "Sam Teacher", "Purple Mash", ChatLink, preview: "Purple Mash\nfor the pupil who");

        act.Should().Throw<ArgumentException>().WithMessage("*one line*");
    }

    [Fact]
    public void The_link_must_be_https()
    {
        var act = () => ActivityNotification.IncidentReported(Ref, new Uri("http://teams.microsoft.com/l/chat/0/0"));

        act.Should().Throw<ArgumentException>().WithMessage("*absolute https URL*");
    }

    [Theory]
    [InlineData("systemDefault")]
    [InlineData("incidentDetails")]
    [InlineData("ApprovalRequested")]
    public void A_notification_of_a_type_the_manifest_does_not_declare_cannot_be_made(string activityType)
    {
        // Teams refuses an undeclared type; an outbox row carrying one (written before the manifest changed) is given up.
        var act = () => ActivityNotification.Restore(activityType, Ref.Value, ChatLink, null, new Dictionary<string, string> { ["reference"] = Ref.Value });

        act.Should().Throw<ArgumentException>().WithMessage($"*'{activityType}' is not a declared activity type*");
    }

    [Fact]
    public void A_notification_needs_a_reference()
    {
        var act = () => ActivityNotification.IncidentReported(default, ChatLink);

        act.Should().Throw<ArgumentException>().WithMessage("*needs a reference*");
    }

    [Fact]
    public void The_chat_link_opens_the_1_to_1_chat_with_the_bot()
    {
        ChatLink.ToString().Should().Be("https://teams.microsoft.com/l/chat/0/0?users=28:0b7e5c1d-4a2f-4e8b-9c3d-6f1a2b3c4d5e");
    }
}
