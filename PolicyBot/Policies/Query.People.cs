using System.Text.RegularExpressions;

namespace PolicyBot.Policies;

/// <summary>Whom a question is about: owners said only to say whose ("a pupil's mum"), relatives, and the asker's own role.</summary>
internal sealed partial class Query
{
    /// <summary>
    /// Concepts of words used only as owners ("a pupil's parent", "my class's dads"), when the question does not
    /// also use them on their own elsewhere.
    /// </summary>
    static HashSet<string> Possessors(PolicyIndex index, string question)
    {
        var owners = new HashSet<string>(StringComparer.Ordinal);
        foreach (Match m in PossessiveModifier().Matches(question))
            foreach (var t in index.Analyze(m.Groups[1].Value))
                owners.Add(t.Concept);
        // "The mother of a child in my class" is "a child's mother" said the other way round.
        foreach (Match m in RelativeOf().Matches(question))
            foreach (var t in index.Analyze(m.Groups["owner"].Value))
                owners.Add(t.Concept);
        if (owners.Count == 0)
            return owners;
        var stripped = RelativeOf().Replace(PossessiveModifier().Replace(question, " "), "${relative} ");
        owners.ExceptWith(index.Analyze(stripped).Select(t => t.Concept));
        return owners;
    }

    /// <summary>
    /// The owners of <see cref="Possessors"/> whose possession is not a child of theirs: "my sister's kid" is a nephew or
    /// niece, so the sister's family counts; "my son's football team", "my sons team", "my daughter's friend" are other
    /// people's, and the family word only says how the staff member knows them.
    /// </summary>
    internal static HashSet<string> OnlyOwnersOf(PolicyIndex index, string question)
    {
        var owners = new HashSet<string>(StringComparer.Ordinal);
        var kept = question;
        foreach (Match m in PossessiveModifier().Matches(question))
        {
            if (!Relative().IsMatch(m.Groups[1].Value) || ChildOfOwner().IsMatch(question[(m.Index + m.Length)..]))
                continue;
            foreach (var t in index.Analyze(m.Groups[1].Value))
                owners.Add(t.Concept);
            kept = kept.Replace(m.Value, " ");
        }
        foreach (Match m in RelativesGroup().Matches(question))
        {
            foreach (var t in index.Analyze(m.Groups["owner"].Value))
                owners.Add(t.Concept);
            kept = kept.Replace(m.Groups["owner"].Value + "s", " ");
        }
        if (owners.Count > 0)
            owners.ExceptWith(index.Analyze(kept).Select(t => t.Concept));
        return owners;
    }

    /// <summary>The relatives whose possessions <see cref="OnlyOwnersOf"/> weighs ("my son's", "my sister's").</summary>
    [GeneratedRegex(@"^(?:son|daughter|sister|brother|cousin|niece|nephew|husband|wife|partner|mum|mom|dad|mother|father|aunt|auntie|uncle|gran|nan|grandma|grandad|stepson|stepdaughter)$", RegexOptions.IgnoreCase)]
    private static partial Regex Relative();

    // What follows a relative's "'s" when the possession is their child ("my sister's kid", "my cousin's little boy"), or
    // when "'s" is "is" or "has" ("my nephew's in y3", "my sister's just started").
    [GeneratedRegex(@"^(?:(?:little|youngest|eldest|oldest|older|younger|baby|two|three|new|step)\s+)?(?:kids?|child|children|sons?|daughters?|boys?|girls?|bab(?:y|ies)|twins|little ones?|niece|nephew|grand(?:son|daughter|child)s?)\b|^(?:in|at|on|a|an|the|been|got|just|not|now|also|still|only|going|gonna|started|starting|joined|joining|moving|moved|here|there|my|our|his|her|their|at|into|doing|being|always|never|very|so|too|really|finally)\b", RegexOptions.IgnoreCase)]
    private static partial Regex ChildOfOwner();

    /// <summary>"My sons football team", "my daughters friends": a relative's group or friends, the apostrophe left out.</summary>
    [GeneratedRegex(@"\b(?<owner>son|daughter|sister|brother|cousin|niece|nephew|husband|wife|mum|dad)s\s+(?:\w+\s+)?(?:team|club|class|school|friends?|mates?|teammates?|classmates?|group)\b", RegexOptions.IgnoreCase)]
    private static partial Regex RelativesGroup();

    /// <summary>
    /// The concepts of a role the staff member introduces themselves with at the start ("new TA, …", "office staff here, …",
    /// "I'm a music teacher - …"), when a staff role is among them and the rest of the question does not name it again.
    /// </summary>
    internal static HashSet<string> AskerRole(PolicyIndex index, string question)
    {
        var role = new HashSet<string>(StringComparer.Ordinal);
        if (AskerIntro().Match(question) is not { Success: true } m)
            return role;
        var roleWords = new HashSet<string>(index.Analyze(m.Groups["role"].Value).Select(t => t.Concept), StringComparer.Ordinal);
        var staffRoles = StaffRoleWords.Select(index.Analyzer.ConceptOf).ToHashSet(StringComparer.Ordinal);
        role.UnionWith(roleWords.Where(staffRoles.Contains));
        role.ExceptWith(index.Analyze(question[(m.Index + m.Length)..]).Select(t => t.Concept));
        return role;
    }

    static readonly string[] StaffRoleWords = ["colleague", "staff", "teacher"];

    [GeneratedRegex(@"^\s*(?:(?:hi|hello|hey)[,!]?\s+)?(?:i'?m |i am |i’m )?(?:a |an |the )?(?:new |just a |only a )?(?<role>[a-z][a-z'’ ]{0,30}?)(?:\s+here\b[,.:;!]?|\s*[,:;–—-])\s", RegexOptions.IgnoreCase)]
    private static partial Regex AskerIntro();

    [GeneratedRegex(@"\b([A-Za-z]+)(?:'s|’s|s'|s’)\s+(?=[A-Za-z])")]
    private static partial Regex PossessiveModifier();

    /// <summary>"The mum of a boy in my class", "parents of one of my pupils": a pupil's relative, with the pupil as the owner.</summary>
    [GeneratedRegex(@"\b(?<relative>mother|mothers|mum|mums|mom|moms|father|fathers|dad|dads|parents?|carers?|grandparents?|grandmother|grandfather|gran|nan|grandad|brother|sister|siblings?|aunt|auntie|uncle|family)\s+of\s+(?:a|an|the|one of (?:my|our|the)|my|our|his|her|their|this|that)?\s*(?<owner>child|children|pupils?|kids?|boy|girl|students?|learners?)\b", RegexOptions.IgnoreCase)]
    private static partial Regex RelativeOf();

    /// <summary>
    /// Someone or something of the staff member's own life: "my sister", "my best mate's", "my etsy shop", "my church". Not "my
    /// kids" (often the class) nor "my club" (often a school club).
    /// </summary>
    [GeneratedRegex(@"\bmy\s+(\w+\s+)?(mates?|friends?|pals?|sisters?|brothers?|mum|mom|dad|husband|wife|partner|son|daughter|family|niece|nephew|cousin|aunt|auntie|uncle|gran|nan|grandma|grandad|neighbou?r|shop|business|company|band|charity|church)('s|s')?\b", RegexOptions.IgnoreCase)]
    private static partial Regex OwnPeopleOrVenture();
}
