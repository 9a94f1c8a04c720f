using System.Text.RegularExpressions;

namespace PolicyBot.Policies;

/// <summary>
/// A search index over one school's clauses: BM25 over analysed concepts, with the section heading as a second,
/// lighter field and adjacent-concept pairs for phrase matching. Immutable once built; safe to share.
/// </summary>
public sealed partial class PolicyIndex
{
    const double K1 = 1.2;
    const double B = 0.5; // clauses vary from one line to a paragraph; a full length penalty buries the paragraphs
    const double HeadingWeight = 0.35;

    /// <summary>
    /// Two concepts this close in a clause count as said together, counting content words only: stop words do not
    /// part "creation of sites for work purposes" more than "official school sites created".
    /// </summary>
    const int PairWindow = 3;

    internal sealed class Entry
    {
        public required PolicyClause Clause { get; init; }
        public required Dictionary<string, double> Tf { get; init; }
        /// <summary>Pairs of concepts said close together (<see cref="PairKey"/> of their ids).</summary>
        public required HashSet<long> Pairs { get; init; }
        public required double Length { get; set; }
        public required IReadOnlyList<string> Concepts { get; init; }
        public required VerdictClassifier.Cue Cue { get; init; }

        /// <summary>The cue without the clause's "if in doubt, …" fallback: what ranks it for someone who does not say they are unsure.</summary>
        public required VerdictClassifier.Cue RuleCue { get; init; }
        public required bool IsDefinition { get; init; }
        public required bool IsAboutPupilOrParentConduct { get; init; }
        public required bool IsAboutThePolicy { get; init; }

        /// <summary>What the school undertakes to give staff ("training … will be given to all staff"): reads as yes, permits nothing.</summary>
        public required bool GivesToStaff { get; init; }

        /// <summary>A rule for personal use ("… not to be used for personal reasons", "in a personal capacity").</summary>
        public required bool IsPersonalUseRule { get; init; }

        /// <summary>The clause's list lead-in is a rule for personal use ("… when using social media in a personal capacity:").</summary>
        public required bool HasPersonalUseLeadIn { get; init; }
        public required bool StatesConsequence { get; init; }

        /// <summary>The clause says how the school responds ("the school will report the matter to the police", "… will be reported to …").</summary>
        public required bool SaysWhatSchoolDoes { get; init; }
        public required Owner Owner { get; init; }

        /// <summary>Whose devices alone the clause is about (<see cref="Ownership.DevicesOfText"/>).</summary>
        public required Owner DeviceOwner { get; init; }
        public required IReadOnlySet<string> People { get; init; }
        public bool IsFrontMatter { get; set; }

        /// <summary>A signature, approval or review line ("(Headteacher) Date: February 2021"): a record, never an answer.</summary>
        public required bool IsRecordLine { get; init; }

        /// <summary>The clause's sentence parts with their concepts and cues, worked out on first use.</summary>
        public required Lazy<IReadOnlyList<ClausePart>> Parts { get; init; }
    }

    readonly Entry[] _entries;
    readonly Dictionary<string, int> _df = new(StringComparer.Ordinal);
    readonly Dictionary<string, int> _ids = new(StringComparer.Ordinal);
    readonly double _averageLength;

    public PolicyDocument Document { get; }
    public TextAnalyzer Analyzer { get; }
    internal People People { get; }

    /// <summary>A clause naming this many platforms lists them as examples (see <see cref="ListedPlatformWeight"/>).</summary>
    internal const int MinPlatformsListed = 3;

    /// <summary>What a platform named in such a list counts for in the clause's term frequency.</summary>
    internal const double ListedPlatformWeight = 0.3;

