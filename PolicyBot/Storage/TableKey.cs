using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace PolicyBot.Storage;

/// <summary>
/// Turns ids that come from a channel (conversation ids, activity ids, user ids) into Table Storage keys.
/// Keys may not hold <c>/ \ # ?</c> or control characters; Teams ids normally hold none of them (they hold
/// <c>: ; @ =</c>, which are fine), but the ids are not ours, so escape them anyway. The escape is reversible:
/// <c>%</c> and each refused character become <c>%XX</c>, everything else is kept as it is.
/// </summary>
public static class TableKey
{
    /// <summary>Keys longer than this (after escaping) are hashed by <see cref="EscapeOrHash"/>; the service allows 1 KiB.</summary>
    public const int MaxEscapedLength = 512;

    public static string Escape(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        if (!value.Any(NeedsEscape))
            return value;
        var builder = new StringBuilder(value.Length + 8);
        foreach (var c in value)
        {
            if (NeedsEscape(c))
                builder.Append('%').Append(((int)c).ToString("X2", CultureInfo.InvariantCulture));
            else
                builder.Append(c);
        }
        return builder.ToString();
    }

    public static string Unescape(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        if (!key.Contains('%', StringComparison.Ordinal))
            return key;
        var builder = new StringBuilder(key.Length);
        for (var i = 0; i < key.Length; i++)
        {
            if (key[i] == '%' && i + 2 < key.Length && int.TryParse(key.AsSpan(i + 1, 2), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var code))
            {
                builder.Append((char)code);
                i += 2;
            }
            else
            {
                builder.Append(key[i]);
            }
        }
        return builder.ToString();
    }

    /// <summary>
    /// The escaped key, or — when that would be too long for a key — <c>sha256:</c> and its hash. For keys that
    /// are only ever looked up, never read back (de-duplication).
    /// </summary>
    public static string EscapeOrHash(string value)
    {
        var escaped = Escape(value);
        if (escaped.Length <= MaxEscapedLength)
            return escaped;
        return "sha256:" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(value)));
    }

    // Every refused character is a control character (U+0000–U+001F, U+007F–U+009F) or ASCII: two hex digits suffice.
    static bool NeedsEscape(char c) => c is '%' or '/' or '\\' or '#' or '?' || char.IsControl(c);
}
