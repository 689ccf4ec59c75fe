using FactCheck.Text;

namespace FactCheck.Tests.Text;

/// <summary>Lower.Invariant: the same characters and count as ToLowerInvariant, ASCII or not.</summary>
public class LowerTests
{
    [TestCase("")]
    [TestCase("Jakarta")]
    [TestCase("McCONNELL-2025")]
    [TestCase("Über")]
    [TestCase("CAFÉ")]
    [TestCase("İstanbul")]
    [TestCase("ΑΘΗΝΑ")]
    [TestCase("Ǆemal")]
    [TestCase("\U00010400x")]
    public void Lowers_as_ToLowerInvariant_does(string word)
    {
        var expected = new char[word.Length];
        int n = word.AsSpan().ToLowerInvariant(expected);
        var got = new char[word.Length + 3];
        Assert.That(Lower.Invariant(word, got), Is.EqualTo(n));
        Assert.That(new string(got, 0, n), Is.EqualTo(new string(expected, 0, n)));
        if (word.Length > 0) Assert.That(Lower.Invariant(word, new char[word.Length - 1]), Is.EqualTo(-1));
    }
}
