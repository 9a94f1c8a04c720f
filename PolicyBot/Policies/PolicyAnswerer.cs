using System.Text.RegularExpressions;

namespace PolicyBot.Policies;

/// <summary>
/// Answers a staff question from one school's policy index: finds the clauses that answer it, reads the verdict
/// from the best clause's wording and quotes it. Returns <see cref="Verdict.NotCovered"/> when the question is not
/// about the policy's subject or nothing in the policy matches it well enough.
/// </summary>
public static partial class PolicyAnswerer
{
    /// <summary>Longer questions are cut here (at a word boundary); nothing useful is lost and time stays bounded.</summary>
    public const int MaxQuestionLength = 1000;

    /// <summary>How much of the question's weighted content the best clause must cover.</summary>
    public const double MinCoverage = 0.22;

    public const double MinScore = 2.0;

    /// <summary>
    /// The floor for a clause of the kind the question asks for (an approval rule for "who do I ask?" or "can we start a
    /// class blog?"). Approval rules are short and say "social media for work purposes" or "the site" where staff say
    /// "the school facebook" or "a class blog", so they meet the question through weaker forms of its words than the
    /// longer rules beside them; 0.25 of <see cref="MinScore"/> let a policy with no such rule answer with any
    /// "unless authorised" clause.
    /// </summary>
    public const double MinScoreAsIntended = MinScore / 2;

    /// <summary>
    /// A question that names nothing online ("what time is the gate locked?", "who's on lunch duty?") can still meet a
    /// clause through one shared word (locked → privacy settings, reports to parents → contact with parents); it is
    /// answered only by a clause that matches most of it.
    /// </summary>
    public const double MinCoverageOffline = 0.6;

    const int MaxCitations = 5;

    /// <summary>How far down the ranking the answering clause may be (the first that matches enough of the question).</summary>
    const int AnswerFrom = 5;

    public static PolicyAnswer Answer(PolicyIndex index, string? question)
    {
        ArgumentNullException.ThrowIfNull(index);
        var query = Query.From(index, QuestionText.Clean(Truncate(question ?? "")));
        var ranked = Rank(index, query);
        // A definition says what a word means: it answers "does WhatsApp count as social media?", not "can I …?".
        var definitionsAnswer = query.AsksAboutScope || query.AsksWhatItIs;
        var answering = query.IsOnTopic ? AnsweringClause(ranked, query.IsAboutSomethingOnline ? MinCoverage : MinCoverageOffline, definitionsAnswer) : -1;
        if (answering < 0)
            return NotCovered() with { AboutNewOfficialSite = query.AsksToSetUpOfficialSite };
        if (answering > 0)
        {
            // Quote the clause that answers first; the ones ranked above it stay as related clauses.
            var first = ranked[answering];
            ranked.RemoveAt(answering);
            ranked.Insert(0, first);
        }

        var best = ranked[0];
        var (verdict, quote) = ReadVerdict(best.Entry, query);
        var citations = ranked.Take(MaxCitations)
            .Select(r => new Citation(r.Entry.Clause.Id, r.Entry.Clause.Section, r.Entry.Clause.Text, Math.Round(r.Score, 3)))
            .ToList();
        return new PolicyAnswer(
            verdict,
            citations,
            AnswerSentence(verdict, best.Entry.Clause, quote),
            NextStep(verdict, best.Entry.Clause),
            citations.Skip(1).Take(2).Select(c => c.ClauseId).ToList(),
            quote,
            query.AsksToSetUpOfficialSite);
    }

    // Ranking weights, set by reasoning about the five real policies and checked on our own questions.
    internal static class Tuning
    {
        public const double PairWeight = 0.75;       // adjacent question words found together in the clause
        public const double CoverageBase = 0.5;     // score × (base + share of the question the clause covers)
        public const double CoveragePower = 1;
        // Re-rank × (base + share covered by the clause's best sentence): the best sentence settles near ties, but a clause
        // that covers the whole question across its sentences keeps its lead over one sentence covering most of it.
        public const double SentenceBase = 0.75;
        public const double PermissionBoost = 1.4;  // "can I …?" prefers clauses that permit or forbid
        public const double OwnerConflict = 0.5;    // a clause only about the other owner's devices/accounts
        public const double SentenceOwnerConflict = 0.5; // within a clause, the sentence about the other owner's devices
        public const double PeopleConflict = 0.4;   // a clause only about other people than the question's
        public const double ExceptionMet = 2.5;     // a prohibition whose exception the question is about
        public const double WhoApproves = 1.7;      // "who do I ask?" prefers a rule that requires approval
        public const double NamedApprover = 2.5;    // … and, of those, the one that names who approves
        public const double WhatToDo = 2.2;         // "what do I do?", "who do I tell?" prefers a rule to report
        public const double NamedRecipient = 1.3;   // … and "who do I tell?", of those, the one that names whom
        public const double Consequence = 2.0;      // "could I get sacked?" prefers a clause that states consequences
        public const double SchoolResponds = 2.0;   // "will the school do anything?" prefers a clause saying what the school will do
        public const double Scope = 1.5;            // "does this policy apply to governors?" prefers what the policy says of itself
        public const double CueTieBreak = 0.1;      // sentence choice: share of the question a stronger cue is worth
    }

