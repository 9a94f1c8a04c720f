using System.Text.RegularExpressions;

namespace PolicyBot.Policies;

/// <summary>
/// Reads a verdict from a clause's own wording (DESIGN.md decision 9): must report/inform → report;
/// must obtain approval/seek permission → ask first; must not/never/not permitted → no; advised/consider/be
/// careful → caution; may/permitted/can → yes. "Not … unless authorised" is ask first (the answerer makes it no
/// unless the question asks who approves); "must not … unless
/// [something the question is about]" lifts the prohibition; a bare duty ("must ensure the site is private")
/// answers "do I have to?" with yes and "can I?" with no.
/// </summary>
public static partial class VerdictClassifier
{
    /// <summary>The cue a piece of text carries, before the question is taken into account.</summary>
    public enum Cue { None, Yes, No, AskFirst, Report, Caution, Duty, OnlyThrough }

    /// <summary>Verdict of a sentence on its own (a duty reads as "no": the usual question is "can I …?").</summary>
    public static Verdict Classify(string sentence) => Resolve(CueOf(sentence), questionAsksDuty: false) ?? Verdict.Yes;

    /// <summary>A definition ("For the purposes of this policy, social media is defined as …") states no rule.</summary>
    public static bool IsDefinition(string text) => Definition().IsMatch(Normalise(text));

    /// <summary>
    /// Guidance addressed to pupils or parents ("students should be encouraged to: …", "Parents/Carers are encouraged to …"), not to
    /// staff; so is what they are to be told ("parents/carers will be informed about acceptable use"): the school teaching them the
    /// rules, not staff reporting something.
    /// </summary>
    public static bool IsAboutPupilOrParentConduct(string text) => PupilOrParentConduct().IsMatch(Normalise(text)) || AudienceInformed().IsMatch(Normalise(text));

    /// <summary>
    /// What the school undertakes to give staff ("Training … will be given to all staff"): a yes to "do we get …?", but no
    /// permission for "can I …?".
    /// </summary>
    public static bool GivesToStaff(string text) => GivenToStaff().IsMatch(Normalise(text));

    public static Cue CueOf(string text)
    {
        // "… manage personal information effectively so that it cannot be misused by third parties": what a rule is for
        // says why, not what staff may do; its "cannot" forbids nothing.
        var s = Purpose().Replace(Normalise(text), " ");
        if (Definition().IsMatch(s))
            return Cue.None;
        var split = Exception().Match(s);
        var main = split.Success ? s[..split.Index] : s;
        var exception = split.Success ? s[split.Index..] : "";

        if (Report().IsMatch(s) && !NegatedReport().IsMatch(s))
            return Cue.Report;
        if (ApprovalRequired().IsMatch(s) || (Prohibition().IsMatch(main) && ApprovalWords().IsMatch(exception) && Approver().IsMatch(exception)))
            return Cue.AskFirst;
        if (SoftAdvice().IsMatch(s))
            return Cue.Caution;
        if (OnlyThrough().IsMatch(main))
            return Cue.OnlyThrough;
        if (Prohibition().IsMatch(main))
            return Cue.No;
        if (Caution().IsMatch(s))
            return Cue.Caution;
        // "… about whether communication is acceptable" asks the question; it does not grant anything.
        if (GrantsPermission(Whether().Replace(s, " ")))
            return Cue.Yes;
        // "Training … will be given to all staff", "Staff will receive regular training": what the school undertakes to give
        // staff answers "do we get …?" with yes; its "the need to ensure …" is what the training covers, not a duty.
        if (GivesToStaff(s))
            return Cue.Yes;
        if (Duty().IsMatch(s))
            return Cue.Duty;
        return Cue.None;
    }

    /// <summary>"Not permitted … unless authorised by …": a prohibition whose only way out is someone's approval.</summary>
    public static bool IsProhibitionUnlessApproved(string text)
    {
        var s = Normalise(text);
        var split = Exception().Match(s);
        return split.Success && Prohibition().IsMatch(s[..split.Index]) && ApprovalWords().IsMatch(s[split.Index..]);
    }

    /// <summary>
    /// Permission words, where they grant something to staff: "staff may use their own devices", "it is acceptable",
    /// not "it may be shared elsewhere" or "pupils can see it" (a possibility, or about someone else).
    /// </summary>
    static bool GrantsPermission(string s)
    {
        foreach (Match m in Permission().Matches(s))
        {
            if (m.Value is not ("may" or "can"))
                return true;
            if (StaffSubject().IsMatch(s[..m.Index]))
                return true;
        }
        return false;
    }

    /// <summary>The part after "unless"/"other than"/"except", where a prohibition's exception lives.</summary>
    public static string ExceptionPart(string text) => SplitException(text).Exception;

