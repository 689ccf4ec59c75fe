using System.Globalization;
using System.Text.RegularExpressions;
using FactCheck.Model;
using FactCheck.Temporal;
using Newtonsoft.Json.Linq;

namespace FactCheck.Evaluation;

/// <summary>How FactCheck does on one Recognizers-Text spec file, on one half of its cases.</summary>
/// <param name="File">The spec file's name without extension (DateTimeModel).</param>
/// <param name="Half">Which half of the file's cases.</param>
/// <param name="WithValue">Cases whose expected results carry a TIMEX value.</param>
/// <param name="ValueFound">Of those, cases where every expected value is produced by a mention overlapping the expected span.</param>
/// <param name="WithSpan">Cases with expected results (extractor files have spans only).</param>
/// <param name="SpanFound">Of those, cases where every expected span is overlapped by a mention.</param>
/// <param name="Negative">Cases that expect nothing.</param>
/// <param name="Quiet">Of those, cases where FactCheck found nothing either.</param>
/// <param name="Failures">The first failed cases, for analysis (as many as asked for).</param>
public sealed record RecognizersFileScore(string File, DevSplit.Half Half, int WithValue, int ValueFound, int WithSpan, int SpanFound,
    int Negative, int Quiet, IReadOnlyList<string> Failures)
{
    public double ValueShare => WithValue == 0 ? double.NaN : (double)ValueFound / WithValue;
    public double SpanShare => WithSpan == 0 ? double.NaN : (double)SpanFound / WithSpan;
}

/// <summary>
/// Runs the English temporal extractor over Microsoft Recognizers-Text DateTime spec cases (MIT; read from
/// ../shared/eval/recognizers_specs, not vendored) and reports, per spec file and per half (<see cref="DevSplit"/> of
/// "file|input"), the share of cases whose expected TIMEX values FactCheck produces. Every case's reference date is its
/// Context.ReferenceDateTime, or 2016-11-07 (the specs' usual one) when the case has none.
/// </summary>
/// <remarks>
/// Recognizers leaves some values unresolved where TimeML resolves them ("Monday" = XXXX-WXX-1 with past and future
/// dates beside it); a mention matches when its value equals the TIMEX, one of the resolved dates, or, for a range
/// "(start,end,duration)", when the range is exactly the month, year or week the mention names, or both ends are found.
/// Hour-only times (T08) equal minute times (T08:00).
/// </remarks>
public static class RecognizersEval
{
    private static readonly DateTimeOffset DefaultReference = new(2016, 11, 7, 0, 0, 0, TimeSpan.Zero);
    private static readonly Regex HourOnly = new(@"T(\d\d)$", RegexOptions.Compiled | RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
    private static readonly Regex ZeroSeconds = new(@"T(\d\d:\d\d):00$", RegexOptions.Compiled | RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));

    /// <summary>Scores every DateTime/English/*.json file under specsDir ("recognizers_specs" folder), both halves.</summary>
    public static IReadOnlyList<RecognizersFileScore> Run(string specsDir, Func<Article, IReadOnlyList<TemporalMention>>? extract = null, int keepFailures = 0)
    {
        extract ??= new TemporalExtractor().Extract;
        var dir = Path.Combine(specsDir, "DateTime", "English");
        var scores = new List<RecognizersFileScore>();
        foreach (var file in Directory.GetFiles(dir, "*.json").OrderBy(f => f, StringComparer.Ordinal))
        {
            var name = Path.GetFileNameWithoutExtension(file);
            JArray cases;
            using (var reader = new Newtonsoft.Json.JsonTextReader(new StringReader(File.ReadAllText(file))) { DateParseHandling = Newtonsoft.Json.DateParseHandling.None })
                cases = JArray.Load(reader);
            var tallies = new Dictionary<DevSplit.Half, int[]> { [DevSplit.Half.Dev] = new int[6], [DevSplit.Half.Test] = new int[6] };
            var failures = new Dictionary<DevSplit.Half, List<string>> { [DevSplit.Half.Dev] = [], [DevSplit.Half.Test] = [] };
            int n = 0;
            foreach (var c in cases.OfType<JObject>())
            {
                var input = c.Value<string>("Input") ?? "";
                var half = DevSplit.Of(name + "|" + input);
                var t = tallies[half];
                var reference = ParseReference(c["Context"]?.Value<string>("ReferenceDateTime"));
                var mentions = extract(new Article { Id = $"{name}:{n++}", Text = input, Lang = "en", Published = reference, Origin = new Origin(file) });
                var results = (c["Results"] as JArray ?? []).OfType<JObject>().ToList();
                if (results.Count == 0)
                {
                    t[4]++;
                    if (mentions.Count == 0) t[5]++;
                    else if (failures[half].Count < keepFailures) failures[half].Add($"spurious: {input} -> {string.Join("; ", mentions.Select(m => m.Text + "=" + m.Value))}");
                    continue;
                }
                bool allSpans = true, allValues = true, anyValue = false;
                foreach (var r in results)
                {
                    var (start, end) = Span(r, input);
                    var over = mentions.Where(m => start < 0 || (m.Start < end && start < m.End)).ToList();
                    if (over.Count == 0) allSpans = false;
                    var expected = Expected(r);
                    if (expected.Timex.Count == 0) continue;
                    anyValue = true;
                    if (!Produced(expected, over)) allValues = false;
                }
                t[2]++; if (allSpans) t[3]++;
                if (anyValue) { t[0]++; if (allValues) t[1]++; }
                if ((anyValue ? !allValues : !allSpans) && failures[half].Count < keepFailures)
                    failures[half].Add($"{input} | expected {string.Join("; ", results.Select(r => r.Value<string>("Text") + "=" + string.Join("/", Expected(r).Timex)))}"
                        + $" | got {string.Join("; ", mentions.Select(m => m.Text + "=" + m.Value))}");
            }
            foreach (var half in new[] { DevSplit.Half.Dev, DevSplit.Half.Test })
            {
                var t = tallies[half];
                scores.Add(new RecognizersFileScore(name, half, t[0], t[1], t[2], t[3], t[4], t[5], failures[half]));
            }
        }
        return scores;
    }

