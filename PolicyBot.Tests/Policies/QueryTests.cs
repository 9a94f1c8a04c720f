using PolicyBot.Policies;

namespace PolicyBot.Tests.Policies;

[Collection(PoliciesCollection.Name)]
public sealed class QueryTests(PoliciesFixture policies)
{
    PolicyIndex Index => policies.Library.TryGet("wexham-court", out var index) ? index : throw new InvalidOperationException("wexham-court not loaded");

    double SlotWeight(string question, string word)
    {
        var query = Query.From(Index, question);
        var concept = Index.Analyze(word).Single().Concept;
        return query.Slots.Single(s => s.Concept == concept).Weight;
    }

    [Theory]
    [InlineData("a boy who plays in my son's football team has messaged me on insta, can I reply?", false)]
    [InlineData("can i message a kid from my sons football team on snap?", false)]
    [InlineData("my daughter's friend is in year 5 here, can I accept her friend request?", false)]
    [InlineData("my nephew's in y3 here and we've been fb friends for years, do I have to unfriend him?", true)]
    [InlineData("my sister's kid just started reception here, can I still message him?", true)]
    [InlineData("my niece is in year 2, can we stay friends on fb?", true)]
    public void A_relative_who_only_says_whose_team_or_friend_does_not_meet_the_family_exception(string question, bool meets)
    {
        var index = policies.Library.TryGet("st-georges", out var georges) ? georges : throw new InvalidOperationException("st-georges not loaded");
        Query.From(index, question).MeetsException("Staff members must not have contact through any personal social medium with any pupil, unless the pupils are family members.")
            .Should().Be(meets);
    }

    [Theory]
    [InlineData("a parent keeps slagging me off on fb, will the school do anything?", true)]
    [InlineData("if I report it, what would the head do?", true)]
    [InlineData("does school actually take action over comments like that?", true)]
    [InlineData("a parent shared a nasty meme about the head on fb, what happens now?", true)]
    [InlineData("one of my y4s swore at another child on the class blog, how will that be dealt with?", true)]
    [InlineData("how is it supposed to be handled when a pupil posts something unkind?", true)]
    [InlineData("does school actually check what I look at on the staff wifi?", true)]
    [InlineData("can the head see what sites I go on?", true)]
    [InlineData("what happens to the class page when I leave?", false)]
    [InlineData("a parent keeps slagging me off on fb, what do I do?", false)]
    [InlineData("can I do anything about it?", false)]
    public void Asking_what_the_school_will_do_is_read_as_asking_how_the_school_responds(string question, bool asks)
    {
        Query.From(Index, question).AsksWhatSchoolDoes.Should().Be(asks);
    }

    [Theory]
    [InlineData("can I advertise my sister's cake business on the school fb?", true)]
    [InlineData("can the school insta post happy birthday to my mate?", true)]
    [InlineData("can I use the school twitter for my etsy shop?", true)]
    [InlineData("can I sell my old sofa on the school page?", true)]
    [InlineData("can I post about my own running club on the school page?", true)]
    [InlineData("can I put my kids' poems on the school page?", false)]
    [InlineData("can I post about the staff restructure on the school page?", false)]
    [InlineData("can I post my class's trip photos on the school page?", false)]
    [InlineData("a parent was rude on the school fb, can I reply?", false)]
    public void Someone_or_something_of_my_own_life_is_read_as_an_end_of_my_own(string question, bool own)
    {
        Query.From(Index, question).NamesOwnEnds.Should().Be(own);
    }

    [Fact]
    public void The_owner_in_a_possessive_weighs_less_than_what_it_owns()
    {
        SlotWeight("a pupil's parent wants to be friends on facebook", "pupil")
            .Should().BeLessThan(SlotWeight("a pupil and a parent want to be friends on facebook", "pupil"));
    }

    [Theory]
    [InlineData("can I post it on my own account?")]
    [InlineData("would I get in trouble for moaning about work on my own twitter?")]
    public void Own_says_whose_a_thing_is_and_weighs_less_than_a_word_of_what_is_asked(string question)
    {
        var own = Index.Analyze("own").Single().Concept;

        SlotWeight(question, "own").Should().BeLessThan(0.5 * Index.Idf(own));
    }

