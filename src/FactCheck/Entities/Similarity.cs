using System.Globalization;
using System.Text;

namespace FactCheck.Entities;

/// <summary>String normalization and similarity used to compare entity names (case-folded, hyphen-, dot- and space-insensitive).</summary>
public static class Similarity
{
    /// <summary>Letters and digits only, lower-cased, diacritics removed: "DDoS-Guard" and "DDos Guard" both give "ddosguard".</summary>
    public static string Key(ReadOnlySpan<char> s)
    {
        Span<char> buf = s.Length <= 256 ? stackalloc char[s.Length] : new char[s.Length];
        return new string(buf[..KeyInto(s, buf)]);
    }

    /// <summary>Writes the <see cref="Key"/> of <paramref name="s"/> into <paramref name="dest"/> (at least as long) and returns its length.</summary>
    public static int KeyInto(ReadOnlySpan<char> s, Span<char> dest)
    {
        int k = 0;
        foreach (var c in s)
        {
            if (!char.IsLetterOrDigit(c)) continue;
            var lc = char.ToLowerInvariant(c);
            if (lc > 127) lc = StripDiacritic(lc);
            dest[k++] = lc;
        }
        return k;
    }

    /// <summary>A slug for ids: lower-case words joined by '-' ("John Matze" -> "john-matze").</summary>
    public static string Slug(ReadOnlySpan<char> s)
    {
        var sb = new StringBuilder(s.Length);
        bool dash = false;
        foreach (var c in s)
        {
            if (char.IsLetterOrDigit(c))
            {
                if (dash && sb.Length > 0) sb.Append('-');
                dash = false;
                var lc = char.ToLowerInvariant(c);
                if (lc > 127) lc = StripDiacritic(lc);
                sb.Append(lc);
            }
            else if (c != '\'' && c != '\u2019' && c != '.') dash = true;
        }
        return sb.ToString();
    }

    private static char StripDiacritic(char c)
    {
        var d = c.ToString().Normalize(NormalizationForm.FormD);
        foreach (var x in d)
            if (CharUnicodeInfo.GetUnicodeCategory(x) != UnicodeCategory.NonSpacingMark) return x;
        return c;
    }

    /// <summary>Edit distance where inserting, deleting or changing a letter, or swapping two adjacent letters, is one edit
    /// (optimal string alignment: "Indonesai" is one slip from "Indonesia"); maxDistance + 1 as soon as it must exceed maxDistance.</summary>
    public static int EditDistance(string a, string b, int maxDistance = int.MaxValue) => EditDistance(a.AsSpan(), b.AsSpan(), maxDistance);

    /// <summary>As <see cref="EditDistance(string, string, int)"/>, on spans.</summary>
    public static int EditDistance(ReadOnlySpan<char> a, ReadOnlySpan<char> b, int maxDistance = int.MaxValue)
    {
        if (Math.Abs(a.Length - b.Length) > maxDistance) return maxDistance + 1;
        int w = b.Length + 1;
        Span<int> rows = w * 3 <= 512 ? stackalloc int[w * 3] : new int[w * 3];
        Span<int> prev2 = rows[..w], prev = rows.Slice(w, w), cur = rows.Slice(2 * w, w);
        // only the cells within `band` of the diagonal can hold a distance up to maxDistance (a cell's distance is at least
        // |i - j|); the others hold band + 1, a lower bound of theirs, so a distance up to maxDistance comes out exact and
        // any larger one larger than maxDistance
        int band = Math.Min(maxDistance, Math.Max(a.Length, b.Length));
        bool banded = band < Math.Max(a.Length, b.Length);
        for (int j = 0; j <= b.Length; j++) prev[j] = Math.Min(j, band + 1);
        for (int i = 1; i <= a.Length; i++)
        {
            if (banded) cur.Fill(band + 1);
            cur[0] = Math.Min(i, band + 1);
            int rowMin = cur[0];
            int jLo = Math.Max(1, i - band), jHi = Math.Min(b.Length, i + band);
            for (int j = jLo; j <= jHi; j++)
            {
                int cost = a[i - 1] == b[j - 1] ? 0 : 1;
                int v = Math.Min(Math.Min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1]) v = Math.Min(v, prev2[j - 2] + 1);
                cur[j] = v;
                rowMin = Math.Min(rowMin, v);
            }
            if (rowMin > maxDistance) return maxDistance + 1;
            var oldest = prev2;
            prev2 = prev; prev = cur; cur = oldest;
        }
        return prev[b.Length] > maxDistance ? maxDistance + 1 : prev[b.Length];
    }

    /// <summary>1 - distance / longer length, on <see cref="Key"/> forms.</summary>
    public static double Ratio(string keyA, string keyB)
    {
        int len = Math.Max(keyA.Length, keyB.Length);
        return len == 0 ? 1.0 : 1.0 - (double)EditDistance(keyA, keyB) / len;
    }
}