    /// <summary>
    /// A sentence split at its exception (normalised text): the rule, the exception, and the condition the question
    /// must meet for the exception to apply. That is the exception itself, except in "(or on the next working day if
    /// received at a weekend)", where it is what follows "if" (the weekend, not the working day).
    /// </summary>
    public static (string Main, string Exception, string Condition) SplitException(string text)
    {
        var s = Normalise(text);
        var split = Exception().Match(s);
        if (!split.Success)
            return (s, "", "");
        var exception = s[split.Index..];
        var condition = exception.StartsWith("(or", StringComparison.Ordinal) && exception.IndexOf(" if ", StringComparison.Ordinal) is var at and > 0
            ? exception[(at + 4)..]
            : exception;
        return (s[..split.Index], exception, condition);
    }

    public static Verdict? Resolve(Cue cue, bool questionAsksDuty) => cue switch
    {
        Cue.Report => Verdict.Report,
        Cue.AskFirst => Verdict.AskFirst,
        Cue.No => Verdict.No,
        Cue.OnlyThrough => Verdict.No,
        Cue.Caution => Verdict.Caution,
        Cue.Yes => Verdict.Yes,
        Cue.Duty => questionAsksDuty ? Verdict.Yes : Verdict.No,
        _ => null,
    };

    /// <summary>
    /// A duty worded as advice ("new employees should check …"), with no must/required/have to: asked "should I …?",
    /// the policy recommends it, which is a caution, not a rule that answers yes.
    /// </summary>
    public static bool IsRecommendation(string text)
    {
        var s = Normalise(text);
        return Duty().IsMatch(s) && !StrongDuty().IsMatch(s);
    }

    /// <summary>
    /// A prohibition that holds only if a judgement about the case goes one way ("must not have any contact … if that contact
    /// is likely to constitute a conflict of interest", "should not identify the school if doing so would bring discredit"):
    /// whether it applies is for the staff member to weigh.
    /// </summary>
    public static bool ForbidsOnlyIfJudged(string text)
    {
        var s = Normalise(text);
        var at = JudgedCondition().Match(s);
        return at.Success && Prohibition().IsMatch(s[..at.Index]);
    }

    [GeneratedRegex(@"\bif (that|this|it|doing so|so doing|such)\b[^.;]{0,30}?\b(is|are|was|were|seems|seem) (likely|unlikely) to\b")]
    private static partial Regex JudgedCondition();

    /// <summary>"All media enquiries must be forwarded to the head teacher": something received is to be passed on.</summary>
    public static bool PassesOn(string text) => PassOn().IsMatch(Normalise(text));

    [GeneratedRegex(@"\b(must|should) be (forwarded|referred|passed( on)?) to\b")]
    private static partial Regex PassOn();

    /// <summary>"Am I responsible for …?", "is that on me?", "is it my responsibility?": whether something is the staff member's to answer for.</summary>
    public static bool AsksIfResponsible(string question) => ResponsibilityQuestion().IsMatch(Normalise(question));

    /// <summary>"Employees must take responsibility for content they publish", "staff are responsible for …".</summary>
    public static bool MakesStaffResponsible(string text) => StaffResponsible().IsMatch(Normalise(text));

    [GeneratedRegex(@"\bis (it|that|this) (my|our) responsibility\b|\b(am i|are we|would i be|will i be) (held )?(responsible|accountable)\b|\b(is|would|will) (it|that|this) (be )?(on|down to) (me|us)\b|\bit'?s on me\b")]
    private static partial Regex ResponsibilityQuestion();

    [GeneratedRegex(@"\b(must|should|will) take (full )?responsibility for\b|\b(are|is|remain|remains) (personally )?responsible for\b")]
    private static partial Regex StaffResponsible();

    /// <summary>"Do I have to …", "must I …", "am I required …": a duty then answers yes.</summary>
    public static bool AsksAboutDuty(string question) => DutyQuestion().IsMatch(Normalise(question));

    /// <summary>"Who do I ask?", "do I need permission?", "who has to agree?": the question wants an approver.</summary>
    public static bool AsksWhoApproves(string question) => WhoApproves().IsMatch(Normalise(question));

    /// <summary>"What should I do?", "who do I tell?": the question wants a procedure, usually a report.</summary>
    public static bool AsksWhatToDo(string question) => WhatToDo().IsMatch(Normalise(question)) || AsksWhoToTell(question) || ReportsAnIncident(question);

    /// <summary>"Who do I tell?", "who should I report it to?", "who do we contact?": the question wants the person a report goes to.</summary>
    public static bool AsksWhoToTell(string question) => WhoToTell().IsMatch(Normalise(question));

    [GeneratedRegex(@"\bwho (do|should|must|would|can|shall) (i|we) (tell|report (it |this |that |them )?to|inform|contact|speak to|talk to|go to|alert|let know|flag (it |this )?(up )?to|pass (it |this )?(on )?to)\b|\bwho (to|should i|should we) (tell|inform|contact|report to)\b|\bto whom\b|\bwho (do|should|must|can) (i|we) report\b[^.?!]{0,60}\bto\b|\bwho (needs|has|ought|should|must) (to )?(know|be told|be informed|hear about it)\b")]
    private static partial Regex WhoToTell();

