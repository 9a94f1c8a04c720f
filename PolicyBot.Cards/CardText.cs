using PolicyBot.Cards.Ask;
using PolicyBot.Cards.Incidents;
using PolicyBot.Cards.SiteApproval;

namespace PolicyBot.Cards;

/// <summary>
/// Every user-facing string on PolicyBot's cards, in one file, so the wording is reviewed (and one day
/// translated) in one place. Methods take text that is already safe: callers escape untrusted values
/// with <see cref="Plain"/> first. Short lines: these are read on a phone at break time.
/// </summary>
public static partial class CardText
{
    // Shared
    public const string NotGiven = "—";
    public const string Choose = "Choose…";
    public const string Refresh = "Refresh";
    public const string CheckTheForm = "Please check the form";
    public const string ToggleRequired = "Please confirm this before sending.";
    public static string FieldRequired(string label) => $"Please fill in: {label}";
    public static string Quoted(string text) => $"“{text}”";
    public const string HowToUse = "How to use PolicyBot";

    // Welcome and help
    public const string WelcomeHeading = "Hello from PolicyBot";
    public static string WelcomeIntro(string schoolName) => $"I answer questions about {schoolName}'s staff social media policy, quoting the clause that applies.";
    public const string WelcomeTry = "Try: “can I accept a friend request from a parent?”";
    public static string WelcomeFallback(string schoolName) => $"PolicyBot answers questions about {schoolName}'s staff social media policy.";
    public static string HelpHeading(string schoolName) => $"PolicyBot for {schoolName}";

    public static string HelpTopicTitle(HelpTopic topic) => topic switch
    {
        // Short: three of them share a row on a phone.
        HelpTopic.Ask => "Asking",
        HelpTopic.SiteRequest => "School sites",
        HelpTopic.ReportConcern => "Concerns",
        _ => "Overview",
    };

    public static string HelpTopicText(HelpTopic topic) => topic switch
    {
        HelpTopic.Ask =>
            "Type your question in your own words, for example “can I accept a friend request from a parent?”. " +
            "I answer from your school's social media policy, quote the clause and tell you what to do next. " +
            "If the policy does not cover it I say so and can pass your question to a person.",
        HelpTopic.SiteRequest =>
            "To set up an official school or class site or account, type “new site request” and fill in the form: it asks " +
            "what your school's policy needs before a site is approved. Each approver decides in turn on a card that " +
            "shows where the request is; “my requests” lists yours and “pending approvals” shows approvers what waits for them.",
        HelpTopic.ReportConcern =>
            "If a child is in immediate danger, call 999 and tell your Designated Safeguarding Lead in person. " +
            "Otherwise type “report a concern” here, in your chat with me: the form goes only to your school's DSL team, " +
            "and once it is sent your chat keeps just a reference number, not the details. “my requests” shows where it is.",
        _ =>
            "I answer questions about your school's staff social media policy, take requests for new school sites " +
            "to the people who approve them, and pass concerns to your DSL team. Ask me anything, or choose a topic below.",
    };

    // Answers
    public static string VerdictLabel(AnswerVerdict verdict) => verdict switch
    {
        AnswerVerdict.Yes => "Yes",
        AnswerVerdict.No => "No",
        AnswerVerdict.AskFirst => "Ask first",
        AnswerVerdict.Report => "Report it",
        AnswerVerdict.Caution => "Take care",
        _ => "Not covered",
    };

    public static string YouAsked(string question) => $"You asked: {question}";
    public static string ClauseReference(string number, string section) =>
        section.Length == 0 ? $"Clause {number}" : $"Clause {number} · {section}";
    public const string ShowWholeSection = "Show the whole section";
    public const string AlsoRelevant = "Also relevant";
    public const string NotCoveredExplanation =
        "Your school's policy does not cover this. Ask a person and I will pass your question to the right people.";
    public const string AskAPerson = "Ask a person";
    public const string RequestSite = "Request a new school site";
    public const string ReportConcern = "Report a concern";
    public const string WasThisHelpful = "Was this helpful?";
    public const string ThumbsUp = "👍";
    public const string ThumbsDown = "👎";
    public const string FeedbackThanks = "Thanks — recorded";

    // Ask a person
    public const string AskPersonHeading = "A question for you";
    public static string AskedByAt(string name, string when) => $"From {name}, {when}";
    public const string ClosestClause = "The policy's closest clause";
    public const string PolicyHasNoClause = "The policy has no clause on this.";
    public const string Answered = "Answered";
    public static string AnsweredByAt(string name, string when) => $"By {name}, {when}";
    public static string YourReply(string asker) => $"Your reply to {asker}";
    public const string ReplyPlaceholder = "Your answer goes back to them through PolicyBot";
    public const string ReplyRequired = "Please write a reply.";
    public const string SendReply = "Send reply";
    public static string AskPersonFallback(string asker) => $"{asker} asked a question the policy does not answer.";
    public const string YourQuestionAnswered = "Your question was answered";
    public static string ReplyFallback(string name) => $"{name} answered your question.";
    public const string QuestionSent = "Question sent";
    public static string QuestionPassedTo(string who) => $"✓ Passed to {who}. Their reply will come here.";
    public static string QuestionSentTo(string who) => $"I passed your question to {who}. Their reply will come here.";

