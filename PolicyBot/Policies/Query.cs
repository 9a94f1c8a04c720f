using System.Text.RegularExpressions;

namespace PolicyBot.Policies;

/// <summary>
/// A question, analysed against one policy: one slot per content word (with its vocabulary expansions and their
/// weights), each slot weighted by how informative its word is in this policy.
/// </summary>
internal sealed partial class Query
{
    internal sealed record Slot(string Concept, double Weight, IReadOnlyList<(string Concept, double Weight)> Concepts);

    public required IReadOnlyList<Slot> Slots { get; init; }
    public required IReadOnlyDictionary<string, double> Weights { get; init; }
    public required double TotalSlotWeight { get; init; }
    public required bool IsOnTopic { get; init; }

    /// <summary>Does the question name anything online (social media, a platform, a post, a message, an account …)?</summary>
    public required bool IsAboutSomethingOnline { get; init; }
    public required bool AsksAboutDuty { get; init; }
    public required bool IsFirstPerson { get; init; }
    public required bool AsksWhoApproves { get; init; }
    public required bool AsksWhatToDo { get; init; }

    /// <summary>"Who do I tell?": of the reporting rules, the one that names whom answers.</summary>
    public bool AsksWhoToTell { get; init; }
    public required bool AsksAboutConsequences { get; init; }
    public required bool AsksAboutScope { get; init; }

    /// <summary>"Does WhatsApp count as social media?": the question asks what a word means.</summary>
    public required bool AsksWhatItIs { get; init; }
    public required bool StatesApprovalGiven { get; init; }
    public required bool AsksPermission { get; init; }

    /// <summary>"Not sure if it's OK to reply": the staff member says they are unsure, so "if in doubt, …" is for them.</summary>
    public required bool SaysUnsure { get; init; }

    /// <summary>"I'm on tiktok most of PPA", "on fb a lot during the day": how much the staff member uses social media.</summary>
    public required bool DescribesHeavyUse { get; init; }

    /// <summary>The concept of the action a permission question asks about ("can I just block them?" → block), or null.</summary>
    public required string? AskedAction { get; init; }

    /// <summary>
    /// The question happens while the staff member is teaching or supervising ("my phone in the lesson", "on yard duty",
    /// even at lunch, "while the kids are doing maths"), not on a break or in the staffroom.
    /// </summary>
    public required bool IsDuringSessions { get; init; }
    public required Owner Owner { get; init; }
    public required TextAnalyzer Analyzer { get; init; }
    public required PolicyIndex Index { get; init; }
    public required HashSet<string> Originals { get; init; }

    /// <summary>The question speaks of something personal ("my own phone", "my private account"); "the school's own account" does not.</summary>
    public required bool NamesPersonal { get; init; }

    /// <summary>
    /// Words that only say whose someone or something is ("my son's football team", "my sister's friend"): the question is
    /// about the team or the friend, not the son or the sister, so it does not meet "unless the pupils are family members".
    /// </summary>
    public IReadOnlySet<string> OnlyOwners { get; init; } = new HashSet<string>(StringComparer.Ordinal);

    /// <summary>"Am I responsible for …?", "is that on me?" (<see cref="VerdictClassifier.AsksIfResponsible"/>).</summary>
    public bool AsksIfResponsible { get; init; }

    /// <summary>
    /// The question names an end of the staff member's own: something personal, someone of their own life ("my sister",
    /// "my mate's"), a venture of theirs ("my etsy shop"), or a word that reaches "personal"
    /// ("advertise", "sell", "business").
    /// </summary>
    public bool NamesOwnEnds { get; init; }

    /// <summary>
    /// The question is about starting a new official site or account for the school or a class ("how do I set up a class
    /// blog?", "can we start a PE twitter account?"), not about one's own or using one that exists.
    /// </summary>
    public required bool AsksToSetUpOfficialSite { get; init; }

    /// <summary>The people the question is about (pupils, parents, family, colleagues), not counting mere owners.</summary>
    public required IReadOnlySet<string> PeopleAsked { get; init; }

    /// <summary>Whose device alone the question is about (<see cref="Ownership.DevicesOfQuestion"/>).</summary>
    public Owner DeviceOwner { get; init; }

    /// <summary>"Does school do anything?", "what will the school do?": the question asks how the school responds, not what staff must do.</summary>
    public bool AsksWhatSchoolDoes { get; init; }

    string C(string word) => Analyzer.ConceptOf(word);

    const double PlatformWeight = 0.4;

    /// <summary>How strongly a question word must reach "personal" to name an end of the staff member's own.</summary>
    const double MinPersonalReach = 0.3;