    /// <summary>
    /// "a y5 kid messaged me on insta last night": staff describing something that happened, with no question at
    /// all, want to know what to do about it.
    /// </summary>
    public static bool ReportsAnIncident(string question)
    {
        var s = Normalise(question).Trim();
        // "im a governor, does this apply 2 me" with no question mark asks whom the policy covers, not what to do.
        return IsStatement(s) && !TellsOwnConduct(s) && !AsksAboutScope(question);
    }

    static bool IsStatement(string s) => s.Length > 0 && !s.Contains('?') && !AnyQuestion().IsMatch(s);

    /// <summary>
    /// "I said on twitter that the new deputy is clueless", "my insta says I teach here and I don't bother with a
    /// disclaimer": staff telling what they did themselves want to know whether it was all right, not how to report it.
    /// What was done to them ("I'm being trolled by a parent", "my account has been hacked") or what they saw or
    /// received ("I've seen a colleague post …", "I got a message from a pupil") is still an incident.
    /// </summary>
    static bool TellsOwnConduct(string s) => OwnConduct().IsMatch(s) && !DoneToThem().IsMatch(s) && !Witnessed().IsMatch(s);

    [GeneratedRegex(@"^(i|i've|ive|i'm|im|i'll|i'd|i have|i had|i am|i'm going to|im going to|i'm gonna|i was going to)\s+(just |already |accidentally |recently |also |then |sometimes |often |always |kind of |sort of )?(posted|post|said|say|put|shared|share|tweeted|tweet|wrote|write|written|uploaded|upload|downloaded|download|use|used|using|made|make|set up|added|add|accepted|accept|followed|follow|sent|send|took|take|taken|tagged|tag|liked|like|commented|comment|deleted|delete|changed|change|joined|join|created|create|started|start|messaged|message|emailed|email|texted|text|called|call|gave|give|given|told|tell|blocked|block|friended|retweeted|reposted|filmed|film|recorded|record|streamed|go on|went on|check|checked|on)\b|^my (own |personal |private )?(insta\w*|ig|fb|facebook|twitter|x|tiktok|snap\w*|whatsapp|account|profile|page|blog|bio|feed|status|posts?)( (account|page|profile|bio|feed))? (says|say|has|have|shows|show|is|lists|mentions|names)\b")]
    private static partial Regex OwnConduct();

    [GeneratedRegex(@"\b(being|been|was|were|got|get|getting)\s+(\w+ed|\w+en|sent|hacked|trolled|stolen)\b|\bby (a|an|the|some|one|my|his|her|their)\b|\b(hacked|stolen|trolled|impersonat\w*)\b")]
    private static partial Regex DoneToThem();

    [GeneratedRegex(@"\b(seen|saw|see|noticed|notice|found|find|heard|hear|received|receive|spotted|came across|think|suspect|worried|concerned|told me|showed me|messaged me|emailed me|contacted me|added me|followed me)\b")]
    private static partial Regex Witnessed();

    /// <summary>"Could that get me sacked?", "would school involve the police?": the question asks about consequences.</summary>
    /// <remarks>
    /// A worry said as what the staff member does not want ("is it my call whether I'm on insta? don't want to get in
    /// trouble") is why they ask, not what they ask.
    /// </remarks>
    public static bool AsksAboutConsequences(string question) => ConsequenceQuestion().IsMatch(NotWanted().Replace(Normalise(question), " "));

    /// <summary>"Do governors have to follow this policy?", "am I covered by it as a volunteer?": whom or what the policy applies to.</summary>
    /// <summary>"Does WhatsApp count as social media?", "what do you mean by a professional capacity?": what a word means.</summary>
    public static bool AsksWhatItIs(string question) => WhatItIs().IsMatch(Normalise(question));

    public static bool AsksAboutScope(string question) => ScopeQuestion().IsMatch(Normalise(question));

    /// <summary>"The head has said yes", "we've got SLT's approval": the question says the approval was already given.</summary>
    public static bool StatesApprovalGiven(string question) => ApprovalGiven().IsMatch(Normalise(question));

    /// <summary>
    /// A permission that holds only outside teaching time or away from pupils ("may use their own devices … but only
    /// outside of their classroom lesson times", "outside of session times and away from pupils", "permitted during
    /// break times").
    /// </summary>
    public static bool LimitsToOutsideSessions(string text) => OutsideSessions().IsMatch(Normalise(text));

    /// <summary>"Although this is illegal …", "considered criminal in nature": the text calls something unlawful.</summary>
    public static bool CallsItUnlawful(string text) => Unlawful().IsMatch(Normalise(text));

    /// <summary>Does the text state a consequence (disciplinary action, dismissal, the police)?</summary>
    public static bool StatesConsequence(string text) => Consequence().IsMatch(Normalise(text));

    /// <summary>
    /// "May lead to disciplinary action", "could result in dismissal": the consequence is a possibility, not a certainty
    /// ("disciplinary action will result").
    /// </summary>
    public static bool StatesPossibleConsequence(string text) => PossibleConsequence().IsMatch(Normalise(text));