    // Site requests
    public const string SiteFormHeading = "Request a new school site";
    public static string SiteFormIntro(string schoolName) =>
        $"{schoolName}'s policy asks for these details before a school site or account is approved.";
    public const string SendForApproval = "Send for approval";
    public const string SiteRequestHeading = "Site request";
    public static string RequestedByOn(string reference, string name, string when) => $"{reference} · by {name}, {when}";
    public const string Approvals = "Approvals";
    public const string WhatWasAsked = "The request";

    public static string SiteStateLabel(SiteRequestState state) => state switch
    {
        SiteRequestState.Approved => "Approved",
        SiteRequestState.Rejected => "Rejected",
        SiteRequestState.Withdrawn => "Withdrawn",
        _ => "Waiting for approval",
    };

    public static string StepOf(int number, int count) => $"Step {number} of {count}";
    public static string StepLine(int number, string role, string state) => $"{number}. {role} — {state}";

    public static string StepStateLabel(ApprovalStepState state) => state switch
    {
        ApprovalStepState.Pending => "their turn",
        ApprovalStepState.Approved => "approved",
        ApprovalStepState.Rejected => "rejected",
        ApprovalStepState.Skipped => "not needed",
        _ => "not yet",
    };

    public static string DecidedByAt(string name, string? when) => when is null ? name : $"{name}, {when}";
    public static string WithdrawnOn(string when) => $"Withdrawn by the requester, {when}";
    public const string CommentOptional = "Comment (optional)";
    public const string CommentPlaceholder = "Seen by the requester and the other approvers";
    public const string Approve = "Approve";
    public const string Reject = "Reject";
    public const string RejectionReason = "Why is it rejected?";
    public const string RejectionReasonRequired = "Please say why, so the requester can put it right.";
    public const string ConfirmReject = "Reject the request";
    public const string Withdraw = "Withdraw request";

    // Incidents: the form
    public const string ReportConcernHeading = "Report a concern";
    public const string ImmediateDanger = "Child in danger now?";
    public const string ImmediateDangerAdvice = "Call 999 and tell the DSL in person. Don't wait for this form.";
    public const string WhatKindOfConcern = "What kind of concern?";
    public const string WhatHappened = "What happened";
    public const string WhatHappenedHint = "What you saw or were told, in your own words";
    public const string WhenDidItHappen = "When";
    public const string WhereOrPlatform = "Where, or which app or site";
    public const string WhereHint = "e.g. Instagram, class WhatsApp group";
    public const string PeopleInvolved = "Who was involved";
    public const string PeopleInvolvedHint = "Roles are enough, e.g. “a Year 9 pupil”. No need for children's names here.";
    public const string UrgentToggle = "Urgent: someone may be at risk";
    public const string OnlyDslSees = "Only the safeguarding team sees this report. You get a reference number.";
    public const string SendReport = "Send to the safeguarding team";

    public static string CategoryLabel(IncidentCategory category) => category switch
    {
        IncidentCategory.InappropriateContactFromPupil => "Inappropriate contact from a pupil",
        IncidentCategory.OnlineAbuseOfStaff => "Online abuse of staff",
        IncidentCategory.ChildSafetyConcern => "Concern about a child's safety",
        IncidentCategory.StaffConduct => "A staff member's conduct",
        IncidentCategory.PostedWithoutConsent => "Data or photo posted without consent",
        _ => "Something else",
    };

    // Incidents: the reporter's receipt
    public static string ReportReference(string reference) => $"Report {reference}";
    public static string ReportedOn(string when) => $"Sent {when}";
    public static string UpdatedOn(string when) => $"Updated {when}";
    public const string KeepReference = "Quote this reference if you talk to the safeguarding team about it.";

    public static string ReporterStatus(IncidentState state) => state switch
    {
        IncidentState.New => "Received",
        IncidentState.Closed => "Closed",
        _ => "Being dealt with",
    };

    public static string ReporterExplanation(IncidentState state) => state switch
    {
        IncidentState.New => "The safeguarding team has your report and will pick it up soon.",
        IncidentState.Closed => "The safeguarding team has finished dealing with your report. Thank you for raising it.",
        _ => "The safeguarding team is dealing with your report. They will contact you if they need more.",
    };