    public static Query From(PolicyIndex index, string question)
    {
        var analyzer = index.Analyzer;
        var vocabulary = analyzer.Vocabulary;
        // "One of the year 2 teachers", "the Y6 TA": the year group says which colleague, not that the question is about pupils.
        question = StaffOfYearGroup().Replace(YearGroupOfStaff().Replace(question, "${role}"), "${role}");
        // "A Y3 mum", "a reception dad": the year group says whose parent, as "a pupil's mum" does.
        question = YearGroupOfParent().Replace(question, "pupil's ${parent}");
        // "Can I post a pic of my class on my fb? The parents won't mind": people said only to approve are why the staff member
        // thinks it is fine, not whom the question is about.
        question = TheyWontMind().Replace(question, " ");
        // "Put 'deputy head' in my bio": a role the staff member puts on their own profile is their job, not a colleague.
        if (ProfileAsPlace().IsMatch(question))
            question = OwnRole().Replace(question, "job");
        // "Can I run the class page on my own, or do we need someone else?": with no thing after it, "on my own" is doing it
        // alone (a rule's "at least two"), not something owned ("on my own phone").
        question = OnMyOwnAlone().Replace(question, "by myself");
        var saysPrivate = AccountIsPrivate().IsMatch(question);
        // "My insta is private, so can I say what I like?" says access is already restricted: it asks what that is worth
        // ("regardless of their privacy settings …"), not how to restrict access, as "should I make my fb private?" and
        // "should my fb be private?" do.
        var alreadyPrivate = AccountIsPrivate().Matches(question).Any(m => !MakePrivate().IsMatch(m.Value));
        question = AccountIsPrivate().Replace(question, "${pre}privacy settings");
        // "Do I need to follow this?": said to a policy bot, "this" is the policy, and following it is complying, not
        // following someone online.
        question = FollowThis().Replace(question, "${duty} to comply with this policy");
        // "I start in September", "I'm starting after half term": the staff member starting, with a time and nothing
        // started, is joining the school, not setting up a site.
        question = StaffStarts().Replace(question, "${who} join ");
        // "I've got a new job", "I've been offered a job elsewhere": the staff member is leaving this school, not joining it.
        question = NewJobElsewhere().Replace(question, "i am leaving");
        var terms = index.Analyze(TurnsOut().Replace(OtherSensesOfLeave(AdviceFrame().Replace(TagQuestion().Replace(question, ""), " ")), " "));
        var slots = new List<Slot>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var weights = new Dictionary<string, double>(StringComparer.Ordinal);
        var onTopic = false;
        var online = false;
        var onlineConcepts = index.OnlineConcepts;
        var rareIdf = index.Idf("\u0000never-seen");
        // A concept the question implies rather than says (responsibility in "is that on me?"): its idf in this policy, or half
        // a rare word's where the policy never uses it.
        double ImpliedWeight(string concept) => index.Knows(concept) ? index.Idf(concept) : rareIdf * 0.5;
        // A slot for an implied concept, found only as itself, at its implied weight × how much the reading counts for.
        void Imply(string concept, double factor = 1.0) => slots.Add(new Slot(concept, ImpliedWeight(concept) * factor, [(concept, 1.0)]));
        var generic = index.GenericWords;
        var possessors = Possessors(index, question);
        // "New TA, …", "lunchtime supervisor here.": the staff member says who they are before asking; the role names the
        // asker, not colleagues the question is about, so it weighs as an owner does. Not when whom the policy covers is asked.
        if (!VerdictClassifier.AsksAboutScope(question))
            possessors.UnionWith(AskerRole(index, question));
        // "Could posting X get me sacked?" asks about the consequence; X is the context.
        var asksConsequences = VerdictClassifier.AsksAboutConsequences(question);
        var consequence = analyzer.ConceptOf("disciplinary");
        // "I left in the summer", "when I leave": the staff member leaves the school's employment, which the rules for
        // former pupils ("current or prior pupils") are not about; "leave" reaches "former" only for someone else leaving.
        var staffLeaves = StaffLeaves().IsMatch(question);
        var profile = analyzer.ConceptOf("profile");
        var own = analyzer.ConceptOf("own");
        var profileIsPlace = ProfileAsPlace().IsMatch(question);
        var (leave, former) = (analyzer.ConceptOf("leave"), analyzer.ConceptOf("former"));
        var (privacySettings, restrictAccess) = (analyzer.ConceptOf("privacy settings"), analyzer.ConceptOf("restrict access"));
        foreach (var term in terms)
        {
            if (!seen.Add(term.Concept))
                continue;
            var concepts = new Dictionary<string, double>(StringComparer.Ordinal) { [term.Concept] = 1.0 };
            foreach (var (c1, w1) in vocabulary.Expansions(term.Concept))
            {
                Raise(concepts, c1, w1);
                foreach (var (c2, w2) in vocabulary.Expansions(c1))
                    Raise(concepts, c2, w1 * w2 * 0.8);
            }
            if (staffLeaves && term.Concept == leave)
                concepts.Remove(former);
            if (alreadyPrivate && term.Concept == privacySettings)
                concepts.Remove(restrictAccess);
            foreach (var (c, w) in concepts)
            {
                Raise(weights, c, w);
                if (w >= 0.5 && vocabulary.DomainConcepts.Contains(c))
                    onTopic = true;
                if (w >= 0.5 && (onlineConcepts.Contains(c) || vocabulary.Platforms.Contains(c)))
                    online = true;
            }
            // Words neither the policy nor the vocabulary knows (names, slang, typos) count, but less.
            var known = index.Knows(term.Concept) || vocabulary.Expansions(term.Concept).Count > 0 || vocabulary.DomainConcepts.Contains(term.Concept);
            var slotWeight = index.Knows(term.Concept) ? index.Idf(term.Concept) : known ? rareIdf * 0.5 : rareIdf * 0.15;
            if (generic.Contains(term.Concept))
                slotWeight *= 0.3;
            // In "a kid's mum" the question is about the mum: the owner only says whose.
            if (possessors.Contains(term.Concept))
                slotWeight *= PossessorWeight;
            if (asksConsequences && term.Concept == consequence && !AmIInTrouble().IsMatch(question))
                slotWeight *= ConsequenceFocus;
            // "My own account", "their own devices": "own" says whose the thing is, which the owner readings weigh
            // (Ownership); as a word it would otherwise match any clause about anyone's own things at a content word's weight.
            if (term.Concept == own)
                slotWeight *= OwnWordWeight;
            // "Put where I work on my fb bio": the profile is where the thing goes, said as a platform is, not what is asked about.
            if (term.Concept == profile && profileIsPlace)
            {
                slotWeight *= PlatformWeight;
                concepts[term.Concept] = PlatformWeight;
                weights[term.Concept] = Math.Min(weights[term.Concept], PlatformWeight);
            }
            if (vocabulary.WeakWords.Contains(term.Concept))
            {
                slotWeight *= 0.3;
                concepts[term.Concept] = 0.3;
            }
            if (vocabulary.Platforms.Contains(term.Concept))
            {
                slotWeight *= PlatformWeight;
                concepts[term.Concept] = PlatformWeight;
                foreach (var (c, w) in concepts.ToList())
                    Raise(weights, c, w);
                weights[term.Concept] = Math.Min(weights[term.Concept], PlatformWeight);
            }
            slots.Add(new Slot(term.Concept, slotWeight, concepts.Select(kv => (kv.Key, kv.Value)).ToList()));
        }
        // "A facebook group for my Y3s", "my 9 year olds on tiktok": pupils under 13 on a social media platform are below
        // the minimum age its provider sets, which policies name; the pupils' age is a word of the question, but a light
        // one. The school's own blog or site sets no such age.
        if (seen.Overlaps(vocabulary.Platforms) && UnderThirteen().IsMatch(question) && analyzer.ConceptOf("age") is var age && seen.Add(age))
            Imply(age, UnderThirteenWeight);
        // "Is that on me?", "is it down to us?": whose responsibility it is, which clauses say in those words.
        if (OnMe().IsMatch(question) && analyzer.ConceptOf("responsibility") is var responsibility && seen.Add(responsibility))
            Imply(responsibility);
        // "A Y6 kid followed me on tiktok", "a pupil keeps messaging me", "got a friend request from a mum": contact someone
        // else makes with the staff member, which policies call an attempt to contact them or a request they receive, apart
        // from the rules on contact staff make ("do not make 'friends' of pupils").
        if (ContactedBySomeone().IsMatch(question) && analyzer.ConceptOf("attempt") is var attempt && analyzer.ConceptOf("receive") is var receive
            && !seen.Contains(attempt) && seen.Add(receive))
            slots.Add(new Slot(receive, Math.Max(ImpliedWeight(attempt), ImpliedWeight(receive)) * ContactedWeight, [(attempt, 1.0), (receive, 0.5)]));
        // "A photo I found on google", "nicked a picture off another school's website": content taken from someone else is
        // what policies' copyright rules are about ("using someone else's images … without permission"), whatever the words.
        if (TakenFromOthers().IsMatch(question) && analyzer.ConceptOf("copyright") is var copyright && seen.Add(copyright))
            Imply(copyright, TakenFromOthersWeight);
        // "Can I just set up a fb page for the fair myself?", "post the sports day pics on the school page myself": doing it
        // oneself asks whether anyone must approve it, which policies' approval rules answer, though it says no approval word.
        if (DoItMyself().IsMatch(question) && analyzer.ConceptOf("approval") is var approval && seen.Add(approval))
            Imply(approval, DoItMyselfWeight);
        // "Email parents from my gmail", "using my hotmail to email a pupil": the staff member writes to people from a personal
        // email account, which policies rule on as communication ("keep any communications … by only using the school email
        // addresses, not their personal account"), apart from giving someone the address.
        if (FromPersonalEmail().IsMatch(question) && analyzer.ConceptOf("communicate") is var communicate && seen.Add(communicate))
            Imply(communicate, FromPersonalEmailWeight);
        // "Can I use social media in my lessons?", "using twitter with my class", "blogs for teaching": social media used in
        // teaching is the school's use of it, which policies call use "in a professional capacity" or "for work purposes",
        // not the staff member's own use during lesson times.
        if (TeachingWithSocialMedia().IsMatch(question) && seen.Add(index.OfficialConcept))
            Imply(index.OfficialConcept, TeachingWithSocialMediaWeight);
        // "Can I add a kid from my class on snap?", "adding a few parents on fb": adding people on a platform is a friend
        // request, which policies rule on as making "friends" of them; "add" alone ("add a photo") is a weak word.
        if (AddsPeopleOnPlatform().IsMatch(question) && analyzer.ConceptOf("friend") is var friend && seen.Add(friend))
            Imply(friend, AddsPeopleWeight);
        // "I'm a governor, does this apply to me?": whom the policy covers is a question about the policy itself, whatever
        // else it names (a role, a day of the week), so it is on topic though it names nothing the policy is about, and
        // it is about the policy's online rules, so it needs no more of its words in a clause than an online question does.
        var asksScope = VerdictClassifier.AsksAboutScope(question);
        onTopic |= asksScope;
        // "Is the policy for us too?", "does it cover me?": policies say whom they cover as "applies to" or "extends to",
        // which the question need not say.
        if (asksScope && analyzer.ConceptOf("applies") is var applies && analyzer.ConceptOf("extends") is var extends
            && !seen.Contains(extends) && seen.Add(applies))
            slots.Add(new Slot(applies, ImpliedWeight(applies), [(applies, 1.0), (extends, 1.0)]));
        // "Is there any training on this?", "do we get training on this stuff?": training in what the policy covers is
        // something the policy itself offers ("a programme of training relevant to their online activities").
        var trainingOnThis = TrainingOnThis().IsMatch(question);
        onTopic |= trainingOnThis;
        // "On my phone in the staffroom", "going on my ipad at lunch": being on a device is using it, online.
        online |= asksScope || trainingOnThis || OnMyDevice().IsMatch(question);
        // "On fb quite a lot in school", "on tiktok most of PPA": how much the staff member uses it is what the policy calls
        // excessive use, whichever words say how much.
        // Only when the amount is how much the staff member is on it: "I mention the school on twitter quite a lot" or
        // "loads of people follow me" say how often or how many, not how long they spend.
        var heavyUse = VerdictClassifier.DescribesHeavyUse(question);
        if (heavyUse && OnItALot().IsMatch(question) && analyzer.ConceptOf("excessive") is var excessive && seen.Add(excessive))
            Imply(excessive);
        var owner = Ownership.OfQuestion(question);
        var duringSessions = DuringSessions(index, seen, question, owner.HasFlag(Owner.Personal) || seen.Contains(index.PrivateConcept) || saysPrivate);
        // "A quick look at fb while the kids are doing their writing": when it happens is a word of the question, though it
        // names no time: working hours, when policies allow or forbid personal use. A light one, as the rest says what is done.
        if (duringSessions && analyzer.ConceptOf("working hours") is var hours && !weights.ContainsKey(hours) && !seen.Overlaps(index.LessonWords) && seen.Add(hours))
            slots.Add(new Slot(hours, ImpliedWeight(hours) * DuringSessionsWeight,
                [(hours, 1.0), .. index.LessonWords.Select(l => (l, 0.6))]));
        // "My own phone", "my private account"; "the school's own account" is the school's (Ownership reads it so).
        var personal = owner.HasFlag(Owner.Personal) || seen.Contains(index.PrivateConcept) || saysPrivate;
        var setsUpSite = !personal && SetsUpSite().IsMatch(question);
        // "The class blog", "the school fb", "the Y6 twitter", "set up a twitter for Y4": the school's own site, which policies call
        // official or for work purposes. The class or school word also finds those words.
        if (!personal && (setsUpSite || NamesSchoolSite(index, terms) || YearGroupSite().IsMatch(question) || NamesGroupSite(index, question)))
        {
            AddOfficial(index, slots);
            // "A class blog for Y4": the pupils are the site's audience, said as an owner is ("a kid's mum").
            for (var i = 0; i < slots.Count; i++)
                if (slots[i].Concept == index.People.Pupil)
                    slots[i] = slots[i] with { Weight = slots[i].Weight * PossessorWeight };
        }
        return new Query
        {
            Slots = slots,
            Weights = weights,
            TotalSlotWeight = Math.Max(1e-9, slots.Sum(s => s.Weight)),
            IsOnTopic = onTopic,
            IsAboutSomethingOnline = online,
            AsksAboutDuty = VerdictClassifier.AsksAboutDuty(question),
            IsFirstPerson = FirstPerson().IsMatch(question),
            AsksWhoApproves = VerdictClassifier.AsksWhoApproves(question),
            AsksWhatToDo = VerdictClassifier.AsksWhatToDo(question),
            AsksWhoToTell = VerdictClassifier.AsksWhoToTell(question),
            AsksAboutConsequences = asksConsequences,
            AsksIfResponsible = VerdictClassifier.AsksIfResponsible(question),
            AsksAboutScope = asksScope,
            AsksWhatItIs = VerdictClassifier.AsksWhatItIs(question),
            StatesApprovalGiven = VerdictClassifier.StatesApprovalGiven(question),
            AsksPermission = VerdictClassifier.AsksPermission(question),
            SaysUnsure = VerdictClassifier.SaysUnsure(question),
            DescribesHeavyUse = heavyUse,
            AskedAction = VerdictClassifier.AskedAction(question) is { } action && index.Analyze(action) is [var asked] ? asked.Concept : null,
            IsDuringSessions = duringSessions,
            Owner = owner,
            DeviceOwner = Ownership.DevicesOfQuestion(question),
            Analyzer = analyzer,
            Index = index,
            Originals = seen,
            NamesPersonal = personal,
            OnlyOwners = OnlyOwnersOf(index, question),
            NamesOwnEnds = personal || OwnPeopleOrVenture().IsMatch(question)
                || slots.Any(s => s.Concepts.Any(c => c.Weight >= MinPersonalReach && index.PersonalWords.Contains(c.Concept))),
            AsksToSetUpOfficialSite = setsUpSite,
            PeopleAsked = index.People.In(seen.Except(possessors)),
            AsksWhatSchoolDoes = WhatSchoolDoes().IsMatch(question),
        };
    }