    private static DateTimeOffset ParseReference(string? text)
    {
        if (text is null) return DefaultReference;
        return DateTime.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)
            ? new DateTimeOffset(DateTime.SpecifyKind(d, DateTimeKind.Unspecified), TimeSpan.Zero) : DefaultReference;
    }

    private static (int Start, int End) Span(JObject r, string input)
    {
        var start = r.Value<int?>("Start");
        if (start is null) return (-1, -1);
        var end = r.Value<int?>("End") is { } e ? e + 1 : start.Value + (r.Value<int?>("Length") ?? (r.Value<string>("Text") ?? "").Length);
        return (start.Value, Math.Min(end, input.Length));
    }

    private sealed record ExpectedValues(List<string> Timex, List<string> Resolved);

    private static ExpectedValues Expected(JObject r)
    {
        var timex = new List<string>(); var resolved = new List<string>();
        if (r["Value"] is JObject v)
        {
            if (v.Value<string>("Timex") is { } tx) timex.Add(tx);
            foreach (var res in new[] { v["FutureResolution"], v["PastResolution"] }.OfType<JObject>())
                foreach (var p in res.Properties()) if (p.Value.Type == JTokenType.String) resolved.Add(p.Value.ToString());
            if (v["values"] is JArray vs) Values(vs, timex, resolved);
        }
        if (r["Resolution"]?["values"] is JArray rv) Values(rv, timex, resolved);
        return new(timex.Distinct().ToList(), resolved.Distinct().ToList());
    }

    private static void Values(JArray values, List<string> timex, List<string> resolved)
    {
        foreach (var o in values.OfType<JObject>())
        {
            if (o.Value<string>("timex") is { } tx) timex.Add(tx);
            foreach (var k in new[] { "value", "start", "end" })
                if (o.Value<string>(k) is { } s) resolved.Add(s);
        }
    }

    private static bool Produced(ExpectedValues e, List<TemporalMention> mentions)
    {
        var ours = mentions.Select(m => Canonical(m.Value)).ToList();
        foreach (var tx in e.Timex)
        {
            var c = Canonical(tx);
            if (ours.Contains(c)) return true;
            if (c.StartsWith('T') && ours.Any(o => o.EndsWith(c, StringComparison.Ordinal))) return true;
            if (c.Contains('X') && e.Resolved.Select(Canonical).Any(ours.Contains)) return true;
            if (c.StartsWith('(') && c.EndsWith(')'))
            {
                var parts = c[1..^1].Split(',');
                if (parts.Length == 3)
                {
                    var (a, b) = (Canonical(parts[0]), Canonical(parts[1]));
                    if (ours.Contains(a) && ours.Contains(b)) return true;
                    if (a.Contains('X') || b.Contains('X'))
                    {
                        var res = e.Resolved.Select(Canonical).ToList();
                        if (res.Count >= 2 && ours.Contains(res[0]) && ours.Contains(res[1])) return true;
                    }
                    if (ours.Any(o => Covers(o, a, b))) return true;
                }
            }
        }
        return false;
    }

    /// <summary>True when a value names exactly the range [a, b): a year, a month or an ISO week.</summary>
    private static bool Covers(string value, string a, string b)
    {
        if (!DateOnly.TryParseExact(a, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var from)) return false;
        if (!DateOnly.TryParseExact(b, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var to)) return false;
        if (value.Length == 4 && int.TryParse(value, out var y)) return from == new DateOnly(y, 1, 1) && to == new DateOnly(y + 1, 1, 1);
        if (value.Length == 7 && DateOnly.TryParseExact(value + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var m))
            return from == m && to == m.AddMonths(1);
        if (value.Length == 8 && value[5] == 'W' && int.TryParse(value[..4], out var wy) && int.TryParse(value[6..], out var w))
        {
            var monday = DateOnly.FromDateTime(ISOWeek.ToDateTime(wy, w, DayOfWeek.Monday));
            return from == monday && to == monday.AddDays(7);
        }
        return false;
    }

    /// <summary>"2016-11-07 08:00:00" and "2016-11-07T08" both become "2016-11-07T08:00".</summary>
    public static string Canonical(string value)
    {
        var v = value.Trim().Replace(' ', 'T');
        v = ZeroSeconds.Replace(v, "T$1");
        v = HourOnly.Replace(v, "T$1:00");
        return v;
    }
}
