using PolicyBot.Policies;

namespace PolicyBot.Tests.Policies;

public sealed class VerdictClassifierTests
{
    [Theory]
    [InlineData("Staff must not accept friend requests from pupils.", Verdict.No)]
    [InlineData("Staff should never share their passwords.", Verdict.No)]
    [InlineData("Staff are not permitted to follow pupils on personal accounts.", Verdict.No)]
    [InlineData("Under no circumstances should staff upload pupil photographs to personal accounts.", Verdict.No)]
    [InlineData("Staff members must decline friend requests from pupils.", Verdict.No)]
    [InlineData("Staff members may not identify themselves as employees on personal sites.", Verdict.No)]
    [InlineData("Do not request personal information from a child.", Verdict.No)]
    [InlineData("Approval for new sites must be obtained from the Computing Coordinator.", Verdict.AskFirst)]
    [InlineData("Approval must also be obtained from the headteacher before a club is made a follower of the page.", Verdict.AskFirst)]
    [InlineData("Staff must seek permission from the Headteacher before speaking to the press.", Verdict.AskFirst)]
    [InlineData("Staff must not use school computers for social media unless authorised to do so by a senior leader.", Verdict.AskFirst)]
    [InlineData("Staff must not communicate with the media without the advice or approval of the head teacher.", Verdict.AskFirst)]
    [InlineData("Permission to use any photos should be sought in line with the school's policy.", Verdict.AskFirst)]
    [InlineData("Any safeguarding concern must be reported to the Designated Safeguarding Lead.", Verdict.Report)]
    [InlineData("Safety concerns should be brought to the attention of the DSL immediately.", Verdict.Report)]
    [InlineData("Staff have a statutory duty to report signs of radicalisation.", Verdict.Report)]
    [InlineData("Such comments must never be posted or removed immediately and appropriate authorities, for example the Police or Child Exploitation and Online Protection Centre (CEOP), informed in the case of illegal content.", Verdict.Report)]
    [InlineData("The school policies and protocols on child protection, safeguarding and e-safety must be followed if any misuse appears to involve illegal activity.", Verdict.Report)]
    [InlineData("Caution is advised when inviting colleagues to be friends.", Verdict.Caution)]
    [InlineData("Staff are advised not to identify their employer.", Verdict.Caution)]
    [InlineData("Staff should consider their privacy settings.", Verdict.Caution)]
    [InlineData("Staff and pupils should avoid mentioning the school by name.", Verdict.Caution)]
    [InlineData("Staff must avoid contact with pupils on personal accounts.", Verdict.No)]
    [InlineData("Excessive use will be considered a disciplinary matter.", Verdict.Caution)]
    [InlineData("Staff may use their own devices during breaks.", Verdict.Yes)]
    [InlineData("Limited personal use is permitted during break times.", Verdict.Yes)]
    [InlineData("The use of social media in an educational context is acceptable.", Verdict.Yes)]
    [InlineData("They may use their own computers while they are in school.", Verdict.Yes)]
    [InlineData("Staff must follow the school media policy before responding to a journalist.", Verdict.AskFirst)]
    [InlineData("Approval for the creation of any new class page, whether it is hosted on the school's own website or by a third party such as a blogging service, must be obtained from the Deputy Head.", Verdict.AskFirst)]
    public void The_verdict_comes_from_the_clause_wording(string sentence, Verdict expected) =>
        VerdictClassifier.Classify(sentence).Should().Be(expected);

    [Theory]
    [InlineData("It may be shared or re-published elsewhere.")]
    [InlineData("Be mindful that it is still public, as you cannot control what others do with it.")]
    [InlineData("Pupils can see anything posted on the page.")]
    public void May_and_can_about_a_possibility_or_someone_else_grant_staff_nothing(string sentence) =>
        VerdictClassifier.CueOf(sentence).Should().NotBe(VerdictClassifier.Cue.Yes);

    [Theory]
    [InlineData("Staff must not have contact with parents through personal social media if that contact is likely to compromise their objectivity.", true)]
    [InlineData("Staff must not have contact with parents through personal social media.", false)]
    [InlineData("Staff must not post photos if they have not checked the consent list.", false)]
    [InlineData("Staff should check the settings if it is likely to be seen by pupils.", false)]
    public void A_prohibition_that_holds_only_if_judged_likely_is_for_staff_to_weigh(string sentence, bool judged) =>
        VerdictClassifier.ForbidsOnlyIfJudged(sentence).Should().Be(judged);

