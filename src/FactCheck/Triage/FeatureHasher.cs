using System.Text;

namespace FactCheck.Triage;

/// <summary>Maps feature names to one of 2^bits buckets with seeded FNV-1a plus a final avalanche; stable across runs and platforms.</summary>
public sealed record FeatureHasher(int Bits = 16, uint Seed = 0x5EED_F00Du)
{
    public int Buckets => 1 << Bits;

    public int Bucket(string name) => (int)(Hash(name, Seed) & (uint)(Buckets - 1));

    /// <summary>32-bit FNV-1a over the UTF-8 bytes, the seed mixed into the offset basis, finished with murmur3's fmix32.</summary>
    public static uint Hash(string name, uint seed)
    {
        uint h = 2166136261u ^ (seed * 0x9E3779B1u);
        Span<byte> buffer = name.Length <= 128 ? stackalloc byte[512] : new byte[Encoding.UTF8.GetMaxByteCount(name.Length)];
        int n = Encoding.UTF8.GetBytes(name, buffer);
        for (int i = 0; i < n; i++)
        {
            h ^= buffer[i];
            h *= 16777619u;
        }
        h ^= h >> 16;
        h *= 0x85EBCA6Bu;
        h ^= h >> 13;
        h *= 0xC2B2AE35u;
        h ^= h >> 16;
        return h;
    }
}

/// <summary>
/// Turns a feature dictionary into a sparse vector: each name hashed to a bucket, each value squashed with
/// sign(v)·ln(1+|v|) and divided by the largest squashed magnitude seen in training for that name
/// (indicators "name=value" -> 1 stay 1); values are clipped to [-4, 4] so unseen magnitudes cannot dominate.
/// </summary>
public sealed class FeatureVectorizer(FeatureHasher hasher, IReadOnlyDictionary<string, double> scales)
{
    private static readonly double Ln2 = Math.Log(2);

    public FeatureHasher Hasher { get; } = hasher;
    /// <summary>Per feature name: the largest |sign(v)·ln(1+|v|)| in the training data.</summary>
    public IReadOnlyDictionary<string, double> Scales { get; } = scales;

    public static double Squash(double v) => Math.Sign(v) * Math.Log(1 + Math.Abs(v));

    /// <summary>The scales of the training examples' features.</summary>
    public static Dictionary<string, double> FitScales(IEnumerable<IReadOnlyDictionary<string, double>> examples)
    {
        var scales = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var features in examples)
            foreach (var (name, value) in features)
            {
                if (!double.IsFinite(value)) continue;
                double a = Math.Abs(Squash(value));
                scales[name] = Math.Max(scales.GetValueOrDefault(name), a);
            }
        return scales;
    }

    public double Scale(string name, double value)
    {
        if (!double.IsFinite(value) || value == 0) return 0;
        double s = Scales.GetValueOrDefault(name);
        if (s <= 0) s = Ln2;
        return Math.Clamp(Squash(value) / s, -4, 4);
    }

    /// <summary>Sparse vector sorted by bucket; colliding names add up.</summary>
    public (int[] Index, double[] Value) Vectorize(IReadOnlyDictionary<string, double> features)
    {
        var pairs = new List<(int Index, double Value)>(features.Count);
        foreach (var (name, value) in features)
        {
            double x = Scale(name, value);
            if (x != 0) pairs.Add((Hasher.Bucket(name), x));
        }
        pairs.Sort((a, b) => a.Index.CompareTo(b.Index));
        var idx = new List<int>(pairs.Count);
        var val = new List<double>(pairs.Count);
        foreach (var (i, v) in pairs)
        {
            if (idx.Count > 0 && idx[^1] == i) val[^1] += v;
            else { idx.Add(i); val.Add(v); }
        }
        return (idx.ToArray(), val.ToArray());
    }
}