    /// <summary>
    /// The best-ranked clause that matches enough of the question, among the first few: an intent boost ("who do I
    /// tell?" → a reporting rule) can lift a clause that barely matches above one that does. Lower down, a
    /// definition or front matter answers nothing; ranked first, a definition answers only when
    /// <paramref name="definitionsAnswer"/> (the question asks what a word means or whom the policy covers). -1 when
    /// none does: the policy does not cover the question.
    /// </summary>
    internal static int AnsweringClause(List<Ranked> ranked, double minCoverage = MinCoverage, bool definitionsAnswer = true)
    {
        for (var i = 0; i < Math.Min(ranked.Count, AnswerFrom); i++)
        {
            var r = ranked[i];
            if (r.Coverage >= minCoverage && r.Bm25 >= (r.AsIntended ? MinScoreAsIntended : MinScore)
                && ((i == 0 && (definitionsAnswer || !r.Entry.IsDefinition)) || !(r.Entry.IsDefinition || r.Entry.IsFrontMatter)))
                return i > 0 && LeadsClearly(ranked[0], r, minCoverage) ? 0 : i;
        }
        return -1;
    }

    /// <summary>
    /// The floors say whether the policy covers the question; once a clause lower down shows it does, a first clause
    /// that falls a little short of them (a short question whose words the right clause shares only once, short of
    /// <see cref="MinScore"/>; or one padded with words addressed to the bot, short of the coverage) still answers if it scores well ahead of
    /// that clause. Not over a clause of the kind the question asks for, which the floors let answer through a weaker
    /// match on purpose (<see cref="MinScoreAsIntended"/>), nor for a definition or front matter.
    /// </summary>
    static bool LeadsClearly(Ranked top, Ranked answering, double minCoverage) =>
        !answering.AsIntended && !top.Entry.IsDefinition && !top.Entry.IsFrontMatter
        && top.Coverage >= minCoverage / 2 && top.Bm25 >= MinScore / 2
        && top.Score >= ClearLead * answering.Score;

    /// <summary>How far ahead the first clause must score to answer in place of the first that clears the floors (1.0–1.5 measured the same; 2 lost a question).</summary>
    const double ClearLead = 1.5;

    public static PolicyAnswer NotCovered() => new(
        Verdict.NotCovered,
        [],
        "Your school's policy doesn't cover this, so there is no rule to quote. You can ask a person.",
        "Ask a person: your question goes to the colleague your school has named for policy questions.",
        [],
        null);

    /// <summary>Why the engine answered as it did: the query's slots and the top clauses with their scores (for tuning by hand).</summary>
    public static string Explain(PolicyIndex index, string question)
    {
        var query = Query.From(index, QuestionText.Clean(Truncate(question)));
        var lines = new List<string>
        {
            $"on topic: {query.IsOnTopic}; asks about a duty: {query.AsksAboutDuty}; during lessons or duty: {query.IsDuringSessions}",
            $"owner: {query.Owner}; people: {string.Join(",", query.PeopleAsked)}; permission: {query.AsksPermission}; who approves: {query.AsksWhoApproves}; set up: {query.AsksToSetUpOfficialSite}; what to do: {query.AsksWhatToDo}; consequences: {query.AsksAboutConsequences}",
            "slots: " + string.Join(" | ", query.Slots.Select(s => $"{s.Concept}({s.Weight:0.00}: {string.Join(",", s.Concepts.Select(c => $"{c.Concept}:{c.Weight:0.0}"))})")),
        };
        foreach (var r in Rank(index, query).Take(6))
            lines.Add($"  {r.Score,7:0.00} cov {r.Coverage:0.00} bm25 {r.Bm25:0.00} [{r.Entry.Clause.Id}] {r.Entry.Cue}/{r.Entry.RuleCue} {r.Entry.Owner} {string.Join(",", r.Entry.People)} {r.Entry.Clause.Text[..Math.Min(110, r.Entry.Clause.Text.Length)]}");
        return string.Join(Environment.NewLine, lines);
    }