    [Fact]
    public void A_parenthetical_or_if_alternative_is_an_exception()
    {
        VerdictClassifier.ExceptionPart("Comments must be responded to within 24 hours (or on the next working day if received at a weekend).")
            .Should().StartWith("(or on the next working day if received at a weekend");
        VerdictClassifier.ExceptionPart("Staff must respond to comments (or ask a colleague to).").Should().BeEmpty();
        VerdictClassifier.SplitException("Comments must be answered within 24 hours (or on the next working day if received at a weekend).")
            .Condition.Should().Be("received at a weekend).");
    }

    [Fact]
    public void Other_than_after_anyone_is_part_of_the_rule_not_an_exception()
    {
        VerdictClassifier.ExceptionPart("Staff running a class page must make sure it cannot be viewed by anybody else, other than the families who were invited.")
            .Should().BeEmpty();
        VerdictClassifier.ExceptionPart("Staff must not contact pupils other than through the school's learning platform.")
            .Should().StartWith("other than through");
    }

    [Fact]
    public void Breaching_copyright_without_permission_is_a_prohibition_not_an_approval()
    {
        VerdictClassifier.Classify("Employees must not: breach copyright, for example by using someone else's images without permission;")
            .Should().Be(Verdict.No);
    }

    [Fact]
    public void A_relative_clause_with_do_not_is_not_a_prohibition()
    {
        VerdictClassifier.Classify("Personal communications which do not refer to the school are outside the scope of this policy.")
            .Should().NotBe(Verdict.No);
    }

    [Fact]
    public void A_definition_states_no_rule()
    {
        VerdictClassifier.CueOf("For the purposes of this policy, social media is defined as interactive online media.")
            .Should().Be(VerdictClassifier.Cue.None);
    }

    [Theory]
    [InlineData("Do I have to add a disclaimer?", true)]
    [InlineData("Anything I should sort out on my socials before I start?", true)]
    [InlineData("Am I required to tell anyone?", true)]
    [InlineData("is it my job to take it down or the office's?", true)]
    [InlineData("if the post has a mistake in it, is that on me?", true)]
    [InlineData("am I responsible for what parents comment?", true)]
    [InlineData("the newsletters for the class page, do they have to be checked by someone?", true)]
    [InlineData("does it have to be my work email?", true)]
    [InlineData("Can I accept the request?", false)]
    public void Duty_questions_are_recognised(string question, bool expected) =>
        VerdictClassifier.AsksAboutDuty(question).Should().Be(expected);

    [Theory]
    [InlineData("should my twitter be set to private?", true)]
    [InlineData("should our class page be checked every day?", true)]
    [InlineData("does my profile really need to show my job?", true)]
    [InlineData("do our accounts have to be approved?", true)]
    [InlineData("my insta is private, is that ok?", false)]
    public void A_question_whether_ones_account_should_be_or_has_to_be_so_asks_about_a_duty(string question, bool expected) =>
        VerdictClassifier.AsksAboutDuty(question).Should().Be(expected);

    [Theory]
    [InlineData("Who do I ask before setting up a class blog?")]
    [InlineData("Who needs to agree to a new account?")]
    [InlineData("Do I need permission to post this?")]
    [InlineData("who do I need to ask about a class blog?")]
    [InlineData("is there anyone who can ok me using the class laptop?")]
    [InlineData("what do I need to go through with the head beforehand?")]
    [InlineData("want to set up a class account, what do I need to do first?")]
    [InlineData("do I need an ok from someone before I start a page?")]
    [InlineData("does someone need to ok me first?")]
    [InlineData("who gives the go ahead if I want to start a class blog?")]
    [InlineData("need my own twitter on a school laptop for a course. who says yes to that?")]
    [InlineData("need to get on facebook on the class PC to show a clip, who lets me")]
    [InlineData("I'd like a class instagram for Y5. Do I need to ask anyone first or can I just make it?")]
    [InlineData("thinking of a page for the choir, should I check with someone beforehand?")]
    [InlineData("do I have to run it past somebody first?")]
    public void Approval_questions_are_recognised(string question) =>
        VerdictClassifier.AsksWhoApproves(question).Should().BeTrue();