    /// <summary>
    /// "If in doubt, always seek advice", "(Where there is any doubt about whether … a member of SLT should be informed …)":
    /// the way out for someone who is unsure, not the rule itself.
    /// </summary>
    public static bool IsFallbackForDoubt(string text) => DoubtFallback().IsMatch(Normalise(text).TrimStart());

    /// <summary>Could the text hold an "if in doubt, …" sentence at all (a cheap look before splitting it)?</summary>
    public static bool MentionsDoubt(string text) => DoubtWord().IsMatch(text);

    /// <summary>
    /// The action a permission question asks about: "can I just delete it?" → delete, "am I allowed to block them?" → block.
    /// Null when the question does not ask permission for an action of its own.
    /// </summary>
    public static string? AskedAction(string question)
    {
        var m = AskedActionPattern().Match(Normalise(question));
        return m.Success ? m.Groups["verb"].Value : null;
    }

    /// <summary>
    /// "Be aware that the content may attract media attention": a warning of what could happen, not an instruction.
    /// </summary>
    public static bool WarnsOfPossibility(string text) => PossibilityWarning().IsMatch(Normalise(text).TrimStart());

    /// <summary>
    /// "I'm on tiktok most of PPA", "on fb a lot", "for like an hour most afternoons": the question says how much the
    /// staff member uses social media, which policies answer with their rule on excessive use.
    /// </summary>
    public static bool DescribesHeavyUse(string question) => HeavyUse().IsMatch(Normalise(question));

    /// <summary>
    /// "… a member of the senior management team should be made aware and will decide how to deal with it": the person
    /// told also decides what happens, so staff wanting to act wait for that decision.
    /// </summary>
    public static bool LeavesDecisionToThem(string text) => Decides().IsMatch(Normalise(text));

    /// <summary>"Excessive use of social media … will be considered a disciplinary matter."</summary>
    public static bool IsAboutExcessiveUse(string text) => ExcessiveUse().IsMatch(Normalise(text));

    /// <summary>"Not sure if it's OK to reply", "I don't know whether …": the question says the staff member is unsure.</summary>
    public static bool SaysUnsure(string question) => Unsure().IsMatch(Normalise(question));

    /// <summary>
    /// "Can I …?", "is it OK to …?", "am I allowed …?": the question asks for permission, and so does "…, is that a
    /// problem?" after what the staff member did or means to do. So does staff telling what they did themselves ("I
    /// downloaded a couple of films to show the class"): is that all right?
    /// </summary>
    public static bool AsksPermission(string question)
    {
        var s = Normalise(question).Trim();
        return PermissionQuestion().IsMatch(s) || (IsStatement(s) && TellsOwnConduct(s));
    }

    /// <summary>Does the text state a rule at all (as opposed to a definition or background)?</summary>
    public static bool IsNormative(string text) => CueOf(text) != Cue.None;

    static string Normalise(string text) =>
        PolicyParser.StripEmphasis(text).ToLowerInvariant().Replace('’', '\'').Replace("can not", "cannot");

    [GeneratedRegex(@"\b(must|should|shall|will|are to|is to|duty to|need to|needs to|always)\b[^.;]{0,200}?\b(report|reported|inform|informed|notify|notified|brought to the attention|bring (it |this |them )?to the attention|tell an adult|refer (it |this |them )?to)\b|\b(report|refer) (it |this |them |any |all )?[^.;]{0,40}?\bto (the |a |your )?(dsl|designated safeguarding|senior|head|police|ceop|child exploitation|relevant|appropriate)|\b(must|should) be reported\b|\b(must|should|will) be made aware\b|\breport to senior|\bmust be informed\b|\binformed immediately\b|\b(child protection|safeguarding)\b[^.;]{0,80}\b(must|should|will|are to) be followed\b")]
    private static partial Regex Report();

    [GeneratedRegex(@"^(for the purposes? of this policy|we use the term|the term\b|[^.]{0,40}\b(is|are) defined as|[^.]{0,60}\brefers? to any\b)")]
    private static partial Regex Definition();

    [GeneratedRegex(@"\bwho (do|should|would|can|must) (i|we) (need to |have to |ought to )?(ask|speak to|talk to|go to|get|check with)\b|\bwho (approves|authorises|authorizes|signs off|needs to (agree|approve|sign)|has to (agree|approve|sign)|gives permission|decides)\b|\bwho (gives|can give|would give) (me |us )?(the )?(go ahead|go-ahead|ok|okay|green light|thumbs up|permission|approval)\b|\bwho says (yes|ok|okay)\b|\bwho do (i|we) get (the |an )?(ok|okay|go ahead|go-ahead|permission|approval|sign off) from\b|\b(need|needs|get|ask for|require|requires|seek) (the |an |a |any )?(\w+'s )?(permission|approval|authorisation|authorization|sign off|go-ahead|go ahead|ok|okay)\b|\b(anyone|someone|somebody) (need|needs|has|have) to (ok|okay|approve|authorise|authorize|sign (it |this )?off|agree)\b|\bwho (lets|allows|can let|will let|would let|could let|can allow) (me|us)\b|\bwho needs to\b(?! (know|be told|be informed|hear))|\bwho has to\b|\bwho signs?\b|\bwhat('s| is) the (process|procedure)\b|\bhow do (i|we) (go about|get (it )?approved)\b|\bwhat (do|should|must|would) (i|we) (need to |have to )?do (first|beforehand|before)\b|\bwhat do (i|we) need (first|before)\b|\b(anyone|someone|somebody|who)( who| that)? (can|could) (ok|okay|approve|authorise|authorize|sign (it |this )?off)\b|\b(go through|discuss|check|clear)( it| this)? with\b[^.?]{0,30}\b(before|beforehand|first)\b|\b(ask|check with|speak to|talk to|run (it|this) (past|by)) (anyone|someone|somebody)( about (it|this))? (first|beforehand|before)\b")]
    private static partial Regex WhoApproves();

