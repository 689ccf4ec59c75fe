using System.Text.RegularExpressions;
using FactCheck.Lang;
using FactCheck.Model;
using Newtonsoft.Json.Linq;

namespace FactCheck.Boilerplate;

/// <summary>How a boilerplate rule applies: to a whole line, or to a prefix at the start of a line.</summary>
public enum BoilerplateScope { Line, Prefix }

/// <summary>One boilerplate rule from data/boilerplate: a stable id, a compiled pattern, and its examples.</summary>
public sealed record BoilerplateRule(
    string Id, string Description, BoilerplateScope Scope, Regex Pattern, int MaxLineLength, int MaxStart,
    IReadOnlyList<RuleExample> Examples, IReadOnlyList<RuleExample> Negative)
{
    /// <summary>A character every match of the pattern contains (<see cref="RequiredChar"/>), or '\0': a line without it is
    /// not run through the regex (the photo-caption rule's ".{0,250}?" made it a twelfth of `extract`'s time).</summary>
    private readonly char required = RequiredChar(Pattern.ToString());

    /// <summary>The span this rule marks in the line [start, end) of text, if any.</summary>
    public TextSpan? Find(string text, int start, int end)
    {
        while (start < end && char.IsWhiteSpace(text[start])) start++;
        while (end > start && char.IsWhiteSpace(text[end - 1])) end--;
        if (end == start || start > MaxStart || end - start > MaxLineLength && Scope == BoilerplateScope.Line) return null;
        var line = text.AsSpan(start, end - start);
        if (required != '\0' && !line.Contains(required)) return null;
        try
        {
            if (Scope == BoilerplateScope.Line)
                return Pattern.IsMatch(line) ? new TextSpan(start, end) : null;
            foreach (var m in Pattern.EnumerateMatches(line))
                return m.Index == 0 && m.Length > 0 ? new TextSpan(start, start + m.Length) : null;
        }
        catch (RegexMatchTimeoutException) { }
        return null;
    }

    /// <summary>
    /// A punctuation character that the pattern requires at its top level (outside every group, class and escape, with no
    /// alternation at the top level and not made optional by ?, * or {0,...}), so that every match contains it; '\0' when
    /// there is none. Conservative: it only ever names a character no match can lack (letters, digits and white space are
    /// never chosen, so inline options such as (?i) or (?x) cannot change what it means).
    /// </summary>
    public static char RequiredChar(string pattern)
    {
        char found = '\0';
        int depth = 0;
        for (int i = 0; i < pattern.Length; i++)
        {
            char c = pattern[i];
            switch (c)
            {
                case '\\':                                         // an escape: a class, an anchor or a literal, never chosen
                    if (i + 1 < pattern.Length && pattern[i + 1] == 'k') return '\0';   // \k<name>: not worth reading
                    i++;
                    continue;
                case '[':                                           // a character class, to its closing bracket
                    i++;
                    if (i < pattern.Length && pattern[i] == '^') i++;
                    if (i < pattern.Length && pattern[i] == ']') i++;
                    while (i < pattern.Length && pattern[i] != ']') { if (pattern[i] == '\\') i++; i++; }
                    continue;
                case '{':                                           // a quantifier's bounds
                    while (i < pattern.Length && pattern[i] != '}') i++;
                    continue;
                case '#': return '\0';                              // (?x) comments could hide any character: none chosen
                case '(': depth++; continue;
                case ')': depth--; continue;
                case '|': if (depth == 0) return '\0'; continue; // alternatives at the top: nothing is required
            }
            if (depth != 0 || found != '\0') continue;
            if (char.IsLetterOrDigit(c) || char.IsWhiteSpace(c) || c is '.' or '^' or '$' or '?' or '*' or '+' or '}') continue;
            if (i + 1 < pattern.Length && (pattern[i + 1] is '?' or '*' || (pattern[i + 1] == '{' && i + 2 < pattern.Length && pattern[i + 2] is '0' or ','))) continue;
            found = c;
        }
        return depth == 0 ? found : '\0';
    }
}

/// <summary>Finds the spans of an article that are not its own statements: related links, credits, captions, ads, outlet prefixes.</summary>
public sealed class BoilerplateDetector
{
    /// <summary>Time any single rule may spend on one line.</summary>
    public static readonly TimeSpan MatchTimeout = TimeSpan.FromMilliseconds(100);

    private static readonly Lazy<BoilerplateDetector> @default = new(() =>
        Load(Path.Combine(DataPaths.Root, "boilerplate")));

    public IReadOnlyList<BoilerplateRule> Rules { get; }

