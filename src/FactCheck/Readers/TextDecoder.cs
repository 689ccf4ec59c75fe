using System.Globalization;
using System.Text;
using FactCheck.Model;

namespace FactCheck.Readers;

/// <summary>Turns file bytes into text: UTF-8 (a leading UTF-8 byte-order mark is dropped), UTF-16 with a BOM; binary and
/// invalid UTF-8 are refused with a diagnostic, and so is a UTF-16 BOM followed by bytes that are not UTF-16 text.</summary>
public static class TextDecoder
{
    private static readonly UTF8Encoding strictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);
    private static readonly UTF8Encoding strictUtf8Bom = new(encoderShouldEmitUTF8Identifier: true, throwOnInvalidBytes: true);
    private static readonly UnicodeEncoding strictUtf16Le = new(bigEndian: false, byteOrderMark: true, throwOnInvalidBytes: true);
    private static readonly UnicodeEncoding strictUtf16Be = new(bigEndian: true, byteOrderMark: true, throwOnInvalidBytes: true);

    /// <summary>The decoded text, or null and an error saying why the bytes are not text.</summary>
    public static string? Decode(byte[] bytes, Origin origin, out Diagnostic? error)
    {
        error = null;
        if (bytes.Length >= 2 && (bytes[0], bytes[1]) is (0xFF, 0xFE) or (0xFE, 0xFF))
        {
            var enc = bytes[0] == 0xFF ? strictUtf16Le : strictUtf16Be;
            string text;
            try { text = enc.GetString(bytes, 2, bytes.Length - 2); }
            catch (DecoderFallbackException) { error = NotUtf16(origin, "unpaired surrogates"); return null; }
            if ((bytes.Length & 1) != 0) { error = NotUtf16(origin, "an odd number of bytes"); return null; }
            if (NotText(text) is { } why) { error = NotUtf16(origin, why); return null; }
            return text;
        }
        int start = bytes.Length >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF ? 3 : 0;
        int nul = Array.IndexOf(bytes, (byte)0, start);
        if (nul >= 0)
        {
            error = Diagnostic.Error(origin, $"binary file (NUL byte at offset {nul}); not read");
            return null;
        }
        try { return strictUtf8.GetString(bytes, start, bytes.Length - start); }
        catch (DecoderFallbackException e)
        {
            var at = e.Index >= 0 ? $" at byte {e.Index + start}" : "";
            error = Diagnostic.Error(origin, $"not valid UTF-8{at} (binary file or another encoding); not read");
            return null;
        }
    }

    /// <summary>The encoding of a stream from its first bytes (a strict decoder, whose preamble is the BOM to skip), or null and
    /// an error when they are binary or a UTF-16 BOM is followed by something that is not text.</summary>
    public static Encoding? Sniff(ReadOnlySpan<byte> head, Origin origin, out Diagnostic? error)
    {
        error = null;
        if (head.Length >= 2 && ((head[0] == 0xFF && head[1] == 0xFE) || (head[0] == 0xFE && head[1] == 0xFF)))
        {
            var enc = head[0] == 0xFF ? strictUtf16Le : strictUtf16Be;
            int len = (head.Length - 2) & ~1;
            // judged with replacement characters (a lone surrogate becomes U+FFFD, which NotText counts)
            var lenient = head[0] == 0xFF ? Encoding.Unicode : Encoding.BigEndianUnicode;
            string text = lenient.GetString(head.Slice(2, len));
            // the head may cut a surrogate pair at its end; judge the rest
            if (text.Length > 0 && (char.IsHighSurrogate(text[^1]) || text[^1] == '\uFFFD')) text = text[..^1];
            if (NotText(text) is { } why) { error = NotUtf16(origin, why); return null; }
            return enc;
        }
        bool bom = head.Length >= 3 && head[0] == 0xEF && head[1] == 0xBB && head[2] == 0xBF;
        int nul = head.IndexOf((byte)0);
        if (nul >= 0)
        {
            error = Diagnostic.Error(origin, $"binary file (NUL byte at offset {nul}); not read");
            return null;
        }
        return bom ? strictUtf8Bom : strictUtf8;
    }

    private static Diagnostic NotUtf16(Origin origin, string why) =>
        Diagnostic.Error(origin, $"starts with a UTF-16 byte-order mark but is not UTF-16 text ({why}); not read");

    /// <summary>Why decoded text is not text (control characters, unassigned or private-use code points, lone surrogates),
    /// or null. Random bytes read as UTF-16 are mostly such code points.</summary>
    public static string? NotText(string text)
    {
        int bad = 0;
        for (int i = 0; i < text.Length; i++)
        {
            char c = text[i];
            if (c is '\t' or '\n' or '\r' or '\f') continue;
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1])) { i++; continue; }
            var cat = char.GetUnicodeCategory(c);
            if (cat is UnicodeCategory.Control) return $"control character U+{(int)c:X4} at character {i}";
            if (cat is UnicodeCategory.OtherNotAssigned or UnicodeCategory.PrivateUse or UnicodeCategory.Surrogate || c == '\uFFFD') bad++;
        }
        return bad > 0 && bad * 50 >= text.Length ? $"{bad} of {text.Length} characters are unassigned, private-use or broken" : null;
    }
}