    [Fact]
    public void A_word_used_both_as_owner_and_on_its_own_keeps_its_weight()
    {
        SlotWeight("a pupil's parent says the pupil is upset", "pupil")
            .Should().Be(SlotWeight("a pupil and a parent say the pupil is upset", "pupil"));
    }

    [Theory]
    [InlineData("a pupil's photo went up on the class page by mistake, is that on me?")]
    [InlineData("is it down to us to check the comments on the school blog?")]
    [InlineData("a wrong date went out on the school facebook, is that my fault?")]
    public void Asking_whether_it_is_on_me_asks_whose_responsibility_it_is(string question)
    {
        var responsibility = Index.Analyze("responsibility").Single().Concept;

        Query.From(Index, question).Slots.Should().Contain(s => s.Concept == responsibility);
    }

    [Theory]
    [InlineData("I've got a new job from Easter, can I keep running the class blog until then?", false)]
    [InlineData("i was offered a job at another school, what happens to my class twitter?", false)]
    [InlineData("she got a new job, can I take over her class blog?", true)]
    public void A_new_job_the_staff_member_has_got_is_leaving_not_joining(string question, bool joins)
    {
        var join = Index.Analyze("join").Single().Concept;
        var leave = Index.Analyze("leave").Single().Concept;
        var query = Query.From(Index, question);

        query.Slots.Any(s => s.Concept == join).Should().Be(joins);
        query.Slots.Any(s => s.Concept == leave).Should().Be(!joins);
    }

    [Theory]
    [InlineData("I start in January, do I need to tidy up my facebook?", true)]
    [InlineData("im starting after half term, anything I should check on my insta?", true)]
    [InlineData("I'll be starting next week, should my twitter be private?", true)]
    [InlineData("I'm starting a class blog in January, is that ok?", false)]
    [InlineData("can I start a twitter for the PE department?", false)]
    public void A_staff_member_starting_at_a_time_reads_as_joining_the_school(string question, bool joins)
    {
        var join = Index.Analyze("join").Single().Concept;

        Query.From(Index, question).Slots.Any(s => s.Concept == join).Should().Be(joins);
    }

    [Theory]
    [InlineData("a year 4 girl followed me on tiktok", true)]
    [InlineData("one of my pupils keeps messaging me on insta", true)]
    [InlineData("got a friend request from a parent last night, should I accept?", true)]
    [InlineData("a child in my class sent me a snap", true)]
    [InlineData("can I follow a pupil on tiktok?", false)]
    [InlineData("I added a pupil's mum on facebook by mistake", false)]
    [InlineData("can you send me the link to the policy?", false)]
    public void Contact_someone_makes_with_the_staff_member_reads_as_an_attempt_to_contact_them(string question, bool reads)
    {
        var attempt = Index.Analyze("attempt").Single().Concept;

        Query.From(Index, question).Slots.Any(s => s.Concepts.Any(c => c.Concept == attempt)).Should().Be(reads);
    }

    [Theory]
    [InlineData("governor here, is this policy for us too?")]
    [InlineData("I'm on supply this term, is the social media stuff for me as well?")]
    public void Asking_whom_the_policy_covers_asks_what_it_applies_or_extends_to(string question)
    {
        var applies = Index.Analyze("applies").Single().Concept;
        var extends = Index.Analyze("extends").Single().Concept;

        Query.From(Index, question).Slots.Should().Contain(s => s.Concept == applies)
            .Which.Concepts.Should().Contain((extends, 1.0));
    }

    [Theory]
    [InlineData("office staff here, can I post photos of the school fair?", "can office staff post photos of the school fair?")]
    [InlineData("new TA, is someone going to show me the privacy settings?", "is a new TA going to show me the privacy settings?")]
    public void A_role_the_asker_introduces_themselves_with_weighs_as_an_owner_and_is_not_asked_about(string introduced, string asked)
    {
        var colleague = Index.Analyze("colleague").Single().Concept;

        SlotWeight(introduced, "colleague").Should().BeLessThan(SlotWeight(asked, "colleague"));
        Query.From(Index, introduced).PeopleAsked.Should().NotContain(colleague);
    }