    [GeneratedRegex(@"\b(does|do|will|would) (this|the|our|that|the school'?s?) (social media |online )?policy (even |actually |still |also |really )?(apply|applies|cover|covers|extend|extends|include|includes)\b|\b(does|do|will|would) (it|this) (even |actually |still |also |really )?(apply|cover|extend) to\b|\b(am i |are (we|they|you) |is (a |an |my |our |the )?(\w+ ){1,2})(even |actually |still |also |really )?(covered|included|bound) (by|under|in)\b|\b(have|has|need|needs|got) to (follow|stick to|abide by|comply with) ((this|the|our) (social media )?policy\b|(this|it) (too|as well|also)\b|(this|it)\s*([?!.]|$))|\bwho (does|do) (this|the) (social media )?policy (apply|cover|extend)|\b(apply|applies) to (me|us|governors|volunteers|supply|agency|contractors|visitors)\b|\bin (the )?scope\b|\b(fall|falls|come|comes) (under|within) (this|the|our|that|the school'?s?)( (staff|social media|online))? (policy|rules|guidance|guidelines)\b|\b(does|do|will|would) (this|that|it|the|our|your|the school'?s?)( (staff|social media|online|whole))*( policy| rules| guidance| stuff| thing)? (actually |even |still |also |really )?(cover|covers|include|includes) (me|us)\b|\b(does|do|will|would) (it|this|that) (actually |even |still |also |really )?(cover|covers|include|includes|apply to) what (i|we) (post|do|say|share|put|write)\b|\b((is|isn'?t|are|aren'?t) (this|that|the|our|your|these)( (staff|social media|online|whole))* (policy|rules|guidance|guidelines|stuff)|(this|that|the|our|your|these)( (staff|social media|online|whole))* (policy|rules|guidance|guidelines|stuff) (is|isn'?t|are|aren'?t)) (just |only |also |really |even |actually )?for (me|us|staff|teachers|governors|volunteers|supply|everyone|all staff|support staff)\b|\b(follow|stick to|abide by|keep to) the same (social media |online )?(rules|policy|guidelines|guidance)\b|\b(the|this|our) (social media )?policy (doesn'?t|does not|wouldn'?t|won'?t|can'?t) (care|cover|apply)\b|\b(does|do|would) (the|this|our) (social media )?policy (care|cover) (about )?what (i|we) (post|do|say|share|put)\b|\b(expected|required|meant|supposed|obliged) to (follow|stick to|abide by|comply with|keep to) (this|the|our|that)( (staff|school'?s?|social media|online))* (policy|rules|guidance|guidelines)\b|\b(does|do|would|will) (any|all|some|much) of (this|it|that|these|the policy|the rules) (even |actually |still |also |really )?(apply|cover|include)\b|\b(aimed|directed) at (me|us|governors|volunteers|supply|staff|support staff|everyone|all staff)\b|\bintended for (me|us|governors|volunteers|supply staff|support staff|all staff)\b|\b(doesn'?t|does not|wouldn'?t|won'?t) (even |really |actually )?apply (there|to (me|us|that|them|those|it))\b|\b(does|do) (this|the|our|that|it) ((social media|staff|online) )?(policy )?(say|mention|have) (anything|something|much) (about|on|for) (people like (me|us)|me|us)\b|\bis (it|this|that) (just|only) (for )?(staff|teachers|employees)\b|\b(do|will|would) (these|those|the|our|your|the school'?s?)( (staff|social media|online))? (rules|guidelines|policies) (actually |even |still |also |really )?(apply|cover|extend|include)\b")]
    private static partial Regex ScopeQuestion();

    [GeneratedRegex(@"\b(count|counts|counted|classed|classified|considered|class) as\b|\bdefin(e|es|ed|ition|itions)\b|\bmean(s|t)? by\b|\bwhat (does|do) (\w+ ){1,3}mean\b|\bwhat (is|are) (a |an )?\w+( \w+)?\W*$")]
    private static partial Regex WhatItIs();