    PolicyIndex(PolicyDocument document, TextAnalyzer analyzer)
    {
        Document = document;
        Analyzer = analyzer;
        People = new People(analyzer);
        GenericWords = analyzer.Analyze("staff member policy work").Select(t => t.Concept).ToHashSet(StringComparer.Ordinal);
        PersonalWords = analyzer.Analyze("personal own private").Select(t => t.Concept).ToHashSet(StringComparer.Ordinal);
        PrivateConcept = analyzer.ConceptOf("private");
        DutyWords = analyzer.Analyze("supervision").Select(t => t.Concept).ToHashSet(StringComparer.Ordinal);
        TimeOffWords = analyzer.Analyze("break, staffroom, outside work").Select(t => t.Concept).ToHashSet(StringComparer.Ordinal);
        LessonWords = analyzer.Analyze("lesson session").Select(t => t.Concept).ToHashSet(StringComparer.Ordinal);
        SchoolOrClassWords = analyzer.Analyze("school class department").Select(t => t.Concept).ToHashSet(StringComparer.Ordinal);
        SiteKindWords = analyzer.Analyze("site account blog channel page group profile").Select(t => t.Concept).ToHashSet(StringComparer.Ordinal);
        OfficialConcept = analyzer.ConceptOf("official");
        OnlineConcepts = analyzer.Analyze("social media online internet web website site account profile blog post comment message email friend follow tag screenshot password learning platform wikipedia photo video breach")
            .Select(t => t.Concept).ToHashSet(StringComparer.Ordinal);
        _schoolNames = SchoolNameConcepts(document.Name, analyzer);
        var headingTerms = new Dictionary<string, IReadOnlyList<Term>>(StringComparer.Ordinal);
        _entries = new Entry[document.Clauses.Count];
        for (var i = 0; i < _entries.Length; i++)
        {
            var clause = document.Clauses[i];
            var terms = Analyze(clause.Text);
            if (!headingTerms.TryGetValue(clause.Section, out var heading))
                headingTerms[clause.Section] = heading = Analyze(clause.Section);
            var tf = new Dictionary<string, double>(StringComparer.Ordinal);
            foreach (var t in terms)
                tf[t.Concept] = tf.GetValueOrDefault(t.Concept) + 1;
            // "When creating an online social media site (Twitter, FaceBook, Flickr, Tumblr, etc.)": platforms listed together
            // are examples of social media, not what the clause is about; one named alone ("Year groups are issued a
            // Twitter account") is. Listed, each counts as a fraction of a mention.
            var platforms = tf.Keys.Where(analyzer.Vocabulary.Platforms.Contains).ToList();
            if (platforms.Count >= MinPlatformsListed)
                foreach (var platform in platforms)
                    tf[platform] *= ListedPlatformWeight;
            foreach (var t in heading)
                tf[t.Concept] = tf.GetValueOrDefault(t.Concept) + HeadingWeight;
            // A clause with list items is ranked through its items (Rank skips it), so its pairs would never be read.
            var pairs = new HashSet<long>();
            for (var a = 0; a < (clause.HasBullets ? 0 : terms.Count); a++)
                for (var b = a + 1; b < terms.Count && b - a <= PairWindow; b++)
                    pairs.Add(PairKey(IdOf(terms[a].Concept), IdOf(terms[b].Concept)));
            foreach (var concept in tf.Keys)
                _df[concept] = _df.GetValueOrDefault(concept) + 1;
            // "… a business case which covers the following points: - How the account will be promoted": an item that
            // names a topic (a wh- clause) is something to write about, not something the lead-in tells staff to do.
            var cue = clause.LeadIn is not null && TopicItem().IsMatch(clause.Body) ? VerdictClassifier.Cue.None : VerdictClassifier.CueOf(clause.Text);
            _entries[i] = new Entry
            {
                Parts = new Lazy<IReadOnlyList<ClausePart>>(() => SplitParts(clause), LazyThreadSafetyMode.ExecutionAndPublication),
                Clause = clause,
                Tf = tf,
                Pairs = pairs,
                Length = Math.Max(1, terms.Count),
                Concepts = terms.Select(t => t.Concept).ToList(),
                Cue = cue,
                RuleCue = RuleCueOf(clause.Text, cue),
                IsDefinition = VerdictClassifier.IsDefinition(clause.Text),
                IsAboutThePolicy = AboutThePolicy(clause.Text),
                GivesToStaff = VerdictClassifier.GivesToStaff(clause.Text),
                IsPersonalUseRule = PolicyAnswerer.ForbidsPersonalUse(clause.Text),
                HasPersonalUseLeadIn = clause.LeadIn is { } leadIn && PolicyAnswerer.ForbidsPersonalUse(leadIn),
                StatesConsequence = VerdictClassifier.StatesConsequence(clause.Text),
                SaysWhatSchoolDoes = SchoolActs().IsMatch(clause.Body),
                // "… in their personal social media accounts. Instead, … signpost pupils to … the official school site": what to do
                // in place of the forbidden thing is the alternative the rule points to, not whose things the rule is about.
                Owner = Ownership.OfText(Alternative().Replace(clause.Text, " ")),
                DeviceOwner = Ownership.DevicesOfText(clause.Text),
                // "Decline friend requests from pupils who are not family members" is about pupils, not family members.
                People = People.In(Analyze(PeopleExcluded().Replace(clause.Text, " ")).Select(t => t.Concept)),
                IsAboutPupilOrParentConduct = VerdictClassifier.IsAboutPupilOrParentConduct(clause.LeadIn ?? clause.Text),
                IsRecordLine = RecordLine().IsMatch(clause.Text),
            };
        }
        // Boilerplate repeated through a document (a trust's full name in every clause) says nothing about the
        // rule; it should not make those clauses look long. Words the vocabulary knows are never boilerplate.
        var boilerplate = _df.Where(kv => kv.Value >= Math.Max(3, 0.12 * _entries.Length) && !analyzer.Vocabulary.Knows(kv.Key))
            .Select(kv => kv.Key).ToHashSet(StringComparer.Ordinal);
        foreach (var entry in _entries)
            entry.Length = Math.Max(1, entry.Concepts.Count(c => !boilerplate.Contains(c)));
        _averageLength = _entries.Length == 0 ? 1 : _entries.Average(e => e.Length);
        // Mission statements, titles and review dates come before the first rule; they answer nothing.
        foreach (var entry in _entries.TakeWhile(e => e.Cue == VerdictClassifier.Cue.None))
            entry.IsFrontMatter = true;
        // A form's own text ("Please complete this form and forward it to …", under "… Approval Form") restates the rule the
        // body of the policy gives ("Staff must complete the … Approval Form"): like front matter it answers nothing itself.
        foreach (var entry in _entries.Where(e => FormText().IsMatch(e.Clause.Section) || FormText().IsMatch(e.Clause.Text)))
            entry.IsFrontMatter = true;
        // A platform's own terms quoted with their section numbers ("You will not bully, intimidate, or harass any user
        // (1.3.6).") are the platform's rules for its users, not the school's for its staff: background, like front matter.
        foreach (var entry in _entries.Where(e => QuotedTerms().IsMatch(e.Clause.Text)))
            entry.IsFrontMatter = true;
    }