    /// <summary>
    /// "Leave" in a staff member's question is leaving the school only sometimes: someone who "left a nasty comment" posted
    /// it, and "leave it for the office" or "leave his name off" is not about leaving either. Those are read as posting,
    /// or not read, so they do not reach the rules for staff who leave.
    /// </summary>
    internal static string OtherSensesOfLeave(string question)
    {
        var text = LeaveAsPosting().Replace(question, "posted");
        return LeaveAsKeeping().Replace(text, " ");
    }

    [GeneratedRegex(@"\b(left|leave|leaves|leaving)\b(?=\s+(?:(?:a|an|some|this|that|these|those|the|his|her|their|my|our|another|loads of|lots of)\s+)?(?:[\w'-]+\s+){0,2}?(?:comments?|complaints?|reviews?|messages?|notes?|repl(?:y|ies)|voicemails?|posts?|likes?|feedback|remarks?)\b)", RegexOptions.IgnoreCase)]
    private static partial Regex LeaveAsPosting();

    /// <summary>"I left St Joe's", "I'm leaving in July", "when I leave", "after I've resigned": the speaker leaves.</summary>
    [GeneratedRegex(@"\b(i|i'm|im|i am|i've|ive|i have|i'll|i will|i'd)\s+(just\s+|now\s+|already\s+|recently\s+|finally\s+|about to\s+|going to\s+|gonna\s+|be\s+|been\s+)*(left|leave|leaving|resign(ed|ing)?|quit(ting)?|retir(e|ed|ing))\b", RegexOptions.IgnoreCase)]
    private static partial Regex StaffLeaves();

