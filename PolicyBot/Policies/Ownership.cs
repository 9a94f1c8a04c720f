using System.Text.RegularExpressions;

namespace PolicyBot.Policies;

/// <summary>
/// Whose device, account or email a text is about. Policies give opposite rules for the two ("not permitted from
/// the school's computers" in one paragraph, "staff may use their own devices" in the next), so a question about a
/// school laptop prefers the clause about school equipment, and one about "my own phone" the clause about own devices.
/// A clause about both (or neither) is neutral.
/// </summary>
[Flags]
public enum Owner { None = 0, Personal = 1, School = 2, Both = Personal | School }

public static partial class Ownership
{
    const string Things = @"(phones?|mobiles?|iphones?|smart ?phones?|laptops?|tablets?|ipads?|pcs?|computers?|devices?|equipment|accounts?|emails?|email address(es)?|gmail|profiles?|pages?|sites?|web ?space|insta\w*|facebook|fb|twitter|tiktok|snap\w*|whatsapp|social media)";

    /// <summary>What a staff member's question is about: "my own phone", "my personal insta" or "the school laptop".</summary>
    public static Owner OfQuestion(string question) =>
        Read(question, s => PersonalInQuestion().IsMatch(s) || SignsUpToPlatform().IsMatch(s), SchoolThing().IsMatch);

    /// <summary>What a policy sentence is about: "their own devices", "personal social media", "the school's computers".</summary>
    public static Owner OfText(string text) =>
        Read(text, PersonalInPolicy().IsMatch, s => SchoolThing().IsMatch(s) || Official().IsMatch(s));

    /// <summary>
    /// Whose device alone a staff member's question is about: "my fb on the class laptop" is a personal account on the
    /// school's device, which the rule on "their own computers or other devices" does not answer.
    /// </summary>
    public static Owner DevicesOfQuestion(string question) => Read(question, MyDevice().IsMatch, SchoolDevice().IsMatch);

    /// <summary>Whose devices alone a policy sentence is about: "their own computers or other devices", "the school's computers".</summary>
    public static Owner DevicesOfText(string text) => Read(text, OwnDevice().IsMatch, SchoolDevice().IsMatch);

    static Owner Read(string text, Func<string, bool> personal, Func<string, bool> school)
    {
        var s = text.ToLowerInvariant().Replace('’', '\'');
        return (personal(s) ? Owner.Personal : Owner.None) | (school(s) ? Owner.School : Owner.None);
    }

    /// <summary>Both sides say whose it is, and they disagree.</summary>
    public static bool Conflicts(Owner question, Owner text) =>
        question is Owner.Personal or Owner.School && text is Owner.Personal or Owner.School && question != text;

    [GeneratedRegex(@"(?<!\b(school'?s|its|our) )\b(own|personal)\b|\bmy (own |private )?" + Things + @"\b")]
    private static partial Regex PersonalInQuestion();

    /// <summary>"Used my school email to sign up for twitter": signing up to a platform makes an account of one's own.</summary>
    [GeneratedRegex(@"\b(sign(ed|ing|s)?\s?up|register(ed|ing)?|join(ed|ing)?)\s+(to\s+|for\s+|on\s+|with\s+)?(twitter|x|facebook|fb|insta\w*|tiktok|snap\w*|linkedin|pinterest|youtube|whatsapp|threads)\b")]
    private static partial Regex SignsUpToPlatform();

    [GeneratedRegex(@"\b(own|personal)\s+(\w+\s+){0,2}?" + Things + @"\b|\bpersonal (web ?space|social medi\w+)\b")]
    private static partial Regex PersonalInPolicy();

    [GeneratedRegex(@"\b(school|school's|class|classroom|staffroom|staff room|office|work|official)\s+((?!(on|in|at|to|from|with|via|onto|into|over)\b)\w+\s+)?" + Things + @"\b|\bschool[- ](owned|hosted|run|managed)\b|\b(accounts?|pages?|sites?|blogs?|channels?)\s+for\s+(my|our|the)\s+((year|y)\s*\d+\s+|reception\s+)?(class|classes|year group|form|department|pupils)\b")]
    private static partial Regex SchoolThing();

    /// <summary>
    /// The school's own sites, as policies name them: "official school sites", and use of social media "for work purposes"
    /// or "in a professional capacity" (rules for the school's channels, not for a staff member's own account).
    /// </summary>
    [GeneratedRegex(@"\bofficial (school )?(sites?|channels?|accounts?)\b|\bfor work purposes\b|\bin a professional capacity\b")]
    private static partial Regex Official();

    const string Devices = @"(phones?|mobiles?|iphones?|smart ?phones?|laptops?|tablets?|ipads?|pcs?|computers?|devices?|equipment)";

    [GeneratedRegex(@"\bmy (own )?" + Devices + @"\b|\bown " + Devices + @"\b")]
    private static partial Regex MyDevice();

    [GeneratedRegex(@"\b(own|personal)\s+(\w+\s+){0,2}?" + Devices + @"\b")]
    private static partial Regex OwnDevice();

    [GeneratedRegex(@"\b(school|school's|class|classroom|staffroom|staff room|office|work)\s+(\w+\s+)?" + Devices + @"\b")]
    private static partial Regex SchoolDevice();
}