    /// <summary>A sentence of someone else's terms ending in their section number: "… any user (1.3.6).", "… (4.1);".</summary>
    [GeneratedRegex(@"\(\d+(\.\d+)+\)\s*[.;]")]
    private static partial Regex QuotedTerms();

    /// <summary>A heading naming a form ("Social Media Site Creation Approval Form"), or a form's instructions ("please complete this form").</summary>
    [GeneratedRegex(@"\bform\s*$|\b(complete|fill in|fill out|return) this form\b", RegexOptions.IgnoreCase)]
    private static partial Regex FormText();

    [GeneratedRegex(@"^\W*(how|who|whom|what|whether|which|why)\b", RegexOptions.IgnoreCase)]
    private static partial Regex TopicItem();

    readonly HashSet<string> _schoolNames;
    static readonly HashSet<string> NameFillers = new(StringComparer.Ordinal) { "st", "saint", "primary", "school", "ce", "cep", "rc", "catholic", "academy", "junior", "infant", "infants", "c", "e", "of", "the", "and", "church", "england", "policy", "policies" };

    // "St Joseph's" in a question or in the policy means "the school": read the school's own name as that concept.
    static HashSet<string> SchoolNameConcepts(string name, TextAnalyzer analyzer) =>
        TextAnalyzer.Words(name.Replace('-', ' ').Replace('_', ' '))
            .Where(w => !NameFillers.Contains(w) && w.Length > 2)
            .Select(w => analyzer.Vocabulary.Canonical(Stemmer.Stem(w)))
            .ToHashSet(StringComparer.Ordinal);

    /// <summary>Analyses text the way this index does (the school's name read as "school").</summary>
    public IReadOnlyList<Term> Analyze(string text)
    {
        var terms = Analyzer.Analyze(text);
        if (_schoolNames.Count == 0)
            return terms;
        var school = Analyzer.Vocabulary.Canonical("school");
        var result = new List<Term>(terms.Count);
        foreach (var t in terms)
            result.Add(_schoolNames.Contains(t.Concept) ? t with { Concept = school } : t);
        return result;
    }

