using MathNet.Numerics;

namespace Nexus.Core.Analytics.Lifetime;

/// <summary>
/// The Gamma-Gamma model of average spend per purchase.
/// Reference: P. S. Fader, B. G. S. Hardie, K. L. Lee (2005b), "RFM and CLV: Using Iso-Value Curves for
/// Customer Base Analysis", Journal of Marketing Research 42(4):415–430, and Fader &amp; Hardie's note
/// "The Gamma-Gamma Model of Monetary Value" (2013). Assumes spend is independent of purchase frequency;
/// it is fitted only on customers with at least one repeat purchase (x &gt; 0) and a positive mean spend.
/// </summary>
public sealed class GammaGammaModel(GammaGammaParameters parameters)
{
    /// <summary>Fitted (or given) parameters.</summary>
    public GammaGammaParameters Parameters { get; } = parameters;

    /// <summary>Customers the model can be fitted on and applied to: x &gt; 0 and m_x &gt; 0.</summary>
    public static bool IsEligible(CustomerSummary c) => c.Frequency > 0 && c.MonetaryValue > 0;

    /// <summary>
    /// Fits p, q, γ by maximum likelihood over the eligible customers (see <see cref="IsEligible"/>),
    /// minimising −(1/N)Σ LL + penalty·Σθ² over log θ.
    /// </summary>
    public static GammaGammaModel Fit(IReadOnlyList<CustomerSummary> customers, double l2Penalty = 0)
    {
        ArgumentNullException.ThrowIfNull(customers);
        var eligible = customers.Where(IsEligible).ToArray();
        if (eligible.Length == 0) throw new ArgumentException("no customer with a repeat purchase and positive spend", nameof(customers));
        // Sorted by x so the log-gamma part, which depends on x alone, is computed once per distinct x per evaluation.
        var byX = eligible.OrderBy(c => c.Frequency).ToArray();
        var x = byX.Select(c => c.Frequency).ToArray();
        var m = byX.Select(c => (double)c.MonetaryValue).ToArray();

        double Objective(double[] theta)
        {
            var p = new GammaGammaParameters(theta[0], theta[1], theta[2]);
            var sum = 0.0;
            var countTerm = 0.0;
            for (var i = 0; i < x.Length; i++)
            {
                if (i == 0 || x[i] != x[i - 1]) countTerm = CountTerm(p, x[i]);
                sum += countTerm + SpendTerm(p, x[i], m[i]);
            }
            return -sum / x.Length + l2Penalty * theta.Sum(v => v * v);
        }

        var best = LogSpaceOptimizer.Minimize(Objective, [1, 1, 1]);
        return new GammaGammaModel(new GammaGammaParameters(best[0], best[1], best[2]));
    }

    /// <summary>
    /// Individual log-likelihood of a mean spend m over x purchases: the mean of x Gamma(p, ν) values is
    /// Gamma(px, νx); integrating ν ~ Gamma(q, γ) out gives
    /// ln L = lnΓ(px+q) − lnΓ(px) − lnΓ(q) + q ln γ + (px−1) ln m + px ln x − (px+q) ln(γ + x m).
    /// </summary>
    public static double LogLikelihood(GammaGammaParameters parameters, int x, double m) =>
        CountTerm(parameters, x) + SpendTerm(parameters, x, m);

    /// <summary>lnΓ(px+q) − lnΓ(px) − lnΓ(q) + q ln γ + px ln x: the part that depends on x only.</summary>
    private static double CountTerm(GammaGammaParameters parameters, int x)
    {
        var (p, q, gamma) = parameters;
        var px = p * x;
        return SpecialFunctions.GammaLn(px + q) - SpecialFunctions.GammaLn(px) - SpecialFunctions.GammaLn(q)
               + q * Math.Log(gamma) + px * Math.Log(x);
    }

    /// <summary>(px−1) ln m − (px+q) ln(γ + x m).</summary>
    private static double SpendTerm(GammaGammaParameters parameters, int x, double m)
    {
        var (p, q, gamma) = parameters;
        var px = p * x;
        return (px - 1) * Math.Log(m) - (px + q) * Math.Log(gamma + x * m);
    }

    /// <summary>
    /// E[M | x, m_x] = p(γ + x·m_x) / (px + q − 1): a weighted mean of the population mean pγ/(q−1) and the
    /// customer's own m_x, the weight on m_x growing with x (FHL 2005b eq. 3). For x = 0 it is the population mean.
    /// </summary>
    /// <exception cref="InvalidOperationException">q ≤ 1: the population mean spend is infinite.</exception>
    public double ExpectedAverageOrderValue(int x, double monetaryValue)
    {
        var (p, q, gamma) = Parameters;
        if (q <= 1) throw new InvalidOperationException($"Gamma-Gamma q = {q} <= 1: mean spend is undefined");
        if (x == 0) return p * gamma / (q - 1);
        return p * (gamma + x * monetaryValue) / (p * x + q - 1);
    }
}