    [Theory]
    [InlineData("A pupil messaged me, what should I do?")]
    [InlineData("Who do I tell?")]
    [InlineData("Who needs to know about this?")]
    [InlineData("who has to hear about it?")]
    [InlineData("a parent is being rude about a colleague in the class chat and I'm not sure how to handle it")]
    [InlineData("a pupil emailed my personal account, not sure what to do")]
    [InlineData("a kid from my class messaged me on snap, i just ignored it. is that enough")]
    [InlineData("I blocked the parent who was trolling me, was that enough?")]
    [InlineData("I deleted the comment. Is that all I need to do?")]
    [InlineData("a parent sent me something worrying about her son. where should that be reported?")]
    [InlineData("who should something like this be passed on to?")]
    [InlineData("a parent keeps commenting on my holiday photos. what am I meant to do?")]
    [InlineData("someone posted a nasty comment under our class video, what are we supposed to do?")]
    [InlineData("a boy in my class says a stranger keeps adding him on a game. does this need to be reported?")]
    public void Procedure_questions_are_recognised(string question) =>
        VerdictClassifier.AsksWhatToDo(question).Should().BeTrue();

    [Theory]
    [InlineData("New employees should check any information they have posted and remove anything embarrassing.", true)]
    [InlineData("Staff must ensure that the site is private.", false)]
    [InlineData("Staff are required to complete the approval form.", false)]
    public void A_should_duty_is_a_recommendation_and_a_must_duty_is_not(string sentence, bool expected) =>
        VerdictClassifier.IsRecommendation(sentence).Should().Be(expected);

    [Fact]
    public void Acceptable_inside_a_whether_clause_grants_nothing()
    {
        VerdictClassifier.CueOf("Where there is any doubt about whether a message to a parent is acceptable, the head teacher will decide.")
            .Should().NotBe(VerdictClassifier.Cue.Yes);
    }

    [Fact]
    public void Making_senior_staff_aware_is_a_report()
    {
        VerdictClassifier.Classify("A member of the senior leadership team should be made aware of the message.")
            .Should().Be(Verdict.Report);
    }

    [Theory]
    [InlineData("can I post the class photo on facebook?", true)]
    [InlineData("is it ok to add a parent on instagram", true)]
    [InlineData("I downloaded a couple of films to show my class", true)]
    [InlineData("I've seen a colleague post a pupil's photo", false)]
    [InlineData("who do I tell about a pupil's post?", false)]
    [InlineData("my personal blog has my school email as its contact address, is that a problem?", true)]
    [InlineData("we put the match results on the class page, was that ok?", true)]
    [InlineData("a parent is being rude under our post, should I just delete it?", true)]
    [InlineData("should we just reply to the complaint on the school page?", true)]
    [InlineData("should I tell the head about the post?", false)]
    public void A_question_asks_permission_or_tells_what_the_staff_member_did(string question, bool expected) =>
        VerdictClassifier.AsksPermission(question).Should().Be(expected);

    [Theory]
    [InlineData("a y3 pupil sent me a message on tiktok last night", true)]
    [InlineData("A parent posted a photo of my class on facebook.", true)]
    [InlineData("can i reply to her", false)]
    [InlineData("a parent wants to add me on facebook, is that ok", false)]
    [InlineData("what if i accept it", false)]
    [InlineData("", false)]
    [InlineData("one of the kids wrote something that's got me worried about what's going on at home", true)]
    [InlineData("I posted on facebook that the headteacher is useless", false)]
    [InlineData("my insta says where I work and I never bother with a disclaimer", false)]
    [InlineData("I've seen a colleague post on facebook that the headteacher is useless", true)]
    [InlineData("I got a friend request from a year 6 last night", true)]
    [InlineData("I'm being trolled on twitter by a parent", true)]
    [InlineData("my facebook account has been hacked and it's posting spam", true)]
    [InlineData("I was tagged in a photo by a pupil's mum", true)]
    [InlineData("I have a pupil messaging me on instagram", true)]
    [InlineData("I posted a photo of me with the kids on facebook", false)]
    [InlineData("lunchtime supervisor here, do the online rules cover me", false)]
    [InlineData("shud i put where i work on my tiktok", false)]
    [InlineData("cud we share the sports day pics on the class page", false)]
    public void A_statement_of_what_happened_asks_what_to_do(string question, bool expected) =>
        // As the answerer does, read the question after QuestionText has spelled out chat shorthand ("shud i" → "should i").
        VerdictClassifier.ReportsAnIncident(QuestionText.Clean(question)).Should().Be(expected);