    [GeneratedRegex(@"\b(has|have|had|'s|'ve|already|just) (now )?(approved|authorised|authorized|signed (it |this |that )?off|okayed|oked|ok'd|agreed( to it)?|said (yes|ok|okay|it'?s fine|that'?s fine))\b|\b(got|received|been given|with) (the |their |his |her |slt'?s? |the head'?s? |(the )?\w+'s )?(approval|permission|authorisation|authorization|go ahead|go-ahead|sign off|sign-off|green light)\b|\b(approved|authorised|authorized|signed off) by (the |our |my )?(head|slt|senior|computing|deputy|dsl)")]
    private static partial Regex ApprovalGiven();

    [GeneratedRegex(@"\bwhat to do\b|\b(not sure|unsure|no idea|dont know|do not know) (what|how) to (do|handle|deal|respond|react)\b|\bwhat (should|do|must|can|would) (i|we) do\b|\bwhat (do|should) (i|we) do\b|\bwhat (am i|are we|is staff|are staff) (supposed|meant|expected|required) to do\b|\bwho (do|should|must|would) (i|we) report\b|\b(should|do|must) (i|we) (report|tell|inform|flag|pass)\b|\bhow do (i|we) report\b|\bwhat('s| is) the procedure\b|\bwhat next\b|\b(where|who|to whom) (should|must|do|does|would|will|can|shall)\b[^.?!]{0,40}\bbe (reported|raised|passed on|flagged)\b|\b(should|must|does|do) (this|it|that|they|concerns?( like (this|that))?) (have to |need to )?be (reported|raised|passed on|flagged)\b|\b(do|should|must) (i|we) (have to |need to )?do (anything|something)\b|\bflag (it|this) to\b|\b(is|was|would) (that|this|it|ignoring (it|them)|blocking (it|them)) (be )?enough\b|\bis that all (i|we) (need to|have to|should|must) do\b")]
    private static partial Regex WhatToDo();

    [GeneratedRegex(@"^([^.:]{0,60},\s*)?(pupils|students|children|young people|parents|carers)\b[^.:]{0,30}\b(should be encouraged|are taught|are encouraged|will be taught|should|must)\b")]
    private static partial Regex PupilOrParentConduct();

    [GeneratedRegex(@"\b(trouble|sacked|sack me|fired|dismiss\w*|disciplin\w*|lose (my|their|your|his|her) job|consequences?|punish\w*|police|prosecut\w*|misconduct|what happens if|what (actually |exactly |really )?(happens|(would|will|could|might) (actually |exactly |really )?happen) to (me|us|them|him|her|staff|a member of staff|a colleague|someone|somebody|anyone|anybody)\b|taken off me|take (my|it) away|suspended|suspension|cut off|lose (my )?access|lose (my|our|the|their|his|her) (\w+ )?(access|computers?|laptops?|ipads?|devices?|logins?)|take (my|our|their|his|her|the) (\w+ ){0,3}(off|away from) (me|us|them|him|her)|access (be |being |get |gets |got )?(taken|removed|withdrawn|stopped|blocked|suspended|revoked)|(stop|block|remove|withdraw|suspend|revoke|cut) (my|our|their|his|her|your) (\w+ )?access|if (i|we|staff|someone|a member of staff|a colleague) (break|breaks|broke|breach|breaches|breached|ignore|ignores|ignored) (the|this|our|their|these|a) (policy|rules?|conditions|code of conduct)|come back on me|come back to bite)\b")]
    private static partial Regex ConsequenceQuestion();

    [GeneratedRegex(@"\b(don't|dont|do not|wouldn't|wouldnt|would not) (want|wanna|like) (to )?[^.?!;:,]*")]
    private static partial Regex NotWanted();

    [GeneratedRegex(@"\boutside (of )?(their |the |school |normal )?(classroom )?(lesson|session|teaching|contact|school|working|work) (times?|hours)\b|\bwhen (pupils|children|students) are not (present|around)\b|\bin their own time\b|\baway from (the )?(pupils|children|students|young people)\b|\b(during|in|at) (the |their )?(break|breaks|lunch|lunchtimes?|lunch breaks?|break times?|lunch times?|non-contact time)\b")]
    private static partial Regex OutsideSessions();

    [GeneratedRegex(@"\b(is|are) (considered )?(to be )?(illegal|unlawful|criminal)\b|\bcriminal in nature\b|\bagainst the law\b")]
    private static partial Regex Unlawful();

    [GeneratedRegex(@"\b(disciplinary|dismissal|gross misconduct|police|legal action|suspension|withheld|criminal offence|prosecut\w*)\b")]
    private static partial Regex Consequence();

    [GeneratedRegex(@"\b(may|might|could|can)\b[^.;]{0,40}\b(lead|result|constitute|be|breach)\b")]
    private static partial Regex PossibleConsequence();

    const string Doubt = "(doubt|unsure|uncertain|not sure)";

    [GeneratedRegex(@"^\(?(if|where|when|whenever) (there is |there's |you are |you're |they are |staff are )?(any |ever |in )?" + Doubt + @"\b")]
    private static partial Regex DoubtFallback();

    [GeneratedRegex(@"\b" + Doubt + @"\b", RegexOptions.IgnoreCase)]
    private static partial Regex DoubtWord();