    internal sealed record ClausePart(string Part, string Sentence, IReadOnlySet<string> Concepts, VerdictClassifier.Cue Cue, ExceptionTerms? Exception);

    /// <summary>
    /// The exception of a rule ("… unless the pupils are family members") as the concepts a question must use to fall
    /// under it: those of its condition that the rule itself, and generic or "personal" words, do not have.
    /// </summary>
    internal sealed record ExceptionTerms(IReadOnlySet<string> Distinctive, bool NamesSchool);

    internal ExceptionTerms? ExceptionOf(string sentence)
    {
        var (main, _, condition) = VerdictClassifier.SplitException(sentence);
        if (condition.Length == 0)
            return null;
        var exception = ConceptsOf(condition);
        var distinctive = exception.Except(ConceptsOf(main)).Except(GenericWords).Except(PersonalWords).ToHashSet(StringComparer.Ordinal);
        return distinctive.Count == 0 ? null : new ExceptionTerms(distinctive, exception.Contains(Analyzer.Vocabulary.Canonical("school")));
    }

    HashSet<string> ConceptsOf(string text) => Analyze(text).Select(t => t.Concept).ToHashSet(StringComparer.Ordinal);

    /// <summary>Words every staff question and clause has ("staff", "policy", "work"): they never make a question specific.</summary>
    internal IReadOnlySet<string> GenericWords { get; }

    /// <summary>
    /// Concepts of things that live online or get shared there (social media, posts, messages, accounts, photos): a question
    /// with none of them needs a clause that matches it more closely. A breach is one too: it is a breach of this policy.
    /// </summary>
    internal IReadOnlySet<string> OnlineConcepts { get; }

    /// <summary>
    /// "The class blog", "the school fb": a school or class word before a kind of site (or a platform) names the
    /// school's own site, which policies call official ("for work purposes", "on behalf of the school"). A department's
    /// site ("a twitter for the PE department") is the school's too.
    /// </summary>
    internal IReadOnlySet<string> SchoolOrClassWords { get; }

    /// <inheritdoc cref="SchoolOrClassWords"/>
    internal IReadOnlySet<string> SiteKindWords { get; }

    /// <inheritdoc cref="SchoolOrClassWords"/>
    internal string OfficialConcept { get; }

    /// <summary>"personal", "own", "private": whose account it is, not what the question is about.</summary>
    internal IReadOnlySet<string> PersonalWords { get; }

    internal string PrivateConcept { get; }

    /// <summary>When a question happens: on duty, in time off (a break, the staffroom, outside work), in a lesson.</summary>
    internal IReadOnlySet<string> DutyWords { get; }

    /// <inheritdoc cref="DutyWords"/>
    internal IReadOnlySet<string> TimeOffWords { get; }

    /// <inheritdoc cref="DutyWords"/>
    internal IReadOnlySet<string> LessonWords { get; }

    List<ClausePart> SplitParts(PolicyClause clause) =>
        PolicyAnswerer.SentenceParts(clause.Body).Select(p =>
        {
            var cue = VerdictClassifier.CueOf(p.Part);
            // An item under "employees must not:" is forbidden, even where it says "do anything that could be considered
            // discrimination": the lead-in's prohibition governs the item's own wording of caution.
            if (clause.LeadIn is not null && (cue == VerdictClassifier.Cue.None || (cue == VerdictClassifier.Cue.Caution && VerdictClassifier.CueOf(clause.LeadIn) == VerdictClassifier.Cue.No)))
                cue = VerdictClassifier.CueOf($"{clause.LeadIn} {p.Part}");
            return new ClausePart(p.Part, p.Sentence, ConceptsOf(p.Part), cue, ExceptionOf(p.Part));
        }).ToList();

