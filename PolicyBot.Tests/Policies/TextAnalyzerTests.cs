using PolicyBot.Policies;

namespace PolicyBot.Tests.Policies;

public sealed class TextAnalyzerTests
{
    static readonly TextAnalyzer Analyzer = TextAnalyzer.Default;

    static List<string> Concepts(string text) => Analyzer.Analyze(text).Select(t => t.Concept).ToList();

    static string Concept(string word) => Concepts(word).Should().ContainSingle().Subject;

    [Theory]
    [InlineData("mum", "parent")]
    [InlineData("leaving", "leave")]
    [InlineData("insta", "instagram")]
    public void The_concept_of_a_fixed_word_is_the_one_its_analysis_gives(string word, string same)
    {
        Analyzer.ConceptOf(word).Should().Be(Concept(same));
        Analyzer.ConceptOf(word).Should().Be(Concept(word), "asked again, the cached concept is the same");
    }

    // A lesson named by its subject or activity ("during numeracy", "in guided reading") is lesson time, when policies
    // forbid staff's own use of their phones ("only outside of their classroom lesson times").
    [Theory]
    [InlineData("during numeracy")]
    [InlineData("in the middle of guided reading")]
    [InlineData("while they do their spellings")]
    public void A_lesson_named_by_its_subject_is_lesson_time(string words)
    {
        Concepts(words).Should().Contain(Concept("lesson"));
    }

    [Fact]
    public void A_word_that_is_not_one_concept_stands_for_itself()
    {
        Analyzer.ConceptOf("the").Should().Be("the");
        Analyzer.ConceptOf("school laptop").Should().Be("school laptop");
    }

    [Theory]
    [InlineData("can I use the school instagram to promote my own business?")]
    [InlineData("can I plug my business on the class page?")]
    public void My_business_after_a_verb_is_a_business_not_a_choice(string question)
    {
        Concepts(question).Should().Contain(Concept("business")).And.NotContain(Concept("choice"));
    }

    [Theory]
    [InlineData("what I post at home is my own business, right?")]
    [InlineData("it's my business what I post at home")]
    public void Saying_something_is_my_business_is_a_choice(string question)
    {
        Concepts(question).Should().Contain(Concept("choice"));
    }

    // Following one's standards or code of conduct is complying with them ("complies with any professional standards
    // which cover your role"), not following an account.
    [Theory]
    [InlineData("do i have to follow my teaching standards on my personal twitter")]
    [InlineData("should we follow the code of conduct on our own accounts?")]
    public void Following_standards_or_a_code_of_conduct_is_complying(string question)
    {
        Concepts(question).Should().Contain(Concept("comply")).And.NotContain(Concept("follow"));
    }

    [Theory]
    [InlineData("taking")]
    [InlineData("took")]
    [InlineData("taken")]
    [InlineData("takes")]
    public void Take_in_any_form_is_a_stop_word_as_take_is(string word)
    {
        Concepts("take").Should().BeEmpty();
        Concepts(word).Should().BeEmpty();
    }