    // Incidents: the DSL inbox
    public static string ReferenceReportedBy(string reference, string name, string when) => $"{reference} · from {name}, {when}";
    public const string Outcome = "Outcome";
    public const string OutcomeHint = "What was done, and what was decided";
    public const string History = "History";
    public static string HistoryLine(string when, string who, string what) => $"{when} · {who}: {what}";
    public const string Acknowledge = "Acknowledge";
    public const string Assign = "Assign";
    public const string Reassign = "Reassign";
    public const string Escalate = "Escalate";
    public const string Close = "Close";
    public const string AssignToLabel = "Assign to";
    public const string EscalateToLabel = "Escalate to";
    public const string EscalationNote = "Note for the record";
    public static string EscalationNoteTo(string target) => $"Escalation note ({target})";
    public static string AssignedTo(string name) => $"Assigned to {name}";
    public static string EscalatedTo(string target) => $"Escalated to {target}";
    public static string Urgent(string label) => $"Urgent · {label}";
    public static string InboxFallback(string reference, string category, bool urgent) =>
        urgent ? $"URGENT {reference}: {category}" : $"{reference}: {category}";

    // An older copy of a card, when a newer one is posted in the same chat
    public const string OutOfDate = "Out of date";
    public const string CurrentCardIsBelow = "This card is out of date: the current one is further down this chat.";

    // Incidents: a copy withdrawn from a chat that is no longer the DSL team's alone (a member left the team, or
    // someone outside it joined the inbox channel)
    public const string NoLongerShownHere = "No longer shown here";
    public static string WithdrawnFromYou(string reference, string school) =>
        $"Report {reference} is no longer shown here. PolicyBot shows reports only to {school}'s safeguarding team, in chats that only they are in.";
    public const string WithdrawnWhatToDo = "If that is a mistake, ask whoever looks after PolicyBot at your school.";

    public static string DslStateLabel(IncidentState state) => state switch
    {
        IncidentState.Acknowledged => "Acknowledged",
        IncidentState.Assigned => "Assigned",
        IncidentState.Escalated => "Escalated",
        IncidentState.Closed => "Closed",
        _ => "New",
    };

    public static string EscalationLabel(EscalationTarget target) => target switch
    {
        EscalationTarget.Headteacher => "the Headteacher",
        EscalationTarget.Lado => "the LADO",
        EscalationTarget.ChildrensSocialCare => "children's social care",
        _ => "the police",
    };

    // Governors' report
    public static string GovernorsReportHeading(string year) => $"Concerns reported, {year}";
    public const string GovernorsReportIntro = "Counts only: no names, no details.";
    public static string TermTotal(string term, int total) => total == 1 ? $"{term}: 1 report" : $"{term}: {total} reports";
    public static string YearTotal(int total) => total == 1 ? "Year total: 1 report" : $"Year total: {total} reports";

    // My requests
    public const string MyRequestsHeading = "My requests";
    public const string SiteRequestsHeading = "Site requests";
    public const string ReportsHeading = "Concerns I reported";
    public const string NothingYet = "Nothing yet. Site requests and concerns you report will show here.";
    public static string WaitingFor(string role) => $"waiting for {role}";
    public static string ReferenceAndStatus(string reference, string status) => $"{reference} · {status}";

    // Pending approvals and the incident log
    public const string PendingApprovalsHeading = "Waiting for your approval";
    public const string NothingToApprove = "Nothing is waiting for you.";
    public static string PendingLine(string reference, string role) => $"{reference} · as {role}";
    public static string RequestedByWaiting(string name, string since) => $"From {name}, waiting since {since}";
    public const string Open = "Open";
    public const string IncidentLogHeading = "Incident log";
    public const string NoOpenReports = "No open reports.";
    public static string OpenReports(int count) => count == 1 ? "1 open report" : $"{count} open reports";
    public static string ClosedThisTerm(int count) => count == 1 ? "1 closed this term" : $"{count} closed this term";
    public static string MoreNotShown(int count) => $"…and {count} more";

    // Problems
    public static string ProblemTitle(CardProblem problem) => problem switch
    {
        CardProblem.NotAllowed => "That's not yours to do",
        CardProblem.AlreadyDone => "Someone got there first",
        CardProblem.NotFound => "I can't find that any more",
        CardProblem.SchoolNotSetUp => "Your school isn't set up yet",
        CardProblem.NotDelivered => "I couldn't pass that on",
        _ => "Sorry, something went wrong",
    };

    public static string ProblemAdvice(CardProblem problem) => problem switch
    {
        CardProblem.NotAllowed => "Only the people your school's policy names can do this. Nothing was changed.",
        CardProblem.AlreadyDone => "Your click changed nothing. The latest card shows where things stand.",
        CardProblem.NotFound => "It may have been withdrawn or closed. Type “my requests” to see yours.",
        CardProblem.SchoolNotSetUp => "Ask your IT lead to add your school to PolicyBot.",
        CardProblem.NotDelivered => "PolicyBot could not reach them in Teams (the app may not be installed for them). Please ask them directly; your IT lead can check the set-up.",
        _ => "Nothing you sent was lost. Please try again in a minute; if it keeps happening, tell your IT lead.",
    };

    public static string SupportReference(string reference) => $"Reference for IT: {reference}";

    /// <summary>The detail when a trust member's school could not be decided because the directory did not answer.</summary>
    public const string SchoolCheckUnavailable = "I couldn't check which school you belong to just now.";
}