    [Fact]
    public void A_role_introduced_in_a_question_about_whom_the_policy_covers_keeps_its_weight()
    {
        SlotWeight("lunchtime supervisor here, does this policy cover me?", "colleague")
            .Should().Be(SlotWeight("does this policy cover lunchtime supervisors?", "colleague"));
    }

    [Fact]
    public void Asking_whether_I_am_in_trouble_for_something_done_is_not_focused_on_the_consequence()
    {
        SlotWeight("posted a few pics of my class on fb, am I in trouble?", "disciplinary")
            .Should().BeLessThan(SlotWeight("could posting a few pics of my class on fb get me in trouble?", "disciplinary"));
    }

    [Theory]
    [InlineData("would I get in trouble for scrolling instagram while my class are in assembly?")]
    [InlineData("could I be sacked for sharing the staff rota on facebook?")]
    [InlineData("a TA in my year group films the kids on her phone for her tiktok, could she get in trouble?")]
    [InlineData("my colleague still messages pupils from his last school, would he be in trouble?")]
    public void Asking_about_trouble_for_a_named_act_or_someone_elses_act_is_not_focused_on_the_consequence(string question)
    {
        SlotWeight(question, "disciplinary")
            .Should().BeLessThan(SlotWeight("could a facebook post get me in trouble?", "disciplinary"));
    }

    [Fact]
    public void Following_the_same_rules_is_complying_not_following_someone()
    {
        var follow = Index.Analyze("follow").Single().Concept;

        Query.From(Index, "supply TA here this week, do I have to follow the same social media rules?").Slots
            .Should().NotContain(s => s.Concept == follow);
    }

    [Theory]
    [InlineData("my twitter is private now so I can post about my class")]
    [InlineData("can I share it from a private account?")]
    [InlineData("my facebook's set to private, is that enough?")]
    [InlineData("should my tiktok be private?")]
    [InlineData("should I make my insta private now I work here?")]
    [InlineData("do I have to set my facebook profile to private?")]
    public void An_account_said_to_be_private_or_asked_to_be_made_private_is_about_its_privacy_settings(string question)
    {
        var settings = Index.Analyze("privacy settings").Single().Concept;
        var privacy = Index.Analyze("privacy").Single().Concept;
        var query = Query.From(Index, question);

        settings.Should().NotBe(privacy);
        query.Slots.Should().Contain(s => s.Concept == settings);
        query.Slots.Should().NotContain(s => s.Concept == privacy);
        query.NamesPersonal.Should().BeTrue();
    }

    [Theory]
    [InlineData("I can post photos of my own kids, right?", false)]
    [InlineData("my account is locked so I can say what I want right", false)]
    [InlineData("do parents have the right to see what I post?", true)]
    public void A_tag_asking_the_bot_to_agree_is_not_a_word_of_the_question(string question, bool readsRight)
    {
        var right = Index.Analyze("right").Single().Concept;

        Query.From(Index, question).Slots.Any(s => s.Concept == right).Should().Be(readsRight);
    }

    [Fact]
    public void Asking_whether_something_is_a_good_idea_is_the_frame_not_the_question()
    {
        var idea = Index.Analyze("idea").Single().Concept;
        var good = Index.Analyze("good").Single().Concept;

        Query.From(Index, "would a class whatsapp group for parents be a good idea?").Slots
            .Should().NotContain(s => s.Concept == idea || s.Concept == good);
    }

    [Fact]
    public void Private_messages_and_keeping_a_number_private_are_privacy_not_settings()
    {
        var privacy = Index.Analyze("privacy").Single().Concept;

        Query.From(Index, "should I keep my number private from parents?").Slots.Should().Contain(s => s.Concept == privacy);
    }

    [Fact]
    public void A_consequence_that_comes_back_on_me_is_not_a_question_of_responsibility()
    {
        var responsibility = Index.Analyze("responsibility").Single().Concept;

        Query.From(Index, "could posting that come back on me?").Slots.Should().NotContain(s => s.Concept == responsibility);
    }