    [GeneratedRegex(@"\b(left|leave|leaves|leaving)\b(?=\s+(?:it|him|her|them|this|that|out|off)\b|(?:\s+[\w']+){1,3}\s+(?:off|out)\b)", RegexOptions.IgnoreCase)]
    private static partial Regex LeaveAsKeeping();

    /// <summary>"the class blog", "our school's insta": a school or class word just before a kind of site or a platform.</summary>
    static bool NamesSchoolSite(PolicyIndex index, IReadOnlyList<Term> terms)
    {
        for (var i = 0; i < terms.Count; i++)
        {
            if (!index.SchoolOrClassWords.Contains(terms[i].Concept))
                continue;
            for (var j = i + 1; j < terms.Count && terms[j].Position - terms[i].Position <= 2; j++)
                if (index.SiteKindWords.Contains(terms[j].Concept) || index.Analyzer.Vocabulary.Platforms.Contains(terms[j].Concept))
                    return true;
        }
        return false;
    }

    /// <summary>
    /// "a blog for my class", "an insta for the school choir", "a twitter for the PE department": a site for a group of the
    /// school is the school's, as "the class blog" is. It is not read as asking to set one up (no verb of starting says
    /// so), which the approval boost would follow: "thinking of a class insta just because it'd be fun" is about the
    /// reason, not who approves.
    /// </summary>
    static bool NamesGroupSite(PolicyIndex index, string question)
    {
        foreach (Match m in SiteForGroup().Matches(question))
            if (index.Analyze(m.Groups["site"].Value) is [var site]
                && (index.SiteKindWords.Contains(site.Concept) || index.Analyzer.Vocabulary.Platforms.Contains(site.Concept)))
                return true;
        return false;
    }