    internal static string Truncate(string question)
    {
        if (question.Length <= MaxQuestionLength)
            return question;
        var cut = question.LastIndexOf(' ', MaxQuestionLength);
        return question[..(cut > MaxQuestionLength / 2 ? cut : MaxQuestionLength)];
    }

    /// <param name="AsIntended">The clause is the kind of rule the question's intent asks for (see <see cref="MinScoreAsIntended"/>).</param>
    internal sealed record Ranked(PolicyIndex.Entry Entry, double Score, double Coverage, double Bm25, bool AsIntended = false);

    internal static List<Ranked> Rank(PolicyIndex index, Query query)
    {
        var results = new List<Ranked>();
        if (query.Slots.Count == 0)
            return results;
        var counted = new Dictionary<string, double>(StringComparer.Ordinal);
        var idf = new Dictionary<string, double>(StringComparer.Ordinal);
        var ids = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var slot in query.Slots)
            foreach (var (concept, _) in slot.Concepts)
                (idf[concept], ids[concept]) = (index.Idf(concept), index.ConceptId(concept));
        var schoolUseOnly = AboutSchoolUseOnly(query);
        foreach (var entry in index.Entries)
        {
            // A clause with list items is answered through its items, which carry its lead-in. A signature or review
            // line answers nothing.
            if (entry.Clause.HasBullets || entry.IsRecordLine)
                continue;
            double bm25 = 0;
            // Each word of the question counts once, through its best-matching form (itself or an expansion), and
            // each concept of the clause once ("staffroom at lunch" is one mention of break time, not two).
            counted.Clear();
            foreach (var slot in query.Slots)
            {
                double best = 0;
                string? bestConcept = null;
                foreach (var (concept, weight) in slot.Concepts)
                {
                    var value = weight * index.Bm25(entry, concept);
                    if (value > best)
                        (best, bestConcept) = (value, concept);
                }
                if (bestConcept is not null && (!counted.TryGetValue(bestConcept, out var already) || already < best))
                    counted[bestConcept] = best;
            }
            foreach (var value in counted.Values)
                bm25 += value;
            if (bm25 <= 0)
                continue;

            double covered = 0;
            foreach (var slot in query.Slots)
            {
                double best = 0;
                foreach (var (concept, weight) in slot.Concepts)
                    if (weight > best && entry.Tf.ContainsKey(concept))
                        best = weight;
                covered += slot.Weight * best;
            }
            var coverage = covered / query.TotalSlotWeight;

            double pairs = 0;
            for (var i = 0; i < query.Slots.Count; i++)
            {
                for (var j = i + 1; j < query.Slots.Count && j <= i + 2; j++)
                {
                    double bestPair = 0;
                    foreach (var (a, wa) in query.Slots[i].Concepts)
                        foreach (var (b, wb) in query.Slots[j].Concepts)
                            if (a != b && wa * wb * (idf[a] + idf[b]) / 2 > bestPair && ids[a] >= 0 && ids[b] >= 0 && entry.Pairs.Contains(PolicyIndex.PairKey(ids[a], ids[b])))
                                bestPair = wa * wb * (idf[a] + idf[b]) / 2;
                    pairs += bestPair;
                }
            }

            // "If in doubt, tell SLT" ranks a clause as a reporting rule only for someone who says they are unsure,
            // as it decides the verdict only for them (ReadVerdict).
            var cue = query.SaysUnsure ? entry.Cue : entry.RuleCue;
            var score = (bm25 + Tuning.PairWeight * pairs) * Math.Pow(Tuning.CoverageBase + coverage, Tuning.CoveragePower);
            // A question asks what to do: clauses that state a rule beat definitions and background.
            // "Do governors have to follow this?" is answered by what the policy says of itself.
            if (query.AsksAboutScope && entry.IsAboutThePolicy)
                score *= Tuning.Scope;
            else if (entry.IsDefinition || entry.IsFrontMatter)
                score *= 0.4;
            // A return slip's "I understand that if I breach the conditions, access … will be withheld" is the signer's
            // declaration, background to other questions, but it is the policy telling staff what follows a breach: the
            // answer to a question asking what follows.
            else if (cue == VerdictClassifier.Cue.None && !(query.AsksAboutConsequences && entry.StatesConsequence && Declaration(entry.Clause.Text)))
                score *= 0.6;
            if (!query.AsksAboutScope && entry.IsAboutThePolicy && cue is VerdictClassifier.Cue.None or VerdictClassifier.Cue.Duty or VerdictClassifier.Cue.Yes)
                score *= 0.6;
            // Staff asking about themselves are not asking what pupils are taught to do, or what parents are asked to do.
            if (entry.IsAboutPupilOrParentConduct && query.IsFirstPerson)
                score *= 0.6;
            // The question's intent picks the kind of rule: "who do I ask?" wants an approval, "what do I do?" a report.
            // Every policy puts a new official site behind someone's approval: "can we start a class blog?" asks for it too.
            var asIntended = (query.AsksWhoApproves || query.AsksToSetUpOfficialSite) && cue == VerdictClassifier.Cue.AskFirst;
            if (asIntended)
                score *= Tuning.WhoApproves;
            // "Who do I ask?" is answered by the rule that says who ("… must be obtained from the Computing Coordinator"),
            // not by one that only says approval is needed ("with the approval of the school").
            if (query.AsksWhoApproves && cue == VerdictClassifier.Cue.AskFirst && NamedPerson(entry.Clause.Text) is not null)
                score *= Tuning.NamedApprover;
            if (query.AsksWhatToDo && cue == VerdictClassifier.Cue.Report)
                score *= Tuning.WhatToDo;
            // "Who do I tell?" is answered by the reporting rule that says whom ("… brought to the attention of the DSL"), more
            // than by one that only says a report is due ("a statutory duty to report signs of …").
            if (query.AsksWhoToTell && cue == VerdictClassifier.Cue.Report && NamedPerson(entry.Clause.Text) is not null)
                score *= Tuning.NamedRecipient;
            if (query.AsksAboutConsequences && entry.StatesConsequence)
                score *= Tuning.Consequence;
            // "Does school do anything?" asks how the school responds: the clause that says what the school will do answers,
            // however many of the question's words the rules for staff beside it share.
            if (query.AsksWhatSchoolDoes && entry.SaysWhatSchoolDoes)
                score *= Tuning.SchoolResponds;
            // A clause only about the other owner's things (own devices vs school computers) answers another question.
            // "My fb on the class laptop" is about both owners' things, but the device is the school's: a clause only about
            // staff's own devices answers another question.
            // A question about setting up a site that says no owner ("a facebook page for the eco club") is about one of the
            // school's: only official sites are set up for the school's clubs and classes (and Query reads it so only when
            // nothing in it is personal).
            var owner = query.Owner == Owner.None && query.AsksToSetUpOfficialSite ? Owner.School : query.Owner;
            if (Ownership.Conflicts(owner, entry.Owner) || Ownership.Conflicts(query.DeviceOwner, entry.DeviceOwner))
                score *= Tuning.OwnerConflict;
            // "Can we start a page for the class?" asks about creating an official site; a rule for personal use (the
            // school's accounts are not for personal reasons; in a personal capacity, add a disclaimer) answers another question.
            if (query.AsksToSetUpOfficialSite && entry.IsPersonalUseRule)
                score *= Tuning.OwnerConflict;
            // "Can I post about the staff restructure on the school page?" is about the school's account and names no end of
            // the staff member's own: the rule that the school's accounts are not for personal reasons answers another
            // question ("… to advertise my cake business"), unless another sentence of the clause is what the question meets.
            else if (schoolUseOnly && PersonalUseDecides(entry, query))
                score *= Tuning.OwnerConflict;
            // A clause only about other people (pupils, when the question is about a colleague) answers another question.
            if (index.People.Conflict(query.PeopleAsked, entry.People))
                score *= Tuning.PeopleConflict;
            // "My nephew is in Y4: can we stay friends?" is about the exception of "must not … unless the pupils are
            // family members": that clause decides it (unless the question asks whose approval it needs).
            // An exception that is the school's own channel ("… other than via school-owned accounts") is not: a
            // question about the school's account is answered by the rules for that account.
            if (!query.AsksWhoApproves && cue is VerdictClassifier.Cue.No or VerdictClassifier.Cue.Duty && entry.Parts.Value.Any(p => p.Cue is VerdictClassifier.Cue.No or VerdictClassifier.Cue.Duty && query.MeetsException(p.Exception) && !p.Exception!.NamesSchool))
                score *= Tuning.ExceptionMet;
            // "Can I …?" is answered by a rule that permits or forbids, more than by a duty or background. What the school
            // undertakes to give staff ("training … will be given to all staff") reads as yes but permits nothing.
            if (query.AsksPermission && cue is VerdictClassifier.Cue.No or VerdictClassifier.Cue.OnlyThrough or VerdictClassifier.Cue.Yes or VerdictClassifier.Cue.AskFirst
                && !(cue == VerdictClassifier.Cue.Yes && entry.GivesToStaff))
                score *= Tuning.PermissionBoost;
            results.Add(new Ranked(entry, score, coverage, bm25, asIntended));
        }
        results.Sort((x, y) => y.Score.CompareTo(x.Score));