    [Theory]
    [InlineData("my best friend", "friend")]
    [InlineData("act in the best interests of children", "interest")]
    [InlineData("the internet may not be the best medium", "medium")]
    public void Best_praises_and_names_nothing_a_rule_is_about(string text, string kept)
    {
        // "Best" in "best interests", "best practice", "not the best medium" or "my best mate" is never what a rule
        // or a question is about; read as a word it tied a question about a friend to a caution about vulnerable pupils.
        Concepts(text).Should().NotContain(c => c.StartsWith("best", StringComparison.Ordinal));
        var stem = kept.Substring(0, 4);
        Concepts(text).Should().Contain(c => c.StartsWith(stem, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("doesn't")]
    [InlineData("arent")]
    [InlineData("wasn't")]
    [InlineData("shouldnt")]
    [InlineData("didn't")]
    public void A_contracted_negative_is_a_stop_word_as_dont_is(string word) =>
        Concepts(word).Should().BeEmpty();

    [Fact]
    public void To_call_into_question_is_not_a_phone_call()
    {
        Concepts("contact likely to call into question their objectivity").Should().NotContain(Concept("phone"));
        Concepts("can I call a parent about it?").Should().Contain(Concept("phone"));
    }

    // Checking what others post or the comments on a page is what policies call monitoring content.
    [Theory]
    [InlineData("who is going to check the comments on the school page?")]
    [InlineData("do I need to check what the kids upload?")]
    public void Checking_what_is_posted_is_monitoring(string question) =>
        Concepts(question).Should().Contain(Concept("monitoring"));

    // Each row: a common phrase in which a vocabulary word means something else, the word, and a text where it does mean it.
    [Theory]
    [InlineData("Misuse can be summarised as follows; the following guidelines apply", "follow", "a parent followed me on insta")]
    [InlineData("information they have access to during the course of their work", "training", "can I go on a course about it?")]
    [InlineData("this will be addressed by the school in the first instance", "address", "can I give a parent my address?")]
    [InlineData("making an initial assessment when an incident is reported; a risk assessment", "grades", "can I post the assessment results?")]
    [InlineData("you can only see the back of her head", "headteacher", "do I need to ask the head?")]
    [InlineData("use chat rooms and instant messaging with caution", "immediately", "report it instantly")]
    [InlineData("children under the minimum age gaining access to the site", "money", "using the site for personal gain")]
    [InlineData("can I reply and call them a bunch of clowns?", "phone", "can I call her on my mobile?")]
    [InlineData("complete the approval form and forward it", "tone", "should the school page be more formal?")]
    [InlineData("handle offensive comments swiftly", "account", "can I tell a parent my handle?")]
    [InlineData("the internet provides a wide range of tools; misuse can range from inappropriate to criminal", "phone", "a parent rang me at home")]
    [InlineData("a 9 yr old in my class is on tiktok", "former", "can I accept a request from an old pupil?")]
    [InlineData("a message that reads like a threat", "read", "have I read and understood this policy?")]
    [InlineData("she posted a racist joke", "joke", "a joke about a colleague's weight")]
    [InlineData("I don't know who to ask about a class blog", "identify", "we know who sent the messages")]
    [InlineData("make ill-considered comments about staff", "ill", "a colleague is off ill")]
    [InlineData("to retain the confidence and respect of colleagues; so that parents have confidence in the school", "confidential", "a legal duty of confidence")]
    [InlineData("so that they can make informed judgements", "report", "the DSL must be informed")]
    [InlineData("communication only within clear and explicit professional boundaries", "indecent", "a pupil sent an explicit pic")]
    [InlineData("responsibility lies first with the host site", "defame", "a parent is posting lies about me")]
    [InlineData("is there a form or something for starting a club account?", "tone", "should the school page be more formal?")]
    [InlineData("Good Practice Guidance (Home Office Task Force on Child Protection on the Internet)", "home", "a pupil posted something worrying about home")]
    [InlineData("can we put a pop song on as the backing track for the assembly video?", "monitor", "does the school keep track of what I post?")]
    public void A_word_in_another_sense_is_not_read_as_its_concept(string otherSense, string word, string sameSense)
    {
        var concept = Concept(word);
        Concepts(otherSense).Should().NotContain(concept);
        Concepts(sameSense).Should().Contain(concept);
    }

    [Theory]
    [InlineData("of course I'd ask first", "information they have access to during the course of their work")]
    [InlineData("it's as follows", "the following guidelines apply")]
    [InlineData("a range of things", "can range from inappropriate to criminal")]
    [InlineData("fine as long as I am careful", "how long it takes")]
    [InlineData("do I need a fit note from my GP", "it is important to note that information posted is public")]
    public void Phrases_that_stand_for_nothing_do_not_meet_each_other(string question, string policy)
    {
        // Stop phrases drop their words; they are not one shared concept that would tie "of course" to "the course of".
        Concepts(question).Should().NotIntersectWith(Concepts(policy));
    }

    [Fact]
    public void A_stop_phrase_keeps_the_positions_of_its_words()
    {
        var terms = Analyzer.Analyze("parent of course photo");

        terms.Select(t => t.Position).Should().Equal(0, 3);
    }

    [Fact]
    public void Calling_someone_a_name_is_derogatory() =>
        Concepts("can I call them a bunch of clowns?").Should().Contain(Concept("insult"));

    [Fact]
    public void Instant_messaging_and_gaining_access_keep_their_sense()
    {
        Concepts("instant messaging").Should().Equal(Concept("message"));
        Concepts("gaining access").Should().Equal(Concept("access"));
    }

    [Theory]
    [InlineData("insta", "instagram")]
    [InlineData("fb", "facebook")]
    [InlineData("the school X account", "the school twitter account")]
    [InlineData("pics", "photograph")]
    [InlineData("selfie", "photo")]
    [InlineData("mum", "parent")]
    [InlineData("dad", "carer")]
    [InlineData("kids", "pupils")]
    [InlineData("Y5", "pupil")]
    [InlineData("year 5", "students")]
    [InlineData("DMs", "message")]
    [InlineData("senior leadership team", "SLT")]
    [InlineData("the head teacher", "headteacher")]
    [InlineData("log-in details", "password")]
    [InlineData("e-mail", "email")]
    [InlineData("the zoo", "a school trip")]
    [InlineData("a museum", "visits")]
    [InlineData("a 9 year old", "a child")]
    [InlineData("on fb a fair bit", "on fb excessively")]
    [InlineData("my first week", "joining")]
    [InlineData("starting here next month", "joining next month")]
    [InlineData("the school can see our emails", "monitoring our emails")]
    [InlineData("the school checks our emails", "monitoring our emails")]
    [InlineData("it hasn't been confirmed", "it hasn't been verified")]
    [InlineData("nobody's confirmed the score", "verify the score")]
    [InlineData("I started as a TA", "I joined a TA")]
    [InlineData("just for fun", "trivial")]
    [InlineData("looking into it", "an investigation")]
    [InlineData("taken out of context", "misconstrued")]
    [InlineData("a racist joke", "racism")]
    [InlineData("most of my day", "excessively")]
    [InlineData("we know who", "the identity")]
    [InlineData("my acct", "my account")]
    [InlineData("the offending content", "offensive content")]
    [InlineData("a meme off someone's insta", "a meme from someone else's insta")]
    [InlineData("I gave her my login", "I give her my login")]
    [InlineData("lent him my password", "give him my password")]
    [InlineData("officially announced", "public domain")]
    [InlineData("made public", "public domain")]
    [InlineData("out there", "public domain")]
    [InlineData("before the school goes public", "before the school is in the public domain")]
    [InlineData("would that break any rules", "a breach")]
    [InlineData("is that against policy", "a breach")]
    [InlineData("I broke the rules", "breached")]
    [InlineData("as an employee", "employer")]
    [InlineData("as members of staff", "where I work")]
    [InlineData("wait till Friday", "wait until Friday")]
    [InlineData("in my own time", "outside of work")]
    [InlineData("in their own time", "out of hours")]
    [InlineData("who do I tell", "report it")]
    [InlineData("who should we tell", "inform")]
    [InlineData("my own kids", "family members")]
    [InlineData("her own children", "a relative")]
    [InlineData("TA at", "where I work")]
    [InlineData("teaching assistant at", "as an employee")]
    [InlineData("should I tell someone", "should I report")]
    [InlineData("do I have to tell anyone", "do I have to inform")]
    [InlineData("things aren't ok at home", "things concern")]
    [InlineData("not safe at home", "a concern")]
    [InlineData("things aren't right at home", "things concern")]
    [InlineData("a bit chattier", "tone")]
    [InlineData("extreme videos", "radicalisation")]
    [InlineData("does the school see", "monitor")]
    [InlineData("keep track of", "monitoring")]
    [InlineData("without saying who I am", "anonymously")]
    [InlineData("without giving my name", "anonymous")]
    [InlineData("my teaching partner", "my colleague")]
    [InlineData("my job share", "a colleague")]
    [InlineData("add people I work with", "add colleagues")]
    public void Staff_words_and_policy_words_meet_in_one_concept(string staffWords, string policyWords)
    {
        Concepts(staffWords).Should().Equal(Concepts(policyWords));
    }

    [Fact]
    public void Questions_expand_platforms_to_social_media()
    {
        var socialMedia = Concept("social media");

        Analyzer.Vocabulary.Expansions(Concept("instagram")).Should().Contain(e => e.Concept == socialMedia);
    }

    [Fact]
    public void Questions_expand_a_parent_to_a_family_member()
    {
        var family = Concept("family members");

        Analyzer.Vocabulary.Expansions(Concept("mum")).Should().Contain(e => e.Concept == family);
    }

    [Fact]
    public void Follow_reaches_friend()
    {
        var friend = Concept("friends");

        Analyzer.Vocabulary.Expansions(Concept("follow")).Should().Contain(e => e.Concept == friend && e.Weight >= 0.5);
    }

    // Staff name what they are worried about in their own words; the policy's words are reached through expansions.
    [Theory]
    [InlineData("he wants to meet her at the park", "grooming")]
    [InlineData("from my hotmail", "personal")]
    [InlineData("bullying a classmate", "peer")]
    [InlineData("a parent asked for my mobile number", "personal")]
    [InlineData("a parent asked for my mobile number", "phone")]
    [InlineData("a mum asked for my number", "phone")]
    [InlineData("will someone show me how to do it?", "training")]
    [InlineData("is it my job to check the comments?", "responsible")]
    [InlineData("whose job is it to deal with this?", "responsibility")]
    [InlineData("a post about the school down the road", "organisation")]
    [InlineData("a tumblr for the art department", "social media")]
    [InlineData("the new building is rubbish", "derogatory")]
    [InlineData("the trip was awful", "negative")]
    [InlineData("I gave the TA my login", "share")]
    [InlineData("a local bakery", "external")]
    [InlineData("can it wait till next week?", "respond")]
    [InlineData("someone doxxed a colleague", "address")]
    [InlineData("a TA has an onlyfans", "inappropriate")]
    [InlineData("do I need to tell the LADO?", "allegation")]
    [InlineData("a climate march", "political")]
    [InlineData("going to a rally", "political")]
    [InlineData("the football club", "organisation")]
    [InlineData("my partner's business", "organisation")]
    [InlineData("who sorts out the account when I leave?", "responsible")]
    [InlineData("can you sort out my class page", "manage")]
    [InlineData("his mum said he's just finished chemo", "health")]
    [InlineData("tidy up my digital footprint", "information")]
    [InlineData("my online presence", "information")]
    public void Staff_phrases_reach_the_policy_concept(string staffWords, string policyWord)
    {
        var target = Concept(policyWord);

        Concepts(staffWords).SelectMany(c => Analyzer.Vocabulary.Expansions(c)).Should().Contain(e => e.Concept == target);
    }

    [Fact]
    public void A_full_name_identifies_someone_more_than_a_name_does()
    {
        var identify = Concept("identifiable");
        double Reach(string words) => Concepts(words).SelectMany(c => Analyzer.Vocabulary.Expansions(c))
            .Where(e => e.Concept == identify).Select(e => e.Weight).DefaultIfEmpty(0).Max();

        Reach("their full names").Should().BeGreaterThan(Reach("their names"));
    }

    [Fact]
    public void A_contraction_is_not_read_as_another_word()
    {
        // Without the apostrophe "we'd" is "wed", "I'll" is "ill" and "she'd" is "shed".
        Concepts("we'd like a class blog, I'll run it and she'd help").Should().Equal(Concepts("we like a class blog, I run it and she help"));
    }

    [Fact]
    public void Stop_words_and_chat_fillers_are_dropped()
    {
        Concepts("can i just ask, tbh is it ok?").Should().BeEmpty();
    }

    [Fact]
    public void The_vocabulary_is_loaded_from_the_embedded_data_file()
    {
        Analyzer.Vocabulary.StopWords.Should().Contain("the");
        Analyzer.Vocabulary.DomainConcepts.Should().Contain(Concept("social media"));
        Analyzer.Vocabulary.Platforms.Should().Contain(Concept("tiktok"));
    }

    [Theory]
    [InlineData("can I just set one up?", "set up")]
    [InlineData("who takes it down?", "take down")]
    [InlineData("who signs this off?", "sign off")]
    [InlineData("her top had ridden right up", "ridden up")]
    public void A_phrasal_verb_split_by_a_pronoun_reads_as_the_phrase(string question, string phrase)
    {
        Concepts(question).Should().Contain(Concept(phrase));
    }

    [Fact]
    public void Snapping_a_pic_is_taking_a_photo_not_snapchat()
    {
        Concepts("I snapped a pic during PE").Should().Contain(Concept("photo")).And.NotContain(Concept("snapchat"));
    }

    [Theory]
    [InlineData("can I be the only admin on the class page?")]
    [InlineData("I'm the only person who posts on the school twitter")]
    [InlineData("is it ok if I moderate the blog by myself")]
    public void Running_something_alone_meets_a_rule_that_asks_for_at_least_two(string question)
    {
        // "At least two approved administrators": stop words alone, so "the only admin" would not reach it.
        var atLeastTwo = Concept("at least two");
        Concepts("must designate at least two approved administrators").Should().Contain(atLeastTwo);
        Concepts(question).Should().Contain(atLeastTwo);
    }

    [Theory]
    [InlineData("wat happens if i post it", "what happens if i post it")]
    [InlineData("cud i get sacked", "could i get sacked")]
    [InlineData("shud i reply b4 the head sees it", "should i reply before the head sees it")]
    [InlineData("can u msg some1 from ur phone", "can you message someone from your phone")]
    [InlineData("can i keep the pw in my notes", "can i keep the password in my notes")]
    [InlineData("a journo messaged me", "a journalist messaged me")]
    [InlineData("a kid dm'd me on tiktok", "a kid messaged me on tiktok")]
    [InlineData("a parent pm'd me", "a parent messaged me")]
    [InlineData("can i list the school as my employer? kinda need it", "can i list the school as my employer? kind of need it")]
    [InlineData("it's sorta private", "it's sort of private")]
    [InlineData("i can post it tbf", "i can post it")]
    [InlineData("idk if i can post it", "dunno if i can post it")]
    public void Chat_shorthand_reads_as_the_words_it_stands_for(string shorthand, string spelledOut)
    {
        // Staff type in Teams as they text; the shorthand must neither become a concept of its own nor miss the word it means.
        Concepts(shorthand).Should().Equal(Concepts(spelledOut));
    }

    [Theory]
    [InlineData("can I keep the school twitter password in my notes app?")]
    [InlineData("is it ok to write the login on a sticky note")]
    public void Keeping_a_password_in_notes_reaches_the_rule_on_storing_it(string question)
    {
        // Policies say "store account details, including passwords securely"; staff say where they keep them.
        var store = Concept("store");
        Concepts("Store account details, including passwords securely").Should().Contain(store);
        var notes = Concepts(question).Should().ContainSingle(c => Analyzer.Vocabulary.Expansions(c).Any(e => e.Concept == store)).Subject;
        Concepts(question).Should().NotContain(Concept("software"), "a notes app is where it is kept, not an app");
        notes.Should().NotBe(store);
    }

    [Theory]
    [InlineData("can I say what I think about the new reading scheme on the school page?")]
    [InlineData("is it ok to give my two cents on the school twitter")]
    [InlineData("can I share my thoughts on the head's decision on facebook")]
    public void Saying_what_one_thinks_is_an_opinion(string question)
    {
        // Policies say "personal opinions should not be expressed on official sites"; staff say what they think.
        Concepts(question).Should().Contain(Concept("opinion"));
    }

    [Theory]
    [InlineData("am I meant to keep the class page up to date?")]
    [InlineData("the info on our school insta is out of date")]
    public void Keeping_something_up_to_date_is_updating_it(string question)
    {
        // Policies give the account's owner "regularly monitoring, updating and managing content"; staff say "up to date".
        Concepts(question).Should().Contain(Concept("updating"));
    }

    [Fact]
    public void Flogging_something_is_selling_it()
    {
        Concepts("can I flog my cakes on the school page").Should().Contain(Concept("selling"));
    }

    [Theory]
    [InlineData("a snarky comment about the new TA")]
    [InlineData("a catty post about a colleague")]
    public void A_snarky_remark_reaches_derogatory_as_a_sarcastic_one_does(string question)
    {
        var derogatory = Concept("derogatory");
        Concepts(question).Should().Contain(c => Analyzer.Vocabulary.Expansions(c).Any(e => e.Concept == derogatory));
    }

    [Theory]
    [InlineData("a pic from the trip where a kid is half changed")]
    [InlineData("a video of the kids getting changed after swimming")]
    public void A_pupil_half_changed_is_about_being_appropriately_dressed(string question)
    {
        var dressed = Concept("dressed");
        Concepts(question).Should().Contain(c => Analyzer.Vocabulary.Expansions(c).Any(e => e.Concept == dressed && e.Weight >= 0.8));
    }

    [Theory]
    [InlineData("the head ok'd the class blog")]
    [InlineData("SLT OKed it last week")]
    public void Okaying_something_is_approving_it(string question)
    {
        Concepts(question).Should().Contain(Concept("approved"));
    }

    [Fact]
    public void Signing_for_a_policy_reaches_having_read_and_understood_it()
    {
        // A policy's return slip says "I have read and understand the policy … and agree to abide by it"; staff ask what to sign.
        var understand = Concept("understand");
        Concepts("I have read and understand the School Social Media Policy").Should().Contain(understand);
        Analyzer.Vocabulary.Expansions(Concepts("do I have to sign anything?").Single()).Should().Contain(e => e.Concept == understand);
    }

    [Theory]
    [InlineData("the opinions expressed here do not necessarily reflect those of my employer")]
    [InlineData("do i need one of those 'views are my own' things on my twitter")]
    public void A_statement_that_views_are_ones_own_is_a_disclaimer(string text)
    {
        // Policies quote the disclaimer they ask for ("… do not necessarily reflect those of my employer") without naming it.
        Concepts(text).Should().Contain(Concept("disclaimer"));
    }

    [Theory]
    [InlineData("participating online in a personal capacity may attract media interest in you as an individual")]
    [InlineData("a local news site picked up my video")]
    public void Media_interest_and_the_local_news_are_the_press(string text)
    {
        Concepts(text).Should().Contain(Concept("press"));
    }

    [Fact]
    public void Saying_who_I_am_is_identifying_myself()
    {
        // Policies say staff on official sites "must identify who they are"; staff ask whether they must say who they are.
        Concepts("do i have to say who i am when i post on the school page").Should().Contain(Concept("identify"));
    }

    [Fact]
    public void A_group_shot_is_a_photo()
    {
        Concepts("it's a great group shot of the class").Should().Contain(Concept("photo"));
    }

    [Theory]
    [InlineData("some kids in my class are being nasty to each other in a whatsapp group")]
    [InlineData("two of my Y6s are being really mean to each other online")]
    public void Pupils_nasty_to_each_other_is_peer_on_peer_bullying(string question)
    {
        // Policies say "where staff become aware of peer on peer cyberbullying … refer to the Behaviour Policy".
        var bully = Concept("bullying");
        var peer = Concept("peer");
        Concepts(question).Should().Contain(c => Analyzer.Vocabulary.Expansions(c).Any(e => e.Concept == bully)
            && Analyzer.Vocabulary.Expansions(c).Any(e => e.Concept == peer));
    }

    [Theory]
    [InlineData("we used a pic from another school's site with their ok")]
    [InlineData("the parent said ok to me using it")]
    public void Someone_saying_ok_is_their_permission(string question)
    {
        Concepts(question).Should().Contain(Concept("permission"));
    }

    [Fact]
    public void Crediting_someone_is_above_all_acknowledging_them()
    {
        // "Do I need to credit them?" asks about policies' "fail to acknowledge where permission has been given".
        var acknowledge = Concept("acknowledge");
        Analyzer.Vocabulary.Expansions(Concept("credit")).Should().Contain(e => e.Concept == acknowledge && e.Weight >= 0.9);
    }

    [Theory]
    [InlineData("responsible")]
    [InlineData("responsibilities")]
    public void Responsible_and_responsibility_are_one_concept(string word)
    {
        // The stemmer leaves "responsibl" and "responsibiliti" apart; "who is responsible?" asks about "the responsibility of".
        Concept(word).Should().Be(Concept("responsibility"));
    }

    [Theory]
    [InlineData("does school actually look at what i do on the school internet?")]
    [InlineData("does the school actually see what i look at on the staff wifi")]
    public void The_school_looking_at_what_I_do_is_monitoring(string question)
    {
        Concepts(question).Should().Contain(Concept("monitoring"));
    }

    [Fact]
    public void A_dig_at_someone_is_derogatory()
    {
        Concepts("is it ok to post a jokey dig at a colleague on the class page").Should().Contain(Concept("derogatory"));
    }

    [Fact]
    public void Asking_whether_to_say_something_is_asking_whether_to_report()
    {
        Concepts("a colleague posted a racist joke in the staff group, should i say something").Should().Contain(Concept("report"));
    }
}