    // "a" or "new", up to two words that are not prepositions ("a post on facebook for …" is not a site), a kind of site or
    // a platform, "for", up to two words and a group of the school.
    [GeneratedRegex(@"\b(an?|new)\s+((?!(on|in|of|about|to|from|with|by|at)\b)\w+\s+){0,2}?(?<site>\w+)\s+(account\s+|page\s+|channel\s+)?for\s+(the\s+|our\s+|my\s+|this\s+|a\s+)?([\w']+\s+){0,2}?(class(es)?|form|year|y\d+|reception|nursery|department|dept|club|team|choir|council|school|pta|trip|house|subject|phase|key stage|ks\d)\b", RegexOptions.IgnoreCase)]
    private static partial Regex SiteForGroup();

    /// <summary>The question's school or class word also stands for the policy's "official" / "for work purposes".</summary>
    static void AddOfficial(PolicyIndex index, List<Slot> slots)
    {
        for (var i = 0; i < slots.Count; i++)
        {
            var slot = slots[i];
            if (index.SchoolOrClassWords.Contains(slot.Concept) && !slot.Concepts.Any(c => c.Concept == index.OfficialConcept))
                slots[i] = slot with { Concepts = [.. slot.Concepts, (index.OfficialConcept, 1.0)] };
        }
    }

    static bool DuringSessions(PolicyIndex index, HashSet<string> concepts, string question, bool personal)
    {
        // On duty is working time even at lunch; otherwise a break or the staffroom is time off.
        if (concepts.Overlaps(index.DutyWords))
            return true;
        if (concepts.Overlaps(index.TimeOffWords))
            return false;
        // "Can I use social media in lessons?" may mean teaching with it; "my phone in lessons" is personal use then.
        return (personal && concepts.Overlaps(index.LessonWords)) || PupilsPresent().IsMatch(question);
    }

    /// <summary>
    /// "while the kids are …", "when my class are …", "in front of the class": pupils are there. So are pupils busy
    /// with their work ("the kids were doing a test so I …", "my class were busy writing", "while the kids do a quiz"). "My kids" are the teacher's
    /// own children.
    /// </summary>
    [GeneratedRegex(@"\b(while|whilst|when|as) ((the |our |all the )?(kids|children|pupils|students)|(the |my |our )?(class|y\d|year \d+|reception|nursery)s?)( \w+)? (are|is|were|was)\b|\b(while|whilst) ((the |our |all the )?(kids|children|pupils|students)|(the |my |our )?(class|y\d|year \d+|reception|nursery)s?) (do|does|did|get on with|got on with|work on|worked on|finish|finished)\b|\bin front of (the |our )?(kids|children|pupils|students)\b|\bin front of (the |my |our )?class\b|(?<!\bmy )\b((the |our |all the )?(kids|children|pupils|students)|(the |my |our )?(class|y\d|year \d+|reception|nursery)s?) (are|is|were|was) (doing|busy|working|sat|sitting|reading|writing|taking|practising|practicing|on task|in the middle of)\b", RegexOptions.IgnoreCase)]
    private static partial Regex PupilsPresent();

    /// <summary>
    /// "Will the school do anything?", "does the head take action?", "what would the school do?"; told what someone did, a bare
    /// "what happens (now)?" or "how is that dealt with?" asks the same ("what happens to the account?" does not).
    /// </summary>
    [GeneratedRegex(@"\b(will|would|does|do|can)( the| my| our)? (school|they|head|headteacher|head teacher|slt|management|senior leaders?)( \w+)? (do|act|deal with|step in|take action|get involved)\b|\bwhat (will|would|does|do) (the |my |our )?(school|they|head|headteacher|slt|management) do\b|\bwhat happens( now| next| then| under (the|this|our) policy)?\s*(\?|$)|\bhow (is|will|would|should|does) (that|this|it)( (supposed|meant|going) to)? (be )?(handled|dealt with|resolved)\b|\b(will|would|does|do|can|could)( the| my| our)? (school|they|head|headteacher|head teacher|slt|management|senior leaders?|it team|it department)( (actually|really|ever|even|still|also))? (check|see|monitor|look at|read|track|watch|know|spy on|snoop on|record|log)\b", RegexOptions.IgnoreCase)]
    private static partial Regex WhatSchoolDoes();

    /// <summary>"A pupil added me", "she keeps dm'ing me", "a friend request from a parent": contact made with the staff member.</summary>
    [GeneratedRegex(@"(?<!\b(?:i|you|can|could|to|please|let)\s)\b(added|adds|adding|followed|follows|following|messaged|messages|messaging|dm'?d|dms|dm'?ing|dmed|texted|texts|texting|emailed|emails|emailing|contacted|contacts|contacting|friended|requested|snapped|snapping|sent|sends|sending)\s+me\b|\b(friend|follow)\s+requests?\s+from\b|\b(got|get|getting|received|receive|had)\s+(a|an|another|some)\s+(friend\s+|follow\s+)?(requests?|messages?|dms?|texts?|emails?)\s+from\b", RegexOptions.IgnoreCase)]
    private static partial Regex ContactedBySomeone();

    [GeneratedRegex(@"\b(is|was|would) (it|that|this) (be )?(on|down to) (me|us)\b|\b(is|was) (it|that|this) (my|our) (job|fault)\b", RegexOptions.IgnoreCase)]
    private static partial Regex OnMe();

    /// <summary>
    /// "…, right?", "… isn't it", "…, yeah?": a tag asking the bot to agree, not a word of the question ("right" is not a
    /// right in "the rights of others").
    /// </summary>
    [GeneratedRegex(@"[,\s]+(right|yeah|yes|innit|isn'?t it|isn’t it|correct|surely)\s*[?!.]*\s*$", RegexOptions.IgnoreCase)]
    private static partial Regex TagQuestion();

    [GeneratedRegex(@"\b(?<duty>have|has|need|needs|got|supposed|meant) to (follow|stick to) ((this|it)(?=\s*([?!.]|$|too\b|as well\b|also\b))|the same (social media |online )?(rules|policy|guidelines|guidance)\b)", RegexOptions.IgnoreCase)]
    private static partial Regex FollowThis();