    [Fact]
    public void Who_needs_to_know_asks_what_to_do_not_who_approves() =>
        VerdictClassifier.AsksWhoApproves("Who needs to know about this?").Should().BeFalse();

    [Theory]
    [InlineData("could that come back on me?")]
    [InlineData("would they cut off my access to the school computers?")]
    [InlineData("could I actually lose my job over a post?")]
    [InlineData("what actually happens to me if a parent says I've been rude to them on fb")]
    [InlineData("what would happen to us if the class page got hacked?")]
    [InlineData("I forwarded a staff email to my sister. what could really happen to me?")]
    [InlineData("what might happen to a colleague who shares pupils' photos on her own insta?")]
    public void Consequence_questions_are_recognised(string question) =>
        VerdictClassifier.AsksAboutConsequences(question).Should().BeTrue();

    [Theory]
    [InlineData("would the school block my network access over a post?")]
    [InlineData("could my email access get revoked for this?")]
    [InlineData("if a colleague breaches the rules, is that the end of her login?")]
    [InlineData("if we ignore this policy, can they take our laptops?")]
    public void Access_being_stopped_or_breaking_the_policy_asks_about_consequences(string question) =>
        VerdictClassifier.AsksAboutConsequences(question).Should().BeTrue();

    [Theory]
    [InlineData("who should I report a worrying message to?", true)]
    [InlineData("a parent posted something nasty, who do we contact?", true)]
    [InlineData("who needs to be told about this?", true)]
    [InlineData("what should I do about it?", false)]
    [InlineData("who do I ask before setting up a class blog?", false)]
    public void Who_do_I_tell_asks_for_the_person_a_report_goes_to(string question, bool asks) =>
        VerdictClassifier.AsksWhoToTell(question).Should().Be(asks);

    [Theory]
    [InlineData("would I lose my network access over a post?", true)]
    [InlineData("do we lose the laptops while the school looks into it?", true)]
    [InlineData("will they take my ipad off me if a parent complains?", true)]
    [InlineData("could the head take our logins away from us?", true)]
    [InlineData("can I take my class laptop off site for the trip?", false)]
    public void Losing_access_or_having_equipment_taken_off_you_asks_about_consequences(string question, bool asks) =>
        VerdictClassifier.AsksAboutConsequences(question).Should().Be(asks);

    [Fact]
    public void Asking_what_happens_next_on_a_page_is_not_a_consequence_question() =>
        VerdictClassifier.AsksAboutConsequences("what happens to the comments when we close the page?").Should().BeFalse();

    [Theory]
    [InlineData("can I follow the local news pages from my own account? I don't want to get into trouble", false)]
    [InlineData("do I have to tell anyone I blog about gardening, wouldn't want to be disciplined for it", false)]
    [InlineData("I don't want to get in trouble: could this get me sacked?", true)]
    public void A_worry_said_as_what_the_staff_member_does_not_want_is_not_the_question(string question, bool asks) =>
        VerdictClassifier.AsksAboutConsequences(question).Should().Be(asks);

    [Theory]
    [InlineData("do governors have to follow this policy too?")]
    [InlineData("do supply staff have to follow this too?")]
    [InlineData("I'm a volunteer, am I covered by it?")]
    [InlineData("as a lunchtime supervisor, am I really covered by the policy?")]
    [InlineData("is a trainee teacher even included in the policy?")]
    [InlineData("does the social media policy apply to supply staff?")]
    [InlineData("is a student teacher included in the policy?")]
    [InlineData("I'm a supply teacher, do I need to follow this?")]
    [InlineData("I'm a governor, does this cover me or just the teachers?")]
    [InlineData("is the policy just for staff?")]
    [InlineData("governor here, is this policy for us too")]
    [InlineData("is the social media stuff for me as well?")]
    [InlineData("surely the staff social media stuff isn't for me")]
    [InlineData("do I have to follow the same social media rules?")]
    [InlineData("it's just my dog, the policy doesn't care what I post there does it?")]
    [InlineData("does the policy cover what I post on my own insta?")]
    [InlineData("I volunteer on trips. Does this policy say anything about people like me, or is it only staff?")]
    [InlineData("does the social media policy have anything for us? we're lunchtime volunteers")]
    [InlineData("I run the after school club, is it just for teachers?")]
    public void Scope_questions_are_recognised(string question) =>
        VerdictClassifier.AsksAboutScope(question).Should().BeTrue();