    public BoilerplateDetector(IReadOnlyList<BoilerplateRule> rules) { Rules = rules; }

    /// <summary>The detector over every *.json rule file in data/boilerplate.</summary>
    public static BoilerplateDetector Default => @default.Value;

    /// <summary>Boilerplate spans into <paramref name="text"/>, in order and not overlapping.</summary>
    public IReadOnlyList<TextSpan> Detect(string text)
    {
        var spans = new List<TextSpan>();
        int lineStart = 0;
        while (lineStart <= text.Length)
        {
            int nl = text.IndexOf('\n', lineStart);
            int lineEnd = nl < 0 ? text.Length : nl;
            if (lineEnd > lineStart)
            {
                foreach (var rule in Rules)
                {
                    if (rule.Find(text, lineStart, lineEnd) is not { } s) continue;
                    spans.Add(s);
                    if (rule.Scope == BoilerplateScope.Line) break;
                }
            }
            if (nl < 0) break;
            lineStart = nl + 1;
        }
        if (spans.Count < 2) return spans;
        spans.Sort((a, b) => a.Start != b.Start ? a.Start.CompareTo(b.Start) : b.End.CompareTo(a.End));
        var merged = new List<TextSpan> { spans[0] };
        foreach (var s in spans.Skip(1))
        {
            var last = merged[^1];
            if (s.Start <= last.End) merged[^1] = new TextSpan(last.Start, Math.Max(last.End, s.End));
            else merged.Add(s);
        }
        return merged;
    }

    /// <summary>Loads every *.json file of a folder (sorted by name); throws FormatException naming the file and rule on bad data.</summary>
    public static BoilerplateDetector Load(string folder)
    {
        var rules = new List<BoilerplateRule>();
        var ids = new HashSet<string>(StringComparer.Ordinal);
        if (Directory.Exists(folder))
            foreach (var file in Directory.GetFiles(folder, "*.json").Order(StringComparer.Ordinal))
                foreach (var r in Parse(LanguagePack.ReadJson(file), file))
                {
                    if (!ids.Add(r.Id)) throw new FormatException($"{file}: duplicate boilerplate rule id \"{r.Id}\"");
                    rules.Add(r);
                }
        return new BoilerplateDetector(rules);
    }

    /// <summary>
    /// A rule's regex: the one compiled at build time for this exact pattern (BoilerplateRegexes.g.cs, written by
    /// scripts/gen-boilerplate-regexes.py), else built now, compiled to IL where the runtime can (JIT) and interpreted where it
    /// cannot (the native build). The generated regexes spare the JIT build compiling them at every start and the native build
    /// interpreting them (a sixth of its extraction time, mostly backtracking through the photo credit's ".{0,250}?").
    /// </summary>
    public static Regex Compile(string pattern, bool generated = true)
    {
        if (generated && BoilerplateRegexes.ByPattern.TryGetValue(pattern, out var make)) return make();
        var options = RegexOptions.CultureInvariant | (System.Runtime.CompilerServices.RuntimeFeature.IsDynamicCodeSupported ? RegexOptions.Compiled : 0);
        return new Regex(pattern, options, MatchTimeout);
    }

    /// <summary>Reads {"rules": [{"id", "scope": "line"|"prefix", "pattern", "maxLength"?, "maxStart"?, "examples", "negative"}]}.</summary>
    public static IReadOnlyList<BoilerplateRule> Parse(JObject json, string file)
    {
        if (json["rules"] is not JArray arr) throw new FormatException($"{file}: missing \"rules\" array");
        var list = new List<BoilerplateRule>();
        foreach (var o in arr.OfType<JObject>())
        {
            var id = o.Value<string>("id") ?? throw new FormatException($"{file}: rule without \"id\"");
            var pattern = o.Value<string>("pattern") ?? throw new FormatException($"{file}: rule {id}: no \"pattern\"");
            var scope = (o.Value<string>("scope") ?? "line") switch
            {
                "line" => BoilerplateScope.Line,
                "prefix" => BoilerplateScope.Prefix,
                var s => throw new FormatException($"{file}: rule {id}: unknown scope \"{s}\""),
            };
            Regex regex;
            try { regex = Compile(pattern); }
            catch (ArgumentException e) { throw new FormatException($"{file}: rule {id}: bad pattern: {e.Message}", e); }
            list.Add(new BoilerplateRule(id, o.Value<string>("description") ?? "", scope, regex,
                o.Value<int?>("maxLength") ?? 400, o.Value<int?>("maxStart") ?? int.MaxValue,
                Lexicon.ReadExamples(o["examples"]), Lexicon.ReadExamples(o["negative"])));
        }
        return list;
    }
}