    [GeneratedRegex(@"\b((can|could|may|might) (i|we)|(allowed|permitted|ok|okay|fine|alright|all right) (for me |for us )?to)( just| simply| go ahead and| now)? (?<verb>[a-z]+)\b")]
    private static partial Regex AskedActionPattern();

    [GeneratedRegex(@"^(please )?((staff|staff members|employees|you|they) (should|must|need to|are to) )?be (aware|mindful) that\b[^.;]*\b(may|might|could|can)\b")]
    private static partial Regex PossibilityWarning();

    [GeneratedRegex(@"\b(not sure|unsure|no idea|don't know|dont know|do not know|doubt|not certain|uncertain)\b")]
    private static partial Regex Unsure();

    [GeneratedRegex(@"\b(can|could|may|might) (i|we)\b|\bshould (i|we) just\b|\bis it (ok|okay|fine|alright|all right|acceptable|allowed|appropriate)\b|\b(am i|are we|are staff|is staff) (allowed|permitted)\b|\b(ok|okay|fine|alright) (for me )?to\b|\bthat fine\b|\b(is|was|would) (that|this) (ok|okay|fine|alright|all right|allowed|a problem|an issue|acceptable|appropriate)\b")]
    private static partial Regex PermissionQuestion();

    [GeneratedRegex(@"^(what|whats|what's|how|who|when|where|why|which|is|are|am|do|does|did|can|could|should|would|will|may|might|must|have|has)\b|\b(can|could|should|may|might|must|do|am) (i|we)\b|\b(is|are) (it|that|this|they|we|staff)\b|\bis it\b|\b(ok|okay|allowed|fine|alright|right)\s*$|\b(what|how|who|when|where|why)\s+(do|does|did|should|can|could|would|must|is|are|am|was|were|will|happens|if|to)\b")]
    private static partial Regex AnyQuestion();

    [GeneratedRegex(@"\b(a lot|lots|loads|all the time|constantly|non-?stop|for hours|hours (on|a day|every)|(for )?(like |about |nearly |almost |over )?an hour|for ages|a fair bit|too much|way too|addicted|(most|all) of (the |my |our )?(day|days|morning|mornings|afternoon|afternoons|evening|lunch|lunchtime|lunches|break|breaks|ppa|free time|time|lesson|lessons|shift|week)|all (day|morning|afternoon|lunch)|most (days|mornings|afternoons|lunches|breaks|evenings))\b")]
    private static partial Regex HeavyUse();

    [GeneratedRegex(@"\b(will|shall|who will|who can|to) (then )?(decide|determine)\b")]
    private static partial Regex Decides();

    [GeneratedRegex(@"\b(excessive\w*|excess|overuse|over-use)\b")]
    private static partial Regex ExcessiveUse();

    [GeneratedRegex(@"\bwhether\b[^.;]*")]
    private static partial Regex Whether();

    [GeneratedRegex(@"\b(pupils|students|children|young people|parents|carers|families)\b( and carers| or carers)? (will|must|should|are to|shall) (also )?be (informed|told|notified|made aware|reminded)\b")]
    private static partial Regex AudienceInformed();

    [GeneratedRegex(@"\b(so that|in order that)\b[^.;)]*")]
    private static partial Regex Purpose();

    [GeneratedRegex(@"\b(not|never) (to )?report")]
    private static partial Regex NegatedReport();

    [GeneratedRegex(@"\b(must|should|need to|needs to|have to|has to|are required to|is required to)\b[^.;]{0,60}?\b(obtain|get|seek|receive|gain|have)\b[^.;]{0,70}?\b(approval|authorisation|authorization|permission|consent|agreement|advice)\b|\bapproval\b[^.;]{0,160}?\bmust (also |first |always )?be (obtained|sought|given)|\bmust be (discussed with and )?approved\b|\bmust be approved\b|\b(permission|approval|consent|authorisation)\b[^.;]{0,60}?\bshould be sought\b|\bonly (do so )?with (the )?(prior )?(approval|permission|authorisation|consent)\b|\bwith the approval of\b|\bmust (first )?(discuss|consult)\b[^.;]{0,60}\bwith\b[^.;]{0,40}\b(head|principal|coordinator|co-ordinator|slt|senior|manager|lead|leadership|management)|\bmust (first )?consult\b|\bmust be (discussed|consulted|agreed)\b|\bseek (prior )?(approval|permission|advice|authorisation)\b|\bget (prior )?(approval|permission|authorisation)\b|\bwithout the (advice or )?(approval|authorisation|permission|consent) of\b|\bunless (they are |you are |it is )?(authorised|authorized|approved|permitted)\b|\b(present|submit|complete)\b[^.;]{0,40}\b(business case|application|approval form|form)\b|\bfollowing (slt|senior|head|the)?[^.;]{0,20}\bapproval\b|\bapplication will be approved\b|\bmust be checked carefully before they are approved\b|\bmust be (forwarded|referred|passed) to\b|\b(must|should)( first)? (follow|consult|check with|refer to)\b[^.;]{0,50}\b(policy|procedure|guidance|head|headteacher|slt|lead|manager|leadership)\b[^.;]{0,30}\bbefore\b")]
    private static partial Regex ApprovalRequired();

