using System.Text;

namespace PolicyBot.Tests.Infrastructure;

/// <summary>
/// Text that takes the most room once written as JSON: Urdu, Arabic, Polish with diacritics and emoji, no ASCII
/// (which JSON writes as itself). Lengths are in UTF-16 characters, as the app's limits are.
/// </summary>
static class LongText
{
    const string Pieces = "اردو😀واقعہ👩‍🏫حادثة🙂Zażółćgęśląjaźń🧒میںکچھ💬ŻÓŁW🚸";

    /// <summary>Exactly <paramref name="length"/> characters, starting with <paramref name="start"/>, never ending in half an emoji.</summary>
    public static string NonLatin(int length, string start = "")
    {
        var text = new StringBuilder(start, length + Pieces.Length);
        while (text.Length < length)
            text.Append(Pieces);
        text.Length = length;
        if (char.IsHighSurrogate(text[^1]))
            text[^1] = 'ą';
        return text.ToString();
    }

    /// <summary>Exactly <paramref name="length"/> characters of emoji alone (a pair of UTF-16 characters each).</summary>
    public static string Emoji(int length)
    {
        var text = new StringBuilder(length + 2);
        while (text.Length < length)
            text.Append("😀");
        text.Length = length;
        if (char.IsHighSurrogate(text[^1]))
            text[^1] = 'ą';
        return text.ToString();
    }
}