    [Theory]
    [InlineData("someone left a really nasty comment on the school page")]
    [InlineData("a parent has left loads of angry replies under our post")]
    [InlineData("can I leave it for the office to sort out?")]
    [InlineData("can I leave the school's name off my profile?")]
    public void Leave_that_is_not_leaving_the_school_does_not_reach_the_rules_for_leavers(string question)
    {
        var leave = Index.Analyze("leave").Single().Concept;

        Query.From(Index, question).Slots.Should().NotContain(s => s.Concept == leave);
    }

    [Theory]
    [InlineData("I'm leaving in July, can I keep the class twitter login?")]
    [InlineData("once I leave the school can I follow my old class?")]
    [InlineData("a colleague left last term and still posts about us")]
    public void Leaving_the_school_is_still_read_as_leaving(string question)
    {
        var leave = Index.Analyze("leave").Single().Concept;

        Query.From(Index, question).Slots.Should().Contain(s => s.Concept == leave);
    }

    [Theory]
    [InlineData("I left the school in the summer, can I post about a pupil now?")]
    [InlineData("I'm leaving in July, can I keep the class twitter login?")]
    [InlineData("once I've resigned can I say what I think of the head?")]
    public void A_staff_member_who_leaves_is_not_asking_about_former_pupils(string question)
    {
        var (leave, former) = (Index.Analyze("leave").Single().Concept, Index.Analyze("former").Single().Concept);

        Query.From(Index, question).Slots.Single(s => s.Concept == leave).Concepts.Should().NotContain(c => c.Concept == former);
    }

    [Fact]
    public void Pupils_who_left_still_reach_the_rules_for_former_pupils()
    {
        var (leave, former) = (Index.Analyze("leave").Single().Concept, Index.Analyze("former").Single().Concept);

        Query.From(Index, "a pupil who left last year wants to follow me on insta").Slots.Single(s => s.Concept == leave).Concepts
            .Should().Contain(c => c.Concept == former);
    }

    [Theory]
    [InlineData("how do I set up a class blog?")]
    [InlineData("can we start a PE twitter account for the school?")]
    [InlineData("I want to create a facebook page for the year 6 residential")]
    [InlineData("who approves opening a new school instagram account")]
    public void Starting_a_school_or_class_site_is_read_as_setting_up_an_official_site(string question) =>
        Query.From(Index, question).AsksToSetUpOfficialSite.Should().BeTrue();

    [Theory]
    [InlineData("can I set up my own instagram?")]
    [InlineData("can I create a private account to chat to friends?")]
    [InlineData("can I post photos on the school's facebook page?")]
    [InlineData("a parent started a group chat about me")]
    public void Personal_accounts_and_using_a_site_that_exists_are_not(string question) =>
        Query.From(Index, question).AsksToSetUpOfficialSite.Should().BeFalse();

    [Theory]
    [InlineData("can we set up a class blog?", "class")]
    [InlineData("is it ok to post the match results on the school facebook page?", "school")]
    [InlineData("who looks after the class twitter?", "class")]
    public void A_school_or_class_site_is_also_read_as_official(string question, string word)
    {
        // Policies call the school's own sites "official" or "for work purposes".
        var query = Query.From(Index, question);
        var official = Index.Analyze("official").Single().Concept;
        var concept = Index.Analyze(word).Single().Concept;

        query.Slots.Single(s => s.Concept == concept).Concepts.Should().Contain((official, 1.0));
    }

    [Theory]
    [InlineData("can I post about my class on my own blog?")]
    [InlineData("the kids in my class keep messaging me on instagram")]
    public void A_personal_site_or_a_class_of_pupils_is_not_official(string question)
    {
        var official = Index.Analyze("official").Single().Concept;

        Query.From(Index, question).Slots.SelectMany(s => s.Concepts).Should().NotContain(c => c.Concept == official);
    }

    [Theory]
    [InlineData("can we set up a class blog for year 4?", "can we put year 4 on the blog?")]
    [InlineData("is the y6 twitter ok to use for the science fair?", "the y6 kids are all on twitter, is that ok?")]
    public void The_pupils_of_a_class_or_year_group_site_weigh_less_than_the_site(string aboutTheSite, string aboutThePupils)
    {
        // "A class blog for Y4", "the Y6 twitter": the pupils are the site's audience, not what the question is about.
        SlotWeight(aboutTheSite, "pupil").Should().BeLessThan(SlotWeight(aboutThePupils, "pupil"));
    }