    [GeneratedRegex(@"\b(approv\w*|authori[sz]\w*|permission|consent|agreement)\b")]
    private static partial Regex ApprovalWords();

    [GeneratedRegex(@"\b(head ?teacher|head|principal|slt|senior|management|leadership|coordinator|co-ordinator|lead|dsl|manager|school|governor)")]
    private static partial Regex Approver();

    // "Cannot be accessed by anyone else, other than the intended members": "other than" after "anyone" says who "anyone"
    // leaves out, as part of the rule, not a case the rule does not cover.
    [GeneratedRegex(@"\b(unless|except|(?<!\b(anyone|anybody|everyone|everybody|no one|nobody|no-one)( else)?,?\s)other than|apart from|excluding|only as|only when|only if|only in cases|only where)\b|\(or\b(?=[^)]*\bif\b)")]
    private static partial Regex Exception();

    [GeneratedRegex(@"\b(advised not|advisable to (omit|avoid)|are discouraged|is discouraged|discouraged|caution is advised|strongly advised|are advised|is advised|advisable)\b")]
    private static partial Regex SoftAdvice();

    [GeneratedRegex(@"\b(can only|may only|must only|should only|only be used for|are only to|is only to)\b")]
    private static partial Regex OnlyThrough();

    [GeneratedRegex(@"\b(must not|mustn't|must never|should not|shouldn't|should never|may not|cannot(?! (control|guarantee|prevent|predict|know|tell|be sure|be certain|undo|stop|take back|always))|can't(?! (control|guarantee|prevent|predict|know|tell|be sure|be certain|undo|stop|take back|always))|will not|won't|shall not|are not permitted|is not permitted|not permitted|are not allowed|is not allowed|not allowed|not acceptable|are not to|is not to|not to be|never|under no circumstances|prohibited|forbidden|must decline|must be declined|must avoid|nor should)\b|^\s*(do not|don't|not)\b|;\s*(do not|don't)\b")]
    private static partial Regex Prohibition();

    /// <summary>What the school undertakes to give staff: "… will be given to all staff", "staff will receive regular training".</summary>
    [GeneratedRegex(@"\bwill be (given|provided|offered|made available) to (all )?(staff|employees|members of staff)\b|\b(staff|employees) will (receive|be given|be offered|be provided with)\b")]
    private static partial Regex GivenToStaff();

    // "Staff should assume that anything they write … could become public" warns of a possibility, as "be aware that" does;
    // "should assume that all online activity is covered" names no possibility and stays a duty.
    [GeneratedRegex(@"\b(caution|careful|carefully|consider|considered|consideration|be aware|be mindful|mindful|proceed with care|take care|think carefully|disciplinary matter|may lead to disciplinary|could result in disciplinary|may result in|recommended|good idea|it is important|exercise (their |your )?(professional )?judgement|be wary|should avoid)\b|\bassume that\b[^.;]*\b(could|may|might)\b")]
    private static partial Regex Caution();

    [GeneratedRegex(@"\b(may|can|permitted|permits|permit|allowed|acceptable|is encouraged|are encouraged|to be encouraged|personal choice|free to|does not expect)\b")]
    private static partial Regex Permission();

    /// <summary>A staff subject just before "may"/"can": "staff may", "they can", "employees may also".</summary>
    [GeneratedRegex(@"\b(staff|staff members|members of staff|employees|employee|you|they|teachers|colleagues|users|we|individuals|everyone)\s+(\w+\s+)?$")]
    private static partial Regex StaffSubject();

    [GeneratedRegex(@"\b(must|should|shall|are expected|is expected|expected to|required|requires|require|have to|has to|need to|needs to|ensure|are to|is to|responsible for)\b")]
    private static partial Regex Duty();

    [GeneratedRegex(@"\b(must|shall|are required|is required|required to|requires|have to|has to|need to|needs to|are to|is to|responsible for|duty to)\b")]
    private static partial Regex StrongDuty();

    [GeneratedRegex(@"\b(do|does) (i|we|staff|you|teachers?|they|it|these|those|posts?) (really |actually )?(need|have) to\b|\bmust (i|we|staff)\b|\b(am i|are we|is staff|are staff) (required|expected|supposed|obliged)\b|\bis it (required|mandatory|compulsory|necessary)\b|\bhave (i|we) got to\b|(?<!what )\bshould (i|we)\b|\bdo i need\b|\b(anything|something) (else )?(i|we) (should|need to|ought to|must|have to)\b|\bis (it|that|this) (my|our) (job|responsibility|duty|role)\b|\b(am i|are we) (responsible|accountable) for\b|\bis (it|that|this) (on|down to) (me|us)\b|\bshould (my|our) (\w+ ){1,2}be\b|\b(do|does) (my|our) (\w+ ){1,2}(really |actually )?(need|have) to\b")]
    private static partial Regex DutyQuestion();
}