        // Re-rank the leaders by their single best-matching sentence: a clause that answers in one sentence beats
        // one that collects the question's words across a long paragraph.
        var head = Math.Min(results.Count, 8);
        for (var i = 0; i < head; i++)
        {
            var r = results[i];
            var best = r.Entry.Parts.Value.Select(p => query.Overlap(p.Concepts)).DefaultIfEmpty(0).Max() / query.TotalSlotWeight;
            results[i] = r with { Score = r.Score * (Tuning.SentenceBase + best) };
        }
        results.Sort(0, head, Comparer<Ranked>.Create((x, y) => y.Score.CompareTo(x.Score)));
        return results;
    }

    static (Verdict Verdict, string Quote) ReadVerdict(PolicyIndex.Entry entry, Query query)
    {
        var clause = entry.Clause;
        var asksDuty = query.AsksAboutDuty;
        (string Text, VerdictClassifier.Cue Cue, double Overlap, string Part, IReadOnlySet<string> Concepts)? chosen = null;
        var clauseParts = entry.Parts.Value;
        var partConcepts = clauseParts.Select(p => p.Concepts).ToList();
        // "Who do I ask?" answered by a clause that has an approval step in it ("… an application will be approved or
        // rejected. In all cases, the SLT must be satisfied that anyone running an account on behalf of the school has …
        // received training"): the approval answers, however many of the question's words the duty beside it shares.
        var approvalOnly = query.AsksWhoApproves && clauseParts.Any(p => p.Cue == VerdictClassifier.Cue.AskFirst);
        for (var i = 0; i < clauseParts.Count; i++)
        {
            if (approvalOnly && clauseParts[i].Cue != VerdictClassifier.Cue.AskFirst)
                continue;
            var part = clauseParts[i].Part;
            var sentence = clauseParts[i].Sentence;
            var text = clause.LeadIn is null ? sentence : $"{clause.LeadIn} {sentence}";
            var cue = clauseParts[i].Cue;
            if (cue == VerdictClassifier.Cue.None)
                continue;
            // "Be aware that the site may attract media attention. … must not communicate with the media without the
            // approval of the head teacher": the warning is background to the instruction beside it, which decides.
            if (cue == VerdictClassifier.Cue.Caution && VerdictClassifier.WarnsOfPossibility(part) && clauseParts.Any(p => IsInstruction(p.Cue)))
                continue;
            // What this sentence says that its neighbours do not ("not allowed during working hours, but permitted
            // during break times") decides which one the question is about.
            var others = partConcepts.Where((_, j) => j != i).SelectMany(c => c).ToHashSet(StringComparer.Ordinal);
            var overlap = query.Overlap(partConcepts[i]) * 0.5 + query.Overlap(partConcepts[i].Except(others).ToHashSet(StringComparer.Ordinal));
            // "not from the school's computers … however, staff may use their own devices": whose device the
            // question is about picks the sentence.
            if (Ownership.Conflicts(query.Owner, Ownership.OfText(part)))
                overlap *= Tuning.SentenceOwnerConflict;
            // Between sentences the question reaches about equally, the one that tells staff what to do decides
            // ("a statutory duty to report …" over "staff need to be aware …").
            // "If in doubt, inform SLT" is the way out for someone unsure, not the rule: it breaks no tie over the rule
            // next to it ("only use the school's systems") unless the question says the staff member is unsure.
            var strength = !query.SaysUnsure && VerdictClassifier.IsFallbackForDoubt(part) ? CueStrength(VerdictClassifier.Cue.Caution) : CueStrength(cue);
            overlap += Tuning.CueTieBreak * strength * query.TotalSlotWeight;
            if ((query.AsksWhoApproves && cue == VerdictClassifier.Cue.AskFirst) || (query.AsksWhatToDo && cue == VerdictClassifier.Cue.Report)
                || (query.AsksAboutConsequences && VerdictClassifier.StatesConsequence(part)))
                overlap = overlap * 1.5 + 1;
            // "I'm on tiktok most of PPA, is that an issue?": how much, not whether, is the question, so the rule on
            // excessive use answers it, however many of its other words the permission beside it shares.
            if (query.DescribesHeavyUse && VerdictClassifier.IsAboutExcessiveUse(part))
                overlap += query.TotalSlotWeight;
            if (chosen is null || overlap > chosen.Value.Overlap + 1e-9)
                chosen = (text, cue, overlap, part, partConcepts[i]);
        }
        // A clause with no instruction in it describes what the school does ("this will be addressed by the school in the
        // first instance"): to staff asking what to do about an incident, that means bringing it to the school.
        // One that calls the thing unlawful ("Downloading films that have copyright attached. (Although this is
        // illegal …)") answers "can I …?" with no.
        if (chosen is null)
        {
            var forbids = query.AsksPermission && !query.AsksAboutConsequences && !query.AsksAboutScope && VerdictClassifier.CallsItUnlawful(clause.Text);
            return (query.AsksWhatToDo ? Verdict.Report : forbids ? Verdict.No : Verdict.Yes, Shorten(clause.Text));
        }

        var (quote, chosenCue, _, chosenPart, chosenConcepts) = chosen.Value;
        var verdict = VerdictClassifier.Resolve(chosenCue, asksDuty) ?? Verdict.Yes;
        // A list item's modal and its exception can sit in the lead-in ("staff should: restrict access …").
        var rule = clause.LeadIn is null ? chosenPart : $"{clause.LeadIn} {chosenPart}";
        if (chosenCue == VerdictClassifier.Cue.Duty && asksDuty && VerdictClassifier.IsRecommendation(rule))
            verdict = Verdict.Caution;
        // "Is it on me if I post something wrong?" answered by "Employees must take responsibility for content they publish
        // …, and must be aware that any breaches may result in disciplinary action": yes, it is theirs; the warning beside the
        // duty does not make it a caution.
        if (chosenCue == VerdictClassifier.Cue.Caution && query.AsksIfResponsible && VerdictClassifier.MakesStaffResponsible(chosenPart))
            verdict = Verdict.Yes;
        if (chosenCue is VerdictClassifier.Cue.No or VerdictClassifier.Cue.Duty && query.MeetsException(rule))
            verdict = Verdict.Yes;
        // "Must not have contact with pupils' family members if that contact is likely to constitute a conflict of interest":
        // the rule forbids only what staff judge to fall under its condition, so it asks for care, not a plain no.
        else if (chosenCue == VerdictClassifier.Cue.No && VerdictClassifier.ForbidsOnlyIfJudged(rule))
            verdict = Verdict.Caution;
        // "All media enquiries must be forwarded to the head teacher": what comes in is passed on, which is reporting it, though
        // the clause ranks as an approval step (its next sentence: "must not communicate with the media without … approval").
        if (chosenCue == VerdictClassifier.Cue.AskFirst && !query.AsksWhoApproves && VerdictClassifier.PassesOn(chosenPart))
            verdict = Verdict.Report;
        // "Not permitted … unless authorised": the rule is no; the approval is the answer only to "who do I ask?".
        if (chosenCue == VerdictClassifier.Cue.AskFirst && !query.AsksWhoApproves && VerdictClassifier.IsProhibitionUnlessApproved(chosenPart))
            verdict = Verdict.No;
        // "May use their own devices … only outside lesson times", asked by someone in a lesson: not then. The whole
        // sentence is read, as the limit is often its second half ("…, but only outside of lesson times").
        if (verdict == Verdict.Yes && chosenCue == VerdictClassifier.Cue.Yes && query.IsDuringSessions && VerdictClassifier.LimitsToOutsideSessions(quote))
            verdict = Verdict.No;
        if (chosenCue is VerdictClassifier.Cue.OnlyThrough && query.MentionsOfficialChannel)
            verdict = Verdict.Yes;
        // "The head has said yes, so can I run the account now?": the approval the rule asks for has been given.
        if (chosenCue == VerdictClassifier.Cue.AskFirst && query.StatesApprovalGiven && !query.AsksWhoApproves && !query.AsksAboutDuty)
            verdict = Verdict.Yes;
        // "Not sure if it's OK to reply" answered by "… should be made aware and will decide how to deal with the situation":
        // the person to tell decides whether the staff member may act, so asking to act, they ask first. Something that
        // happened to them ("not sure it's OK that a pupil keeps emailing me") is still reported.
        var decisionIsTheirs = chosenCue == VerdictClassifier.Cue.Report && query.AsksPermission && query.AskedAction is not null
            && VerdictClassifier.LeavesDecisionToThem(chosenPart);
        if (decisionIsTheirs)
            verdict = Verdict.AskFirst;
        // "Am I allowed to just block them?" answered by "staff should block, report or delete …": the policy tells staff to
        // do what is asked, so yes (asked what to do, it is still a report).
        if (chosenCue == VerdictClassifier.Cue.Report && !decisionIsTheirs && query.AsksPermission && query.AskedAction is { } action && chosenConcepts.Contains(action))
            verdict = Verdict.Yes;
        // "Could that get me sacked?" answered by "disciplinary action will result": yes, it would. Answered by "… may
        // lead to disciplinary action", the policy warns that it could: a caution, not a plain yes.
        if (query.AsksAboutConsequences && VerdictClassifier.StatesConsequence(chosenPart) && verdict is Verdict.Caution or Verdict.Yes or Verdict.No or Verdict.Report)
            verdict = VerdictClassifier.StatesPossibleConsequence(chosenPart) ? Verdict.Caution : Verdict.Yes;
        return (verdict, Shorten(quote));
    }

    /// <summary>A cue that tells staff what to do or not to do (not a permission, a caution or a bare duty).</summary>
    static bool IsInstruction(VerdictClassifier.Cue cue) =>
        cue is VerdictClassifier.Cue.No or VerdictClassifier.Cue.AskFirst or VerdictClassifier.Cue.Report or VerdictClassifier.Cue.OnlyThrough;

    /// <summary>How directly a cue tells staff what to do: a report or an approval step beats a bare caution.</summary>
    static double CueStrength(VerdictClassifier.Cue cue) => cue switch
    {
        VerdictClassifier.Cue.Report => 1.0,
        VerdictClassifier.Cue.AskFirst => 0.8,
        VerdictClassifier.Cue.No or VerdictClassifier.Cue.OnlyThrough => 0.6,
        VerdictClassifier.Cue.Yes => 0.5,
        VerdictClassifier.Cue.Caution => 0.3,
        _ => 0.2,
    };

    /// <summary>Sentences, and the halves of "…, but …" sentences, which often carry opposite rules.</summary>
    internal static IEnumerable<string> Parts(string text) => SentenceParts(text).Select(p => p.Part);

    /// <summary>Each part with the whole sentence it comes from (the verdict is read from the part, the sentence is quoted).</summary>
    internal static IEnumerable<(string Part, string Sentence)> SentenceParts(string text)
    {
        foreach (var sentence in SentenceBreak().Split(text))
            foreach (var part in ContrastBreak().Split(sentence))
                if (part.Trim().Length > 0)
                    yield return (part.Trim(), sentence.Trim());
    }

    static string Shorten(string text)
    {
        text = PolicyParser.StripEmphasis(text).Trim();
        return text.Length <= 400 ? text : text[..text.LastIndexOf(' ', 397)] + "…";
    }

    static string AnswerSentence(Verdict verdict, PolicyClause clause, string quote)
    {
        var source = clause.Id.Contains('¶') ? $"Your policy ({clause.Id})" : $"Clause {clause.Id}";
        var lead = verdict switch
        {
            Verdict.Yes => "Yes.",
            Verdict.No => "No.",
            Verdict.AskFirst => "Ask first.",
            Verdict.Report => "Report it.",
            _ => "Take care.",
        };
        return $"{lead} {source} says: \"{quote}\"";
    }

    static string? NextStep(Verdict verdict, PolicyClause clause)
    {
        var who = NamedPerson(clause.Text);
        return verdict switch
        {
            Verdict.AskFirst => who is null ? $"Get approval before you go ahead, as {Reference(clause)} says." : $"Ask the {who} before you go ahead.",
            Verdict.Report => who is null ? $"Report it as {Reference(clause)} says, as soon as you can." : $"Tell the {who} as soon as you can.",
            Verdict.No => "Don't go ahead. If you think your situation is different, ask a person.",
            Verdict.Caution => "Read the clause before you decide; if you are unsure, ask a person.",
            _ => null,
        };
    }

    static string Reference(PolicyClause clause) => clause.Id.Contains('¶') ? $"your policy ({clause.Id})" : $"clause {clause.Id}";

    /// <summary>The person or team the clause itself names, if any (never guessed).</summary>
    /// <summary>A rule for personal use (<see cref="PersonalUse"/>).</summary>
    internal static bool ForbidsPersonalUse(string text) => PersonalUse().IsMatch(text);

    /// <summary>
    /// The clause is a rule for personal use: its lead-in says so ("… when using social media in a personal capacity:"),
    /// or the sentence of it the question meets most does.
    /// </summary>
    static bool PersonalUseDecides(PolicyIndex.Entry entry, Query query)
    {
        if (entry.HasPersonalUseLeadIn)
            return true;
        var parts = entry.Parts.Value;
        if (!parts.Any(p => KeepsSchoolAccountsFromPersonalUse(p.Part)))
            return false;
        var best = parts.Max(p => query.Overlap(p.Concepts));
        return parts.Any(p => KeepsSchoolAccountsFromPersonalUse(p.Part) && query.Overlap(p.Concepts) >= best);
    }

    /// <summary>"The school's social media accounts are not to be used for personal reasons" (not the school's computers).</summary>
    static bool KeepsSchoolAccountsFromPersonalUse(string sentence) =>
        ForbidsPersonalUse(sentence) && Ownership.OfText(sentence).HasFlag(Owner.School) && Ownership.DevicesOfText(sentence) != Owner.School;

    /// <summary>
    /// The question is about the school's account or site (not its devices, which staff may use for their own ends) and
    /// names no end of the staff member's own (<see cref="Query.NamesOwnEnds"/>).
    /// </summary>
    static bool AboutSchoolUseOnly(Query query) =>
        query.Owner == Owner.School && query.DeviceOwner != Owner.School && !query.NamesOwnEnds;

    /// <summary>A rule for personal use: "… not to be used for personal reasons", "in a personal capacity".</summary>
    [GeneratedRegex(@"\b(?:for (?:personal|private) (?:reasons|use|purposes|matters|gain)|in a (?:personal|private) capacity)\b", RegexOptions.IgnoreCase)]
    private static partial Regex PersonalUse();

    /// <summary>A return slip's declaration for the staff member to sign ("I understand that …", "I agree to …").</summary>
    static bool Declaration(string text) => text.StartsWith("I ", StringComparison.Ordinal);

    internal static string? NamedPerson(string text)
    {
        var m = Person().Match(text);
        if (!m.Success) return null;
        var s = m.Value.ToLowerInvariant();
        if (s.Contains("safeguarding") || s == "dsl") return "Designated Safeguarding Lead";
        if (s.Contains("head")) return "Headteacher";
        if (s.Contains("comput") || s.Contains("ict")) return "Computing Coordinator";
        if (s.Contains("line manager")) return "line manager";
        return "senior leadership team";
    }

    // A full stop after a word also ends a sentence whose successor starts in lower case ("… on school accounts. pupils
    // must not …", a typing slip), but not after "etc." or a short abbreviation ("e.g. these views").
    [GeneratedRegex(@"(?<=[.!?])\s+(?=[A-Z""“'(])|(?<=\b(?!etc\.)[a-z]{3,}\.)\s+(?=[a-z]{3,}\b)")]
    private static partial Regex SentenceBreak();

    [GeneratedRegex(@",\s+but\s+|;\s+(?=[A-Za-z])|\.\s+However,\s+")]
    private static partial Regex ContrastBreak();

    [GeneratedRegex(@"designated safeguarding lead|\bDSL\b|head ?teacher|head of school|principal|computing co-?ordinator|computer co-?ordinator|ICT lead|(senior )?(leadership|management) team|\bSLT\b|\bSMT\b|senior member of staff|line manager", RegexOptions.IgnoreCase)]
    private static partial Regex Person();
}
