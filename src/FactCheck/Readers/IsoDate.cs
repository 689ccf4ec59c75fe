using System.Globalization;

namespace FactCheck.Readers;

/// <summary>Parses ISO 8601 dates and date-times; a value without an offset keeps its clock time with offset +00:00.</summary>
public static class IsoDate
{
    private static readonly string[] formats =
    [
        "yyyy-MM-dd",
        "yyyy-MM-dd'T'HH:mm", "yyyy-MM-dd'T'HH:mm:ss", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFF",
        "yyyy-MM-dd'T'HH:mmzzz", "yyyy-MM-dd'T'HH:mm:sszzz", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFzzz",
        "yyyy-MM-dd'T'HH:mm'Z'", "yyyy-MM-dd'T'HH:mm:ss'Z'", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'",
        "yyyy-MM-dd HH:mm", "yyyy-MM-dd HH:mm:ss", "yyyy-MM-dd HH:mmzzz", "yyyy-MM-dd HH:mm:sszzz",
        "yyyy-MM-dd'T'HH:mm:sszz", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFzz",
    ];

    /// <summary>True when the text is an ISO 8601 date or date-time; <paramref name="hasOffset"/> says whether the text stated the offset.</summary>
    public static bool TryParse(ReadOnlySpan<char> text, out DateTimeOffset value, out bool hasOffset)
    {
        text = text.Trim();
        hasOffset = false;
        if (text.Length < 10) { value = default; return false; }
        if (!DateTimeOffset.TryParseExact(text, formats, CultureInfo.InvariantCulture,
                DateTimeStyles.AssumeUniversal, out value))
            return false;
        var tail = text.Length > 10 ? text[10..] : default;
        hasOffset = tail.EndsWith("Z", StringComparison.OrdinalIgnoreCase) || tail.LastIndexOfAny('+', '-') > 0;
        return true;
    }

    public static bool TryParse(ReadOnlySpan<char> text, out DateTimeOffset value) => TryParse(text, out value, out _);
}