    [Theory]
    [InlineData("are volunteers expected to follow the staff social media policy?")]
    [InlineData("as a parent helper am I supposed to stick to the school's rules?")]
    [InlineData("does any of this apply to what I share on my own page?")]
    [InlineData("volunteer here, is this aimed at us as well?")]
    [InlineData("LinkedIn is for work, so this doesn't apply there?")]
    public void Being_expected_to_follow_the_policy_or_it_being_aimed_at_me_is_a_scope_question(string question) =>
        VerdictClassifier.AsksAboutScope(question).Should().BeTrue();

    [Theory]
    [InlineData("as a volunteer does the online thing even cover me")]
    [InlineData("supply here - does it cover what I share on my own page?")]
    [InlineData("would this cover what we write in the parents' group?")]
    [InlineData("supply teacher, does it apply 2 me?")]
    [InlineData("does the policy actually apply if I'm only a governor?")]
    public void The_policy_called_a_thing_or_it_covering_what_I_post_is_a_scope_question(string question) =>
        VerdictClassifier.AsksAboutScope(QuestionText.Clean(question)).Should().BeTrue();

    [Theory]
    [InlineData("im a governor do these rules cover me")]
    [InlineData("do the rules apply to volunteers as well?")]
    [InlineData("would our guidelines even cover supply staff")]
    public void Asking_whether_the_rules_cover_someone_is_a_scope_question(string question) =>
        VerdictClassifier.AsksAboutScope(question).Should().BeTrue();

    [Theory]
    [InlineData("do supply staff fall under the social media policy?")]
    [InlineData("would governors come under our policy too?")]
    [InlineData("does my personal blog fall within the school's guidance?")]
    public void Falling_or_coming_under_the_policy_is_a_scope_question(string question) =>
        VerdictClassifier.AsksAboutScope(question).Should().BeTrue();

    [Theory]
    [InlineData("can I post photos of the class trip?")]
    [InlineData("does the head have to approve a class blog?")]
    [InlineData("does that count as bullying?")]
    [InlineData("does it include a link to my shop?")]
    [InlineData("is this app ok for me to use with my class?")]
    [InlineData("is the school blog for parents too?")]
    [InlineData("does the policy say anything about posting photos of sports day?")]
    public void Questions_about_what_to_do_are_not_scope_questions(string question) =>
        VerdictClassifier.AsksAboutScope(question).Should().BeFalse();

    [Theory]
    [InlineData("does WhatsApp count as social media?")]
    [InlineData("is a class dojo classed as social media?")]
    [InlineData("what do they mean by professional capacity?")]
    [InlineData("how does the policy define social media")]
    [InlineData("what is a blog?")]
    public void Questions_about_what_a_word_means_are_recognised(string question) =>
        VerdictClassifier.AsksWhatItIs(question).Should().BeTrue();

    [Theory]
    [InlineData("can I livestream the nativity on facebook?")]
    [InlineData("what is the rule on phones in class if I'm on duty?")]
    [InlineData("what do I do about a nasty comment?")]
    public void Questions_about_what_to_do_are_not_about_what_a_word_means(string question) =>
        VerdictClassifier.AsksWhatItIs(question).Should().BeFalse();

    [Theory]
    [InlineData("done the training and the head's said yes, so can I run it now?", true)]
    [InlineData("the computing lead has approved our blog", true)]
    [InlineData("we've got SLT's approval for the page", true)]
    [InlineData("it was signed off by the head last week", true)]
    [InlineData("do I need approval for a class blog?", false)]
    [InlineData("who approves a class blog?", false)]
    public void A_question_can_say_the_approval_was_already_given(string question, bool expected) =>
        VerdictClassifier.StatesApprovalGiven(question).Should().Be(expected);

    [Theory]
    [InlineData("Any breach of this policy may lead to disciplinary action.", true)]
    [InlineData("Inappropriate use of messaging tools may breach the school's disciplinary rules.", true)]
    [InlineData("Serious breaches could result in dismissal.", true)]
    [InlineData("If this policy is breached, disciplinary action will result.", false)]
    public void A_consequence_may_be_a_possibility_or_a_certainty(string sentence, bool possible) =>
        VerdictClassifier.StatesPossibleConsequence(sentence).Should().Be(possible);