    /// <summary>
    /// A clause's cue read without its "if in doubt, …" sentence ("(If there is any doubt about whether … is acceptable, a
    /// member of the senior management team should be informed …)"): that sentence is the way out for someone unsure, not
    /// the clause's rule, and must not make the clause a reporting rule for every "what do I do?". A clause that is only
    /// the fallback keeps its cue.
    /// </summary>
    static VerdictClassifier.Cue RuleCueOf(string text, VerdictClassifier.Cue cue)
    {
        // Most clauses have no such sentence: no need to split them.
        if (!VerdictClassifier.MentionsDoubt(text))
            return cue;
        var parts = PolicyAnswerer.Parts(text).ToList();
        var rules = parts.Where(p => !VerdictClassifier.IsFallbackForDoubt(p)).ToList();
        return VerdictClassifier.CueOf(rules.Count == parts.Count || rules.Count == 0 ? text : string.Join(" ", rules));
    }

    /// <summary>The fields of a document's record: who wrote, signed or approved it and when, when it is reviewed.</summary>
    [GeneratedRegex(@"^\W*(\([^)]{1,40}\)\s*)?(written by|date( reviewed| approved| for next review)?|signed|signature|approved by|review date|next review|name|print name|position)\s*:", RegexOptions.IgnoreCase)]
    private static partial Regex RecordLine();

    /// <summary>The school as the one acting: "the school will …", "the Headteacher will …", "… will be reported / dealt with".</summary>
    [GeneratedRegex(@"\b(the school|the academy|we|they|the head ?teacher|the headteacher|slt|the leadership team|senior leaders?|management)( \w+)? will\b|\bwill be (reported|resolved|investigated|dealt with|removed|addressed|referred|asked)\b|\b(school|academy|trust)( also)? (monitors|checks|records|logs|filters|tracks|reserves the right to)\b", RegexOptions.IgnoreCase)]
    private static partial Regex SchoolActs();

    /// <summary>A sentence that says what to do instead ("Instead, … signpost pupils to the official school site").</summary>
    [GeneratedRegex(@"(?<=^|[.!?]\s+)instead\b[^.!?]*[.!?]?", RegexOptions.IgnoreCase)]
    private static partial Regex Alternative();

    /// <summary>"… from pupils who are not family members", "unless the pupils are family members": people a rule leaves out.</summary>
    [GeneratedRegex(@"\b(who|which|that)\s+are\s+not\s+[^.;:,)]*|\b(unless|except|other than)\b[^.;:,)]*", RegexOptions.IgnoreCase)]
    private static partial Regex PeopleExcluded();

    // "This policy sets out …", "This policy reflects …": text about the document, not a rule for staff.
    // A return slip's "I have read and understood …" is a declaration to sign, not a rule either.
    static bool AboutThePolicy(string text) =>
        text.Contains("this policy", StringComparison.OrdinalIgnoreCase) || text.Contains("this document", StringComparison.OrdinalIgnoreCase)
        || text.StartsWith("I ", StringComparison.Ordinal);

    public static PolicyIndex Build(PolicyDocument document, TextAnalyzer? analyzer = null)
    {
        ArgumentNullException.ThrowIfNull(document);
        return new PolicyIndex(document, analyzer ?? TextAnalyzer.Default);
    }

    public int Count => _entries.Length;

    internal IReadOnlyList<Entry> Entries => _entries;

    public bool Knows(string concept) => _df.ContainsKey(concept);

    /// <summary>Inverse document frequency; a concept the policy never uses gets the weight of a rare one.</summary>
    public double Idf(string concept)
    {
        var n = _entries.Length;
        var df = _df.GetValueOrDefault(concept);
        return Math.Log(1 + (n - df + 0.5) / (df + 0.5));
    }

    /// <summary>The id of a concept the policy uses, or -1: pairs are kept as two ids in one number, cheap to look up.</summary>
    internal int ConceptId(string concept) => _ids.TryGetValue(concept, out var id) ? id : -1;

    int IdOf(string concept)
    {
        if (!_ids.TryGetValue(concept, out var id))
            _ids[concept] = id = _ids.Count;
        return id;
    }

    internal static long PairKey(int a, int b) => a <= b ? ((long)a << 32) | (uint)b : ((long)b << 32) | (uint)a;

    /// <summary>BM25 contribution of one concept in one clause (0 when absent).</summary>
    internal double Bm25(Entry entry, string concept)
    {
        if (!entry.Tf.TryGetValue(concept, out var tf))
            return 0;
        var norm = tf * (K1 + 1) / (tf + K1 * (1 - B + B * entry.Length / _averageLength));
        return Idf(concept) * norm;
    }
}