    [Theory]
    [InlineData("should I put my phone number on my fb profile?", "can I update my fb profile?")]
    [InlineData("is it ok to mention which school I teach at in my insta bio", "what should my insta bio say")]
    public void A_profile_that_is_only_where_something_goes_weighs_like_a_platform(string profileIsPlace, string profileIsAsked)
    {
        // "Put X on my profile" asks about X; the profile is where it goes, as "on my fb" says where.
        SlotWeight(profileIsPlace, "profile").Should().BeLessThan(SlotWeight(profileIsAsked, "profile"));
    }

    [Theory]
    [InlineData("a pupil asked me for my snap")]
    [InlineData("a year 6 boy keeps asking for my insta")]
    [InlineData("a parent messaged asking for my number")]
    public void Being_asked_for_my_account_or_number_reaches_personal_information(string question)
    {
        // Policies say it as "do not request, or respond to, any personal information from a child".
        var personal = Index.Analyze("personal").Single().Concept;
        var information = Index.Analyze("information").Single().Concept;
        Query.From(Index, question).Slots.Should().Contain(s => s.Concepts.Any(c => c.Concept == personal) && s.Concepts.Any(c => c.Concept == information));
    }

    [Theory]
    [InlineData("one of the year 2 teachers added me on facebook, should I accept?")]
    [InlineData("the Y6 TA keeps posting about work on her insta")]
    [InlineData("our year 4 class teacher wants to follow me on tiktok")]
    [InlineData("a colleague in my year group wants to add me on insta, is that ok?")]
    [InlineData("the TA from our phase sent me a friend request")]
    [InlineData("one of the TAs in year 3 added me on facebook, should I accept?")]
    [InlineData("the teacher for Y5 keeps posting about work on her insta")]
    public void A_colleague_named_by_the_year_they_teach_is_not_a_question_about_pupils(string question)
    {
        var pupil = Index.Analyze("pupil").Single().Concept;
        var age = Index.Analyze("age").Single().Concept;
        var query = Query.From(Index, question);

        query.Slots.Should().NotContain(s => s.Concept == pupil || s.Concept == age);
        query.PeopleAsked.Should().NotContain(pupil);
    }

    [Theory]
    [InlineData("the mum of a boy in my class sent me a friend request, should I accept?")]
    [InlineData("the parents of one of my pupils keep messaging me on whatsapp")]
    [InlineData("a year 5 dad wants to follow me on insta")]
    [InlineData("can I add the Y2 parents to a whatsapp group?")]
    public void A_relative_of_a_pupil_said_with_of_or_by_year_group_is_a_question_about_the_relative(string question)
    {
        var pupil = Index.Analyze("pupil").Single().Concept;
        var parent = Index.Analyze("parent").Single().Concept;
        var query = Query.From(Index, question);

        query.PeopleAsked.Should().Contain(parent).And.NotContain(pupil);
    }

    [Fact]
    public void A_year_group_that_is_not_a_colleague_is_still_the_pupils()
    {
        var pupil = Index.Analyze("pupil").Single().Concept;

        Query.From(Index, "can I add the year 2 class to a facebook group?").Slots.Should().Contain(s => s.Concept == pupil);
    }

    [Theory]
    [InlineData("what if something I posted turns out to be illegal?")]
    [InlineData("it turned out the account I followed was a parent's")]
    public void Turning_out_is_the_frame_of_the_question_not_a_turn(string question)
    {
        var turn = Index.Analyze("turn").Single().Concept;

        Query.From(Index, question).Slots.Should().NotContain(s => s.Concept == turn);
    }

    [Theory]
    [InlineData("quick look at fb while the kids are doing their independent writing")]
    [InlineData("replying to a whatsapp in front of the class")]
    public void Doing_something_while_pupils_are_there_is_asked_about_working_hours(string question)
    {
        var hours = Index.Analyze("working hours").Single().Concept;
        var query = Query.From(Index, question);

        query.IsDuringSessions.Should().BeTrue();
        query.Slots.Should().Contain(s => s.Concept == hours);
    }