    [Theory]
    [InlineData("If in doubt, always seek advice.", true)]
    [InlineData("(If there is any doubt about whether communication is acceptable, a senior leader should be informed.)", true)]
    [InlineData("Where there is any doubt about whether a message is appropriate, the head teacher must be told.", true)]
    [InlineData("Staff should only use the school's systems for communications with pupils.", false)]
    public void If_in_doubt_is_the_way_out_for_the_unsure(string sentence, bool fallback) =>
        VerdictClassifier.IsFallbackForDoubt(sentence).Should().Be(fallback);

    [Theory]
    [InlineData("a mum messaged me, not sure if it's ok to reply", true)]
    [InlineData("I don't know whether I can reply to a parent", true)]
    [InlineData("is it ok if I whatsapp a pupil about the play?", false)]
    public void A_question_can_say_the_staff_member_is_unsure(string question, bool unsure) =>
        VerdictClassifier.SaysUnsure(question).Should().Be(unsure);

    [Theory]
    [InlineData("someone's being abusive on our class page, am I allowed to just block them", "block")]
    [InlineData("can I just delete it?", "delete")]
    [InlineData("is it ok to reply to a parent on facebook?", "reply")]
    [InlineData("what should I do about an abusive comment?", null)]
    public void A_permission_question_names_the_action_it_asks_about(string question, string? action) =>
        VerdictClassifier.AskedAction(question).Should().Be(action);

    // Whole answers from a small policy: the verdict depends on the question as well as the clause.
    static readonly PolicyIndex Policy = PolicyIndex.Build(PolicyParser.Parse("example", """
        1. Contact with pupils

        1.1 Staff should keep any communications with pupils professional and should only use the school's systems for communications. (If there is any doubt about whether communication between a pupil and a member of staff is acceptable, a member of the senior leadership team should be informed so that they can decide how to deal with the situation.)

        2. Moderating school pages

        2.1 If a conversation on a school page becomes offensive, staff should block, report or delete other users or their comments and should inform the audience why the action was taken.

        3. Images

        3.5 Staff should exercise their professional judgement about whether an image is appropriate to share on school accounts. pupils must not be on any school list of children whose images must not be published.

        4. Media

        4.5 Be aware that the content or site may attract media attention. Staff members must not communicate with the media without the advice or approval of the head teacher.

        5. Breaches

        5.1 Any breach of this policy may lead to disciplinary action under the school's disciplinary procedure.

        5.2 If staff bully colleagues online, disciplinary action will result.
        """));

    [Theory]
    [InlineData("could a breach of this policy on social media get me sacked?", Verdict.Caution)]
    [InlineData("could I get sacked for bullying colleagues online?", Verdict.Yes)]
    public void Could_I_get_sacked_is_a_caution_when_the_policy_says_it_may_happen_and_yes_when_it_will(string question, Verdict expected) =>
        PolicyAnswerer.Answer(Policy, question).Verdict.Should().Be(expected);

    [Fact]
    public void If_in_doubt_does_not_answer_a_question_the_rule_next_to_it_decides()
    {
        var answer = PolicyAnswerer.Answer(Policy, "is it ok if I send communications to a pupil on whatsapp?");

        answer.Citations[0].ClauseId.Should().Be("1.1");
        answer.Verdict.Should().Be(Verdict.No);
    }

    [Fact]
    public void If_in_doubt_answers_a_question_that_says_it_is_unsure()
    {
        var answer = PolicyAnswerer.Answer(Policy, "a pupil messaged me about homework, not sure if communication like that is ok");

        answer.Citations[0].ClauseId.Should().Be("1.1");
        answer.Verdict.Should().Be(Verdict.Report);
    }

    [Theory]
    [InlineData("someone is being offensive in the comments on our school page, am I allowed to just block them?", Verdict.Yes)]
    [InlineData("someone is being offensive in the comments on our school page, what should I do?", Verdict.Report)]
    public void Asked_whether_to_do_what_the_clause_tells_staff_to_do_the_answer_is_yes(string question, Verdict expected)
    {
        var answer = PolicyAnswerer.Answer(Policy, question);

        answer.Citations[0].ClauseId.Should().Be("2.1");
        answer.Verdict.Should().Be(expected);
    }

    [Fact]
    public void A_full_stop_ends_a_sentence_even_when_the_next_starts_in_lower_case()
    {
        PolicyAnswerer.Parts("Use judgement about what to share on school accounts. pupils must not be on the list.")
            .Should().Equal("Use judgement about what to share on school accounts.", "pupils must not be on the list.");
        PolicyAnswerer.Parts("Harassment, discrimination etc. or defamation are breaches.").Should().ContainSingle();
    }

