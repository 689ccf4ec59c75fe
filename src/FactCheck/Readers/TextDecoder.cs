using System.Text;
using FactCheck.Model;

namespace FactCheck.Readers;

/// <summary>Turns file bytes into text: UTF-8 (a leading UTF-8 byte-order mark is dropped), UTF-16 with a BOM; binary and invalid UTF-8 are refused with a diagnostic.</summary>
public static class TextDecoder
{
    private static readonly UTF8Encoding strictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>The decoded text, or null and an error saying why the bytes are not text.</summary>
    public static string? Decode(byte[] bytes, Origin origin, out Diagnostic? error)
    {
        error = null;
        if (bytes.Length >= 2 && (bytes[0], bytes[1]) is (0xFF, 0xFE) or (0xFE, 0xFF))
        {
            var enc = bytes[0] == 0xFF ? Encoding.Unicode : Encoding.BigEndianUnicode;
            return enc.GetString(bytes, 2, bytes.Length - 2);
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
}
