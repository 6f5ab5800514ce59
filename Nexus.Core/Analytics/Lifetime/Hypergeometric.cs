namespace Nexus.Core.Analytics.Lifetime;

/// <summary>Gauss hypergeometric function ₂F₁ for the arguments the BG/NBD needs (MathNet.Numerics has none).</summary>
internal static class Hypergeometric
{
    private const int MaxTerms = 1_000_000;

    /// <summary>
    /// ₂F₁(a, b; c; z) = Σₙ (a)ₙ(b)ₙ / ((c)ₙ n!) zⁿ by its power series, valid for 0 ≤ z &lt; 1 and c not in {0, −1, −2, …}.
    /// Callers pass the Euler-transformed arguments (see <see cref="BgNbdModel"/>), for which the terms
    /// shrink quickly, so a direct sum is accurate; the loop stops once a term no longer changes the sum.
    /// </summary>
    public static double Gauss2F1(double a, double b, double c, double z)
    {
        if (z < 0 || z >= 1) throw new ArgumentOutOfRangeException(nameof(z), z, "series needs 0 <= z < 1");
        if (c <= 0 && c == Math.Floor(c)) throw new ArgumentOutOfRangeException(nameof(c), c, "c must not be a non-positive integer");

        double term = 1, sum = 1;
        for (var n = 0; n < MaxTerms; n++)
        {
            term *= (a + n) * (b + n) / ((c + n) * (n + 1)) * z;
            sum += term;
            if (Math.Abs(term) <= 1e-16 * Math.Abs(sum)) return sum;
        }
        throw new ArithmeticException($"2F1({a}, {b}; {c}; {z}) did not converge in {MaxTerms} terms");
    }
}
