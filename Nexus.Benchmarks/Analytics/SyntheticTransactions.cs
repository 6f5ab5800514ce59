using MathNet.Numerics.Distributions;
using Nexus.Core.Analytics;

namespace Nexus.Benchmarks.Analytics;

/// <summary>Parameters of the process <see cref="SyntheticTransactions"/> simulates; rates are per day.</summary>
/// <param name="R">Purchase rate λ ~ Gamma(shape R, rate Alpha) per day.</param>
/// <param name="Alpha">Rate parameter of the purchase-rate distribution (days).</param>
/// <param name="A">Dropout probability p ~ Beta(A, B) after each repeat purchase.</param>
/// <param name="B">Second Beta parameter.</param>
/// <param name="SpendShape">Each order's value ~ Gamma(SpendShape, ν) …</param>
/// <param name="SpendQ">… with the customer's ν ~ Gamma(SpendQ, SpendGamma).</param>
/// <param name="SpendGamma">Rate of the ν distribution.</param>
/// <param name="AcquisitionDays">First purchases are spread uniformly over this many days from <see cref="SyntheticTransactions.Start"/>.</param>
/// <param name="ObservationDays">Total days observed; the last day is the natural calibration end.</param>
public sealed record SyntheticCustomerProcess(
    double R = 2.0, double Alpha = 60.0, double A = 1.0, double B = 12.0,
    double SpendShape = 6.0, double SpendQ = 4.0, double SpendGamma = 100.0,
    int AcquisitionDays = 365, int ObservationDays = 730)
{
    /// <summary>Last observed day.</summary>
    public DateOnly End => SyntheticTransactions.Start.AddDays(ObservationDays - 1);
}

/// <summary>
/// Seeded synthetic transactions with heterogeneous BG/NBD behaviour (each customer has their own purchase
/// rate and dropout probability) and Gamma-Gamma spend, so the benchmark exercises the real code paths:
/// many one-time buyers, a long tail of heavy buyers, same-day repeats, a spread of recencies.
/// Defaults give about ten orders per customer.
/// </summary>
public static class SyntheticTransactions
{
    /// <summary>Day 0 of every synthetic data set.</summary>
    public static readonly DateOnly Start = new(2024, 1, 1);

    /// <summary>Generates the orders of <paramref name="customers"/> customers (ids C0000001…), grouped by customer.</summary>
    public static IReadOnlyList<Transaction> Generate(int customers, int seed, SyntheticCustomerProcess? process = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(customers, 1);
        process ??= new SyntheticCustomerProcess();
        var random = new Random(seed);
        var origin = new DateTimeOffset(Start.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
        var result = new List<Transaction>(customers * 11);
        for (var c = 1; c <= customers; c++)
        {
            var id = $"C{c:D7}";
            var rate = Gamma.Sample(random, process.R, process.Alpha);
            var dropout = Beta.Sample(random, process.A, process.B);
            var spendRate = Gamma.Sample(random, process.SpendQ, process.SpendGamma);

            var t = random.NextDouble() * process.AcquisitionDays;
            result.Add(new Transaction(id, origin.AddDays(t), Spend(random, process, spendRate)));
            // Poisson purchases while alive; dropout is possible only right after a repeat purchase (BG/NBD:
            // a customer with no repeat purchase is alive by definition).
            while (true)
            {
                t += -Math.Log(1 - random.NextDouble()) / rate;
                if (t >= process.ObservationDays) break;
                result.Add(new Transaction(id, origin.AddDays(t), Spend(random, process, spendRate)));
                if (random.NextDouble() < dropout) break;
            }
        }
        return result;
    }

    private static decimal Spend(Random random, SyntheticCustomerProcess process, double spendRate) =>
        Math.Round((decimal)Gamma.Sample(random, process.SpendShape, spendRate), 2);
}