    [Fact]
    public void The_sentence_the_question_is_about_decides_even_after_a_lower_case_start()
    {
        var answer = PolicyAnswerer.Answer(Policy, "want to share pictures of my class's art on the school accounts, anything I should watch for?");

        answer.Citations[0].ClauseId.Should().Be("3.5");
        answer.Verdict.Should().Be(Verdict.Caution);
    }

    [Theory]
    [InlineData("Be aware that the content or site may attract media attention.", true)]
    [InlineData("Staff should be mindful that anything posted could be shared.", true)]
    [InlineData("Be aware that defamation and privacy laws apply.", false)]
    [InlineData("Staff must not communicate with the media without approval.", false)]
    public void Be_aware_that_something_may_happen_is_a_warning_of_a_possibility(string sentence, bool warning) =>
        VerdictClassifier.WarnsOfPossibility(sentence).Should().Be(warning);

    [Fact]
    public void A_warning_of_what_may_happen_gives_way_to_the_instruction_beside_it()
    {
        var answer = PolicyAnswerer.Answer(Policy, "the local paper messaged me about our school site content, can I just reply to them?");

        answer.Citations[0].ClauseId.Should().Be("4.5");
        answer.Verdict.Should().Be(Verdict.AskFirst);
    }
    [Theory]
    [InlineData("If parents have access to a learning platform where they can post or comment, parents will be informed about acceptable use.", true)]
    [InlineData("Where pupils use the class blog, pupils will be told how to comment safely.", true)]
    [InlineData("Students should be encouraged to report anything that upsets them.", true)]
    [InlineData("Staff must inform the headteacher of any comment that worries them.", false)]
    [InlineData("Any concern about a pupil must be reported to the DSL, who will decide whether parents are contacted.", false)]
    public void What_pupils_or_parents_are_to_be_told_is_guidance_for_them_not_a_rule_for_staff(string clause, bool forThem) =>
        VerdictClassifier.IsAboutPupilOrParentConduct(clause).Should().Be(forThem);
    [Theory]
    [InlineData("Staff should manage personal information effectively so that it cannot be misused by third parties.", VerdictClassifier.Cue.Duty)]
    [InlineData("Staff should keep posts professional in order that they cannot be misread.", VerdictClassifier.Cue.Duty)]
    [InlineData("Staff cannot use the school's accounts for personal reasons.", VerdictClassifier.Cue.No)]
    public void What_a_rule_is_for_forbids_nothing(string clause, VerdictClassifier.Cue cue) =>
        VerdictClassifier.CueOf(clause).Should().Be(cue);

    [Theory]
    [InlineData("Staff should assume that anything they write (regardless of their privacy settings) could become public.", VerdictClassifier.Cue.Caution)]
    [InlineData("Staff should assume that a screenshot of a private message may be shared.", VerdictClassifier.Cue.Caution)]
    [InlineData("Staff should assume that all online activity is covered by this policy.", VerdictClassifier.Cue.Duty)]
    public void Assuming_that_something_could_happen_is_a_warning(string clause, VerdictClassifier.Cue cue) =>
        VerdictClassifier.CueOf(clause).Should().Be(cue);

    [Theory]
    [InlineData("Training that covers issues such as privacy settings and the need to ensure a clear distinction between professional and private lives will be given to all staff.", VerdictClassifier.Cue.Yes)]
    [InlineData("Staff will receive regular training on safeguarding matters, including online safety.", VerdictClassifier.Cue.Yes)]
    [InlineData("Staff must ensure that their privacy settings are reviewed every term.", VerdictClassifier.Cue.Duty)]
    public void What_the_school_undertakes_to_give_staff_is_a_yes(string clause, VerdictClassifier.Cue cue) =>
        VerdictClassifier.CueOf(clause).Should().Be(cue);

    [Theory]
    [InlineData("is that on me?", true)]
    [InlineData("would I be held responsible if it goes wrong?", true)]
    [InlineData("is it my responsibility to check the posts?", true)]
    [InlineData("who is responsible for the school twitter?", false)]
    [InlineData("can I post it on my own account?", false)]
    public void Asking_whether_something_is_mine_to_answer_for_is_read(string question, bool asks) =>
        VerdictClassifier.AsksIfResponsible(question).Should().Be(asks);
}