    [Fact]
    public void A_question_that_says_when_itself_gets_no_second_time_word()
    {
        var hours = Index.Analyze("working hours").Single().Concept;

        Query.From(Index, "can I check my phone on my break?").Slots.Should().NotContain(s => s.Concept == hours);
    }

    [Theory]
    [InlineData("nicked a lovely photo off another school's website for our school page")]
    [InlineData("can I use a pic I found on google for the class blog?")]
    [InlineData("I put a video from youtube... no, a clip from someone's instagram on the school page")]
    [InlineData("can I use an image I found through a google search on the year 4 blog?")]
    [InlineData("is it ok to share a newspaper photo of our choir on the school page?")]
    [InlineData("I copied an article from the local paper onto our class blog")]
    public void Content_taken_from_someone_else_is_asked_about_copyright(string question)
    {
        var copyright = Index.Analyze("copyright").Single().Concept;

        Query.From(Index, question).Slots.Should().Contain(s => s.Concept == copyright);
    }

    [Theory]
    [InlineData("can i just set up a fb page for the summer fair myself and sort it after")]
    [InlineData("is it ok if i just open a y2 twitter myself, it'd be quicker")]
    [InlineData("can i just post sports day pics on the school fb page myself?")]
    public void Doing_it_myself_asks_whether_anyone_must_approve_it(string question)
    {
        var approval = Index.Analyze("approval").Single().Concept;

        Query.From(Index, question).Slots.Should().Contain(s => s.Concept == approval);
    }

    [Theory]
    [InlineData("can I message the PTA chair from my yahoo about the raffle?", true)]
    [InlineData("is it alright replying to a mum on my personal email?", true)]
    [InlineData("I used my icloud to send the trip letter to parents", true)]
    [InlineData("can I give a parent my gmail address?", false)]
    [InlineData("can I email parents from the school account?", false)]
    public void Writing_from_a_personal_email_account_is_a_question_about_communication(string question, bool reads)
    {
        var communicate = Index.Analyze("communicate").Single().Concept;

        Query.From(Index, question).Slots.Any(s => s.Concept == communicate).Should().Be(reads);
    }

    [Theory]
    [InlineData("could we try twitter in science lessons to share results?", true)]
    [InlineData("am I allowed to use youtube with the pupils in PE?", true)]
    [InlineData("is using blogs for teaching writing ok?", true)]
    [InlineData("can I use my phone in lessons to check messages?", false)]
    [InlineData("can I go on facebook during lessons if the class is busy?", false)]
    public void Social_media_used_in_teaching_is_the_school_s_own_use(string question, bool reads)
    {
        var official = Index.Analyze("official").Single().Concept;

        Query.From(Index, question).Slots.Any(s => s.Concept == official && s.Concepts.Count == 1).Should().Be(reads);
    }

    [Theory]
    [InlineData("is it ok to add one of my year 5s on instagram?", true)]
    [InlineData("a colleague keeps adding pupils to her tiktok", true)]
    [InlineData("can I add a photo of the trip on the school fb?", false)]
    public void Adding_people_on_a_platform_is_a_friend_request(string question, bool reads)
    {
        var friend = Index.Analyze("friend").Single().Concept;

        Query.From(Index, question).Slots.Any(s => s.Concept == friend && s.Concepts.Count == 1).Should().Be(reads);
    }

    // Policies offer training in what they cover ("a programme of training relevant to their online activities"), so
    // training "on this" is a question about the policy; other training is not.
    [Theory]
    [InlineData("will anyone give us training on this?", true)]
    [InlineData("is there training for these rules or do we just read them", true)]
    [InlineData("when is the first aid training this term?", false)]
    public void Training_on_what_the_policy_covers_is_a_policy_question(string question, bool onTopic) =>
        Query.From(Index, question).IsOnTopic.Should().Be(onTopic);

    [Theory]
    [InlineData("can i run the class page on my own or do we need someone else")]
    [InlineData("am I allowed to manage the school twitter all on my own?")]
    public void On_my_own_with_nothing_after_it_is_doing_it_alone(string question)
    {
        var alone = Index.Analyze("at least two").Single().Concept;

        Query.From(Index, question).Slots.Should().Contain(s => s.Concept == alone);
    }

