using System.Text;
using System.Text.RegularExpressions;

namespace FactCheck.Output;

/// <summary>Article text is untrusted: escaping for each output context, and the one rule for links (only absolute http(s) URLs).</summary>
public static class SafeText
{
    /// <summary>HTML text and attribute values (quotes included).</summary>
    public static string Html(string? s) => s is null ? "" : System.Net.WebUtility.HtmlEncode(s);

    /// <summary>The URL when it is an absolute http or https URL (which may become a link), else null.</summary>
    public static string? HttpUrl(string? url)
    {
        if (string.IsNullOrWhiteSpace(url)) return null;
        var t = url.Trim();
        if (!Uri.TryCreate(t, UriKind.Absolute, out var u)) return null;
        if (u.Scheme != Uri.UriSchemeHttp && u.Scheme != Uri.UriSchemeHttps) return null;
        if (t.Any(c => char.IsControl(c) || char.IsWhiteSpace(c))) return null;
        return t;
    }

    /// <summary>An HTML link when the URL is http(s), else the text alone; both escaped.</summary>
    public static string Link(string? url, string? text)
    {
        var label = Html(text ?? url);
        return HttpUrl(url) is { } ok ? $"<a href=\"{Html(ok)}\" rel=\"noopener noreferrer nofollow\">{label}</a>" : label;
    }

    /// <summary>JSON text that is safe inside an HTML &lt;script&gt; element: &lt; &gt; &amp; and the line separators as \u escapes.</summary>
    public static string JsonForScript(string json)
    {
        var sb = new StringBuilder(json.Length + 16);
        foreach (var c in json)
            sb.Append(c switch
            {
                '<' => "\\u003c", '>' => "\\u003e", '&' => "\\u0026", '\u2028' => "\\u2028", '\u2029' => "\\u2029",
                _ => c.ToString(),
            });
        return sb.ToString();
    }

    /// <summary>Markdown inline text: no raw HTML, and no emphasis, code, link, image, heading or list syntax taken from the text.</summary>
    public static string Markdown(string? s)
    {
        if (s is null) return "";
        var sb = new StringBuilder(s.Length + 8);
        foreach (var c in System.Net.WebUtility.HtmlEncode(s))
        {
            if (c is '\\' or '*' or '_' or '`' or '[' or ']' or '(' or ')' or '!' or '#' or '~' or '{' or '}') sb.Append('\\');
            sb.Append(c);
        }
        return sb.ToString();
    }

    private static readonly Regex AnsiSequence = new(@"\x1B(?:\[[0-?]*[ -/]*[@-~]|\][^\x07\x1B]*(?:\x07|\x1B\\)?|[@-Z\\-_])",
        RegexOptions.Compiled | RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));

    /// <summary>Text for a terminal: escape sequences removed, other control characters (but tab and newline) shown as U+FFFD.</summary>
    public static string Terminal(string? s)
    {
        if (string.IsNullOrEmpty(s)) return s ?? "";
        var t = AnsiSequence.Replace(s, "");
        var sb = new StringBuilder(t.Length);
        foreach (var c in t)
            sb.Append(c is '\n' or '\t' ? c : char.IsControl(c) || c is '\u202A' or '\u202B' or '\u202C' or '\u202D' or '\u202E' or '\u2066' or '\u2067' or '\u2068' or '\u2069' ? '\uFFFD' : c);
        return sb.ToString();
    }
}