    [GeneratedRegex(@"(\b(i'?m|i’m|i am|i'?ve been|i’ve been|i have been|i was|i get|i go|i spend)\s+(\w+\s+){0,2}?(on|using|scrolling|browsing|checking)|\b(i|we)\s+(\w+\s+)?(use|check|scroll|browse))\b[^.?!,;]{0,30}?\b(quite\s+)?(a lot|lots|loads|all the time|constantly|non-?stop|for hours|for ages|a fair bit|too much|way too)\b(?!\s+of\b)", RegexOptions.IgnoreCase)]
    private static partial Regex OnItALot();

    [GeneratedRegex(@"\b(on|go on|going on|get on|use|using)\s+(my|your|our|their|his|her)\s+(own\s+|personal\s+|work\s+)?(phone|mobile|iphone|smartphone|ipad|tablet|laptop)\b", RegexOptions.IgnoreCase)]
    private static partial Regex OnMyDevice();

    const double UnderThirteenWeight = 0.3;
    const double ContactedWeight = 0.25;
    const double DuringSessionsWeight = 0.5;
    const double TakenFromOthersWeight = 1.0;
    const double DoItMyselfWeight = 1.0;
    const double FromPersonalEmailWeight = 1.0;
    const double TeachingWithSocialMediaWeight = 1.0;
    const double AddsPeopleWeight = 0.5;

    /// <summary>"any training on this", "training on this stuff", "training for this policy": training in what the policy covers.</summary>
    [GeneratedRegex(@"\btraining\s+(on|for|about|in|with)\s+(this|it|that|these|the policy|this policy|the rules|these rules|the social media stuff|this social media stuff)\b", RegexOptions.IgnoreCase)]
    private static partial Regex TrainingOnThis();

    /// <summary>"add a kid from my class on snap", "adding some parents on fb", "add them on insta": people added on a platform.</summary>
    [GeneratedRegex(@"\badd(s|ed|ing)?\s+([\w']+\s+){0,4}?(kids?|pupils?|child|children|students?|parents?|mums?|moms?|dads?|class|y\d+s?|year \d+s?|colleagues?|staff|them|him|her|people)\b[^.?!;]{0,30}?\b(on|to)\s+([\w']+\s+)?(snap\w*|fb|facebook|insta\w*|tiktok|roblox|fortnite|minecraft|whatsapp|discord|twitter|x|linkedin|xbox|playstation|social media|socials)\b", RegexOptions.IgnoreCase)]
    private static partial Regex AddsPeopleOnPlatform();

    /// <summary>"use social media in my lessons", "using twitter with my class", "blogs as part of a lesson": social media in teaching.</summary>
    [GeneratedRegex(@"\b(use|uses|using|used|try|trying|bring|bringing|introduce|introducing)\s+(social media|twitter|x|facebook|instagram|insta|tiktok|youtube|blogs?|blogging|a blog|a class blog)\s+(\w+\s+){0,3}?(in|during|for|as part of|into|with)\s+(a\s+|my\s+|our\s+|the\s+)?(\w+\s+)?(lessons?|teaching|classroom|class|kids|pupils|children|students|y\d|year \d)\b", RegexOptions.IgnoreCase)]
    private static partial Regex TeachingWithSocialMedia();

    /// <summary>"email parents from my gmail", "emailing a pupil on my hotmail", "use my personal email to message a mum": writing from one's own email.</summary>
    [GeneratedRegex(@"\b(e-?mail|e-?mails|e-?mailed|e-?mailing|message|messages|messaging|messaged|contact|contacting|contacted|write|writing|send|sending|sent|reply|replying|replied)\b[^.?!;]{0,60}?\b(from|on|using|via|with|through)\s+(my|our|their|his|her)\s+(own\s+|personal\s+|home\s+|private\s+)?(gmail|hotmail|outlook|yahoo|icloud|aol|(?<=(own|personal|home|private)\s+)e-?mail( address| account)?)\b|\b(use|using|used)\s+(my|our|their|his|her)\s+(own\s+|personal\s+|home\s+|private\s+)?(gmail|hotmail|yahoo|icloud|aol|(?<=(own|personal|home|private)\s+)e-?mail( address| account)?)\s+(to|for)\b", RegexOptions.IgnoreCase)]
    private static partial Regex FromPersonalEmail();

    [GeneratedRegex(@"\b(year|yr|y)\s?[1-6]'?s?\b|\breception\b|\bks\s?[12]\b|\bkey stage [12]\b|\b([1-9]|1[0-2])\s?-?(year|yr)s?\s?-?olds?\b|\b([1-9]|1[0-2])\s?yo\b", RegexOptions.IgnoreCase)]
    private static partial Regex UnderThirteen();

    /// <summary>
    /// "If it turns out to be illegal", "it turned out she was a parent": proving to be, the frame of what is asked, not a
    /// conversation that "turns" offensive.
    /// </summary>
    [GeneratedRegex(@"\b(turns?|turned|turning) out\b( to be\b)?", RegexOptions.IgnoreCase)]
    private static partial Regex TurnsOut();

    /// <summary>"on my own", "on our own", "all on my own" with no thing after it: alone.</summary>
    [GeneratedRegex(@"\b(all )?on (my|our) own\b(?=\s*([,.?!;]|$|\b(or|and|then|without|because|as|so|if|is|does|do|would|could|should)\b))", RegexOptions.IgnoreCase)]
    private static partial Regex OnMyOwnAlone();

    /// <summary>"set up a page myself", "just open a y2 twitter myself", "post them on the school fb myself": done without anyone ("a photo of myself" is not).</summary>
    [GeneratedRegex(@"\b(set up|setup|setting up|start|starting|open|opening|make|making|create|creating|post|posting|put|putting|run|running)\b[^.?!;]{0,50}?(?<!\b(of|to|with|for|about) )\bmyself\b", RegexOptions.IgnoreCase)]
    private static partial Regex DoItMyself();

