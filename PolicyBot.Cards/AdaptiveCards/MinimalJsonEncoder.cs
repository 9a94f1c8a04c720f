using System.Buffers;
using System.Text;
using System.Text.Encodings.Web;

namespace PolicyBot.Cards.AdaptiveCards;

/// <summary>
/// Escapes what JSON itself requires: the quotation mark, the backslash and control characters (and a lone
/// surrogate, which is not text), plus the handful that matter if JSON is ever put into HTML or a script
/// (&lt; &gt; &amp; ' and U+2028/U+2029). Everything else, any script and emoji included, is written as itself.
/// </summary>
/// <remarks>
/// Why: the built-in encoders write every non-ASCII character as <c>\uXXXX</c> (six characters) and every emoji
/// as two of them, even <see cref="JavaScriptEncoder.UnsafeRelaxedJsonEscaping"/>. A card stored in a table row
/// (64 KiB per string) or sent to the Bot Connector (about 100 KB per message) written in Urdu or full of emoji then
/// takes six times the room its text needs. Our JSON travels as <c>application/json</c> in UTF-8.
/// </remarks>
public sealed class MinimalJsonEncoder : JavaScriptEncoder
{
    public static MinimalJsonEncoder Instance { get; } = new();

    MinimalJsonEncoder() { }

    // "\uXXXX" is the longest this writes for one character.
    public override int MaxOutputCharactersPerInputCharacter => 6;

    public override bool WillEncode(int unicodeScalar) => Escaped(unicodeScalar);

    public override unsafe int FindFirstCharacterToEncode(char* text, int textLength) =>
        FindFirst(new ReadOnlySpan<char>(text, textLength));

    public override int FindFirstCharacterToEncodeUtf8(ReadOnlySpan<byte> utf8Text)
    {
        var index = 0;
        while (index < utf8Text.Length)
        {
            var b = utf8Text[index];
            if (b < 0x80)
            {
                if (WillEncode(b))
                    return index;
                index++;
                continue;
            }
            // A C1 control (two bytes) or invalid UTF-8 goes to the escaping path, where invalid bytes become U+FFFD.
            if (Rune.DecodeFromUtf8(utf8Text[index..], out var rune, out var consumed) != OperationStatus.Done || WillEncode(rune.Value))
                return index;
            index += consumed;
        }
        return -1;
    }

    public override unsafe bool TryEncodeUnicodeScalar(int unicodeScalar, char* buffer, int bufferLength, out int numberOfCharactersWritten) =>
        TryEncode(unicodeScalar, new Span<char>(buffer, bufferLength), out numberOfCharactersWritten);

    static int FindFirst(ReadOnlySpan<char> text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c < '\uD800' && Escaped(c))
                return i;
            if (char.IsHighSurrogate(c))
            {
                // A whole pair is text (an emoji); half of one is not.
                if (i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
                {
                    i++;
                    continue;
                }
                return i;
            }
            if (char.IsLowSurrogate(c))
                return i;
        }
        return -1;
    }

    static bool TryEncode(int scalar, Span<char> destination, out int written)
    {
        ReadOnlySpan<char> shortForm = scalar switch
        {
            '"' => "\\\"",
            '\\' => "\\\\",
            '\n' => "\\n",
            '\r' => "\\r",
            '\t' => "\\t",
            '\b' => "\\b",
            '\f' => "\\f",
            _ => default,
        };
        if (!shortForm.IsEmpty)
            return Copy(shortForm, destination, out written);
        if (!Escaped(scalar))
            return Rune.TryCreate(scalar, out var rune) ? rune.TryEncodeToUtf16(destination, out written) : Copy("\uFFFD", destination, out written);
        // Control characters and the HTML-sensitive few reach here: surrogates never arrive as scalars.
        return Copy($"\\u{scalar:X4}", destination, out written);
    }

    // Control characters (C0, DEL, C1) too: JSON requires only C0, but the others are invisible and rare. And, though
    // no JSON of ours is put into HTML or a script today, the few characters that would matter there (< > & ' and the
    // line and paragraph separators): they are rare in what staff type, so escaping them costs next to nothing.
    static bool Escaped(int scalar) =>
        scalar is < 0x20 or '"' or '\\' or '<' or '>' or '&' or '\'' or (>= 0x7F and <= 0x9F) or 0x2028 or 0x2029 or (>= 0xD800 and <= 0xDFFF);

    static bool Copy(ReadOnlySpan<char> text, Span<char> destination, out int written)
    {
        if (text.Length > destination.Length)
        {
            written = 0;
            return false;
        }
        text.CopyTo(destination);
        written = text.Length;
        return true;
    }
}
