using System.Globalization;
using FactCheck.Lang;
using FactCheck.Text;
using FactCheck.Text.Patterns;

namespace FactCheck.Quantities;

/// <summary>The number and unit a quantity rule's match states, composed from its bindings.</summary>
/// <remarks>RangeLow: the first end of a range ("15-20%", "1,500 to 2,000 jobs"), Value being the second; LowFactor/HighFactor: the interval
/// of a vague amount as factors of its value ("thousands" = 1000 x [2, 10]).</remarks>
internal readonly record struct ComposedQuantity(double Value, string? Unit, LexEntry? Qualifier, string? Mod)
{
    public double? RangeLow { get; init; }
    public double? LowFactor { get; init; }
    public double? HighFactor { get; init; }
}

/// <summary>Composes a value from digits ("1,5"), glued and separate multipliers ("12jt", "juta"), number words ("dua puluh lima"), units and currencies.</summary>
internal static class QuantityComposer
{
    public static bool TryCompose(Binding? bindings, string text, Token[] tokens, QuantityRule rule, QuantityGrammar g, out ComposedQuantity result)
    {
        result = default;
        // bindings come newest-first; collect and apply oldest-first
        var list = new List<Binding>(8);
        for (var b = bindings; b is not null; b = b.Next) list.Add(b);
        double total = 0, current = 0, seg = 0;
        bool any = false, multInSegment = false;
        double? rangeLow = null, lowFactor = null, highFactor = null;
        bool lowHadMult = false;
        string? unit = null;
        LexEntry? qual = null;
        string? mod = null;
        var lex = g.Lexicon;
        for (int i = list.Count - 1; i >= 0; i--)
        {
            var b = list[i];
            var span = tokens[b.Token].Span(text);
            var e = b.Entry;
            switch (b.Class)
            {
                case "amount" or "cardinal" or "num" or "int" or "decimal" when e is null:
                    if (!Shapes.TryAmount(span, g.DecimalSeparator, out var v)) return false;
                    current += v; seg = v; any = true;
                    break;
                case "amountrange":
                {
                    if (!Shapes.TryAmountRange(span, g.DecimalSeparator, out var lo, out var hi)) return false;
                    rangeLow = lo; current += hi; seg = hi; any = true;
                    break;
                }
                case "rangesep" when e is not null:
                    if (!any || rangeLow is not null) return false;
                    rangeLow = total + current; lowHadMult = multInSegment;
                    total = 0; current = 0; seg = 0; any = false; multInSegment = false;
                    break;
                case "amountsfx":
                {
                    if (!Shapes.TrySplitSuffix(span, out var digits, out var suffix)) return false;
                    if (!Shapes.TryAmount(digits, g.DecimalSeparator, out var dv)) return false;
                    if (lex.TryGet("multsfx", suffix, out var m) && TryNumber(m, out var mv))
                    {
                        total += (current + dv) * mv; current = 0; seg = 0; multInSegment = true;
                    }
                    else if (lex.TryGet("counted", suffix, out var cu)) { current += dv; seg = dv; unit = cu.ValueText; } // 500km
                    else return false;
                    any = true;
                    break;
                }
                case "numw" when e is not null:
                {
                    if (!TryNumber(e, out var wv)) return false;
                    e.Extra.TryGetValue("op", out var op);
                    if (op == "mul") { current = current - seg + (seg == 0 ? 1 : seg) * wv; seg = 0; }
                    else if (op == "teen") { current += wv; seg = 0; }
                    else { current += wv; seg = wv; }
                    any = true;
                    break;
                }
                case "mult" when e is not null:
                {
                    if (!TryNumber(e, out var mv)) return false;
                    if (current != 0) total += current * mv;
                    else if (total != 0) total *= mv;
                    else total = mv;
                    current = 0; seg = 0; any = true; multInSegment = true;
                    break;
                }
                case "vague" when e is not null: // "thousands of": the value of one, the interval from the entry's factors
                {
                    if (!TryNumber(e, out var gv)) return false;
                    current += gv; seg = gv; any = true;
                    break;
                }
                case "fraction" when e is not null:
                {
                    if (!TryNumber(e, out var fv)) return false;
                    current += fv; any = true;
                    break;
                }
                case "seclf" when e is not null:
                    if (!any) { current = 1; any = true; }
                    break;
                case "currency" or "counted" when e is not null:
                    unit = e.ValueText;
                    break;
                case "qual" when e is not null:
                    qual = e;
                    break;
            }
            if (e is not null && e.Extra.TryGetValue("unit", out var u)) unit ??= u;
            if (e is not null && e.Extra.TryGetValue("mod", out var md)) mod ??= md; // "7 miliaran": about 7 billion
            if (e is not null && e.Extra.TryGetValue("low", out var lf) && b.Class != "qual") lowFactor = double.Parse(lf, CultureInfo.InvariantCulture);
            if (e is not null && e.Extra.TryGetValue("high", out var hf) && b.Class != "qual") highFactor = double.Parse(hf, CultureInfo.InvariantCulture);
        }
        if (rule.Bind.TryGetValue("unit", out var ru)) unit ??= ru;
        if (rule.Bind.TryGetValue("value", out var fixedValue) && !any)
        {
            current = double.Parse(fixedValue, CultureInfo.InvariantCulture); any = true;
        }
        if (!any) return false;
        double value = total + current;
        if (rangeLow is { } rl)
        {
            // "1.5 to 2 billion": the multiplier of the second end applies to the first when the first has none
            if (!lowHadMult && multInSegment && rl > 0)
            {
                double m = total > 0 && seg == 0 && current == 0 ? MultOfLast(list, lex) : 1;
                if (m > 1 && rl * m <= value) rl *= m;
            }
            if (rl >= value) return false; // "52-35", "from 20 to 10": a score or a fall, not a range
            rangeLow = rl;
        }
        if (rule.Bind.TryGetValue("min", out var min) && value < double.Parse(min, CultureInfo.InvariantCulture)) return false;
        result = new ComposedQuantity(value, unit, qual, mod) { RangeLow = rangeLow, LowFactor = lowFactor, HighFactor = highFactor };
        return true;
    }

    /// <summary>The multiplier of the last multiplier word or suffix among the bindings (1 when none).</summary>
    private static double MultOfLast(List<Binding> newestFirst, Lexicon lex)
    {
        foreach (var b in newestFirst)
        {
            if (b.Class == "rangesep") break;
            if (b.Class == "mult" && b.Entry is { } e && TryNumber(e, out var mv)) return mv;
        }
        return 1;
    }

    /// <summary>A lexicon entry's numeric value: its number, or its text read as a number ("1e9").</summary>
    public static bool TryNumber(LexEntry e, out double v)
    {
        if (e.Text is null) { v = e.Number; return true; }
        return double.TryParse(e.Text, NumberStyles.Float, CultureInfo.InvariantCulture, out v);
    }
}