    /// <summary>"I got a new job", "I've accepted a job at another school", "been offered a new post": the speaker leaves.</summary>
    [GeneratedRegex(@"\b(i|i've|ive|i have|i was|i've been|ive been|i have been)\s+(just\s+)?(got|found|accepted|landed|offered|been offered|taken|took)\s+(a\s+)?(new\s+job|job\s+(elsewhere|at another school|at a different school)|new\s+post|new\s+role\s+elsewhere)\b", RegexOptions.IgnoreCase)]
    private static partial Regex NewJobElsewhere();

    /// <summary>"I start in September", "i'm starting next month", "I begin after Easter": the speaker starts at the school.</summary>
    [GeneratedRegex(@"\b(?<who>i|i'm|im|i am|i'll|i will)\s+(be\s+)?(start|starting|begin|beginning)\s+(?=(in\s+|on\s+|from\s+|after\s+|at\s+the\s+start\s+of\s+)?(the\s+)?(next|this|january|february|march|april|may|june|july|august|september|october|november|december|sept|sep|jan|after|spring|summer|autumn|half\s*term|easter|christmas|monday|tuesday|wednesday|thursday|friday|tomorrow|new\s+(term|year|school\s+year))\b)", RegexOptions.IgnoreCase)]
    private static partial Regex StaffStarts();

    /// <summary>"found on google", "a pic off another school's website", "copied from someone's blog": someone else's content.</summary>
    [GeneratedRegex(@"\b(found|took|take|taken|taking|nicked|nick|pinched|borrowed|grabbed|grab|copied|copy|copying|lifted|pulled|downloaded|saved|screenshotted|used|use|using)\b[^.?!;]{0,40}?\b(off|from|on|of|through|via|in)\s+(google|the internet|online|the web|pinterest|another|someone|somebody|a website|a site|other|(an? |the )?(internet|google|online|web) search|(a|the) (local |national )?(news)?paper|(a|the) magazine)\b|\b(photos?|pics?|pictures?|images?|videos?|clips?|songs?|music|articles?|text|logos?|memes?|content)\s+(off|from)\s+(google|the internet|online|the web|pinterest|another|someone|somebody|a website|a site|other|(a|the) (local |national )?(news)?paper|(a|the) magazine)\b|\b(newspaper|magazine)(\s+|'s\s+)(photos?|photographs?|pics?|pictures?|images?|articles?|cartoons?)\b", RegexOptions.IgnoreCase)]
    private static partial Regex TakenFromOthers();

    /// <summary>"the parents won't mind", "mum's fine with it", "my colleague says that's fine": people said to approve.</summary>
    [GeneratedRegex(@"\b(the |their |his |her |my |our |all the )?(parents?|mums?|moms?|dads?|families|family|carers?|kids|children|pupils|class)('s|’s)?\s+(won'?t|wont|will not|wouldn'?t|wouldnt|don'?t|dont|do not|didn'?t|didnt)\s+mind\b|\b(the |their |his |her |my |our |all the )?(parents?|mums?|moms?|dads?|families|family|carers?)\s+(are|is|were|was|r|seem|seems)\s+(totally |completely |really |all |more than )?(fine|ok|okay|happy|cool)( with it| with that| about it)?\b|\b(my |a |the |our |another |other |some )?(colleagues?|teachers?|tas?|friends?|mates?|year partner|partner)\s+(says?|said|reckons?|thinks?|told me)\s+(that\s+)?((it'?s|its|that'?s|thats|this is|it is|that is|it'?d be|it would be)\s+)?(fine|ok|okay|alright|no problem|not a problem|no big deal)\b", RegexOptions.IgnoreCase)]
    private static partial Regex TheyWontMind();

    /// <summary>A staff role ("deputy head", "teacher", "TA"); "TA at …" names the employer and is read so elsewhere.</summary>
    [GeneratedRegex(@"\b(deputy head( ?teacher)?|assistant head( ?teacher)?|head ?teacher|head|teacher|teaching assistant|ta|senco|lsa|nqt|ect|class teacher)\b(?!\s+(at|in|for)\b)", RegexOptions.IgnoreCase)]
    private static partial Regex OwnRole();

    /// <summary>"A Y3 mum", "the year 6 parents", "a reception dad": a parent named by their child's year group.</summary>
    [GeneratedRegex(TextAnalyzer.YearGroupPattern + @"(?:s|'s)?\s+(?:class\s+)?(?<parent>mums?|mothers?|dads?|fathers?|parents?|carers?)\b", RegexOptions.IgnoreCase)]
    private static partial Regex YearGroupOfParent();

    /// <summary>"The year 2 teachers", "a Y6 TA", "our year 4 class teacher": a colleague named by the year they teach.</summary>
    [GeneratedRegex(TextAnalyzer.YearGroupPattern + @"(?:s|'s)?\s+(?:class\s+)?(?<role>teachers?|tas?|teaching assistants?|lsas?|staff|team|leads?|colleagues?)\b", RegexOptions.IgnoreCase)]
    private static partial Regex YearGroupOfStaff();

    /// <summary>
    /// "Chloe here (TA in Y2)", "one of the teachers in year 4", "a colleague in my year group", "the TA from our phase":
    /// the year group said after the role says which colleague, as "the Y6 TA" does.
    /// </summary>
    [GeneratedRegex(@"\b(?<role>teachers?|tas?|teaching assistants?|lsas?|staff|team|leads?|colleagues?)\s+(?:in|for|from|on|of)\s+(?:(?:my|our|the same|the)\s+(?:year group|year team|phase|key stage|ks[12]|team)\b|(?:the\s+)?" + TextAnalyzer.YearGroupPattern + @"s?\b)", RegexOptions.IgnoreCase)]
    private static partial Regex StaffOfYearGroup();

    /// <summary>
    /// "Is fb a good idea for them?": the question asks for advice; "good idea" is its frame, not what it is about (a policy's
    /// "it is a good idea to use a separate email address" answers another question).
    /// </summary>
    [GeneratedRegex(@"\b(a )?(good|bad|great|sensible|wise) idea\b", RegexOptions.IgnoreCase)]
    private static partial Regex AdviceFrame();