    [Fact]
    public void On_my_own_phone_is_whose_phone_not_doing_it_alone()
    {
        var alone = Index.Analyze("at least two").Single().Concept;

        Query.From(Index, "can I check facebook on my own phone at lunch?").Slots.Should().NotContain(s => s.Concept == alone);
    }

    [Fact]
    public void Myself_as_the_object_of_a_verb_is_not_doing_it_alone()
    {
        var approval = Index.Analyze("approval").Single().Concept;

        Query.From(Index, "can I post a photo of myself at the summer fair on my insta?").Slots.Should().NotContain(s => s.Concept == approval);
    }

    [Theory]
    [InlineData("it was only up on my story for a day")]
    [InlineData("she put it on her story")]
    public void A_story_is_something_posted_online_so_the_question_is_on_topic(string question) =>
        Query.From(Index, question).IsOnTopic.Should().BeTrue();

    // Policies set out to protect staff from allegations (and say what to do when one is made), so a question about
    // allegations against staff is a policy question even when it names nothing online.
    [Theory]
    [InlineData("how does the school protect me from malicious allegations?")]
    [InlineData("is there anything on unfounded allegations against teachers?")]
    public void An_allegation_against_staff_is_a_policy_question(string question) =>
        Query.From(Index, question).IsOnTopic.Should().BeTrue();

    // Policies say how they sit with the school's other policies and codes ("should be read in conjunction with …", "in
    // addition to any professional standards"); staff ask it as whether the policy "sits alongside" or "fits in with"
    // them, a question about the policy itself. "Sit" there is not a site.
    [Theory]
    [InlineData("does this sit alongside the teachers' standards and code of conduct?")]
    [InlineData("how does this fit in with the code of conduct?")]
    public void How_the_policy_sits_with_other_policies_is_a_policy_question(string question)
    {
        var site = Index.Analyze("site").Single().Concept;
        var query = Query.From(Index, question);

        query.IsOnTopic.Should().BeTrue();
        query.Slots.Should().NotContain(s => s.Concept == site);
    }

    [Fact]
    public void A_message_from_someone_is_not_content_taken_from_them()
    {
        var copyright = Index.Analyze("copyright").Single().Concept;

        Query.From(Index, "I got a message from another parent on facebook").Slots.Should().NotContain(s => s.Concept == copyright);
    }

    [Theory]
    [InlineData("can i post a pic of my class on my own fb? the parents wont mind")]
    [InlineData("can I share the sports day photos on my insta, the parents are fine with it")]
    public void People_said_only_to_approve_are_not_whom_the_question_is_about(string question)
    {
        var parent = Index.Analyze("parent").Single().Concept;
        var query = Query.From(Index, question);

        query.PeopleAsked.Should().NotContain(parent);
        query.Slots.Should().NotContain(s => s.Concept == parent);
    }

    [Fact]
    public void A_colleague_said_only_to_approve_is_not_whom_the_question_is_about()
    {
        var colleague = Index.Analyze("colleague").Single().Concept;

        Query.From(Index, "can I follow a parent on tiktok? my colleague said it's fine").PeopleAsked.Should().NotContain(colleague);
    }

    [Fact]
    public void Parents_who_are_what_the_question_is_about_are_still_read()
    {
        var parent = Index.Analyze("parent").Single().Concept;

        Query.From(Index, "can I accept a friend request from a parent? she's lovely").PeopleAsked.Should().Contain(parent);
    }

    [Theory]
    [InlineData("can i put 'deputy head' in my bio?")]
    [InlineData("should I mention I'm a teacher on my insta profile")]
    public void A_role_put_on_ones_own_profile_is_ones_job_not_a_colleague(string question)
    {
        var colleague = Index.Analyze("colleague").Single().Concept;
        var job = Index.Analyze("job").Single().Concept;
        var query = Query.From(Index, question);

        query.PeopleAsked.Should().NotContain(colleague);
        query.Slots.Should().Contain(s => s.Concept == job);
    }

    [Fact]
    public void A_colleague_named_by_role_outside_a_profile_is_still_a_colleague()
    {
        var colleague = Index.Analyze("colleague").Single().Concept;

        Query.From(Index, "the deputy head keeps liking my posts on insta").PeopleAsked.Should().Contain(colleague);
    }
}