    /// <summary>
    /// "My insta is private", "my fb's locked", "a private account": the account's privacy settings, which policies tell staff
    /// to set and not to trust ("even if information is restricted to 'friends' it is, in effect, still public"), not
    /// privacy in the sense of "respect the privacy of others" or "keep personal phone numbers private".
    /// </summary>
    [GeneratedRegex(@"(?<pre>\b(insta\w*|ig|fb|facebook|twitter|tiktok|snap\w*|account|acct|profile|page|blog|socials|social media)(\s+(is|was|are|were|be|been|being|go|goes|went)|'s|’s)\s+(now\s+|fully\s+|totally\s+|completely\s+|all\s+|set\s+to\s+|on\s+)*)(private|locked)\b|(?<pre>\b(make|making|made|set|setting|put|putting|switch|switching|turn|turning|keep|keeping)\s+(my|your|our|their|his|her)\s+(insta\w*|ig|fb|facebook|twitter|tiktok|snap\w*|account|acct|profile|page|blog|socials)\s+(account\s+|profile\s+|page\s+)?(to\s+|on\s+|as\s+)?)(private|locked)\b|(?<pre>)\b(private|locked)(?=\s+(insta\w*|ig|fb|facebook|twitter|tiktok|account|acct|profile|page)\b)", RegexOptions.IgnoreCase)]
    private static partial Regex AccountIsPrivate();

    /// <summary>The forms of <see cref="AccountIsPrivate"/> that make an account private, or ask whether it should be, rather than say it is.</summary>
    [GeneratedRegex(@"^(make|making|made|set|setting|put|putting|switch|switching|turn|turning|keep|keeping)\b|\s(be|being|go|goes)\s", RegexOptions.IgnoreCase)]
    private static partial Regex MakePrivate();

    /// <summary>"… on my fb profile", "in my insta bio": the place something is put, after another thing the question is about.</summary>
    [GeneratedRegex(@"\b(put|add|have|list|say|mention|write|include|state)\b.+\b(on|in|to)\s+(my|your|our)\s+(\w+\s+)?(profile|bio)\b|\bmy\s+(\w+\s+)?(profile|bio)\s+(says|said|has|lists|mentions|shows|states)\b", RegexOptions.IgnoreCase)]
    private static partial Regex ProfileAsPlace();

    const double PossessorWeight = 0.5;
    internal const double OwnWordWeight = 0.4;
    const double ConsequenceFocus = 3.0;

    /// <summary>
    /// "Posted a few pics of my class, am I in trouble?": said of something already done, the question is whether it broke
    /// a rule, which the rule answers; "could that get me sacked?" asks about the consequence itself.
    /// </summary>
    [GeneratedRegex(@"\b(am i|are we|is (he|she|they)|are they) (in|going to be in|gonna be in) (trouble|bother)\b|\b(would|could|will|might|can) (he|she|they) (be|get|end up) (in|into) (trouble|bother)\b|\b(trouble|sacked|disciplined|fired)\s+for\s+(\w+ing)\b(?<!\bfor (something|anything|nothing|thing))", RegexOptions.IgnoreCase)]
    private static partial Regex AmIInTrouble();

    static void Raise(Dictionary<string, double> map, string key, double value)
    {
        if (!map.TryGetValue(key, out var existing) || existing < value)
            map[key] = value;
    }

    /// <summary>How much of this text's content the question asks about (for picking the sentence to quote).</summary>
    public double Overlap(string text) => Overlap(Index.Analyze(text).Select(t => t.Concept).ToHashSet(StringComparer.Ordinal));

    public double Overlap(IReadOnlySet<string> concepts)
    {
        double total = 0;
        foreach (var slot in Slots)
        {
            double best = 0;
            foreach (var (c, w) in slot.Concepts)
                if (w > best && concepts.Contains(c)) best = w;
            total += best * slot.Weight;
        }
        return total;
    }

    /// <summary>
    /// Does the question fall under the exception of a prohibition ("must not … unless the pupils are family
    /// members", "other than via school-owned accounts")? Only the question's own words count, not expansions.
    /// </summary>
    public bool MeetsException(string sentence) => MeetsException(Index.ExceptionOf(sentence));

    /// <inheritdoc cref="MeetsException(string)"/>
    public bool MeetsException(PolicyIndex.ExceptionTerms? exception)
    {
        if (exception is null || !Originals.Except(OnlyOwners).Any(exception.Distinctive.Contains))
            return false;
        // "other than via school accounts": the question must be about the school's channel, not a personal one.
        if (exception.NamesSchool && !(Originals.Contains(C("school")) || Originals.Contains(C("official")) || Originals.Contains(C("class"))))
            return false;
        return !exception.NamesSchool || !NamesPersonal;
    }

    /// <summary>Is the question about the school's official channel (for "can only … through official school sites")?</summary>
    public bool MentionsOfficialChannel =>
        !NamesPersonal
        && (Originals.Contains(C("official")) || Originals.Contains(C("learning platform"))
            || (Originals.Contains(C("school")) && (Originals.Contains(C("account")) || Originals.Contains(C("site")) || Originals.Contains(C("email")))));

    // A verb of starting followed, within a few words, by a kind of site; "my" or "private" anywhere makes it personal (above).
    [GeneratedRegex(@"\b(set(ting)?\s+up|setup|creat(e|ing)|start(ing)?|open(ing)?|launch(ing)?|make|making|run(ning)?\s+a\s+new)\b(\W+\w+){0,5}?\W+(site|website|account|page|blog|channel|group|profile|app)s?\b", RegexOptions.IgnoreCase)]
    private static partial Regex SetsUpSite();

    /// <summary>"the Y6 twitter", "our year 3 blog": a year group's site is the school's (a year group's chat is not).</summary>
    [GeneratedRegex(TextAnalyzer.YearGroupPattern + @"s?\s+(?:\w+\s+)?(?:site|website|account|page|blog|channel|profile|twitter|facebook|fb|insta\w*|tiktok|youtube|x)\b", RegexOptions.IgnoreCase)]
    private static partial Regex YearGroupSite();

    [GeneratedRegex(@"\b(i|i'm|im|i've|my|me|we|our|us|can i|should i)\b", RegexOptions.IgnoreCase)]
    private static partial Regex FirstPerson();
}
