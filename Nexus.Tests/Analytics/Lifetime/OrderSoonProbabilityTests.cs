using MathNet.Numerics.Distributions;
using Nexus.Core.Analytics.Lifetime;

namespace Nexus.Tests.Analytics.Lifetime;

/// <summary>
/// P(at least one order in the next t): checked against a simulation of each model's own story, and against the
/// models' expected purchases (for a short window the two must agree), so the closed form cannot drift unseen.
/// </summary>
public sealed class OrderSoonProbabilityTests
{
    private static readonly BgNbdParameters Parameters = new(R: 0.5, Alpha: 5, A: 0.8, B: 2.5);

    [Theory]
    [InlineData(PurchaseModelKind.BgNbd)]
    [InlineData(PurchaseModelKind.MbgNbd)]
    public void A_silent_one_time_buyer_orders_soon_as_often_as_the_simulated_process_says(PurchaseModelKind kind)
    {
        const double T = 50, t = 13;
        var random = new Random(20261203);
        int silent = 0, orderedSoon = 0;
        for (var i = 0; i < 200_000; i++)
        {
            var lambda = Gamma.Sample(random, Parameters.R, Parameters.Alpha);
            var p = Beta.Sample(random, Parameters.A, Parameters.B);
            // MBG/NBD may lose a customer right after the first purchase; BG/NBD only after repeat ones.
            var alive = kind == PurchaseModelKind.BgNbd || random.NextDouble() >= p;
            // Only customers with no repeat purchase in (0, T] are kept (x = 0): every one who left at once, and those
            // still with you whose next order would come after T. An exponential gap is memoryless, so the wait from
            // T to their next order is again exponential.
            if (alive && Exponential.Sample(random, lambda) <= T) continue;
            silent++;
            if (alive && Exponential.Sample(random, lambda) <= t) orderedSoon++;
        }
        var model = Model(kind);

        var predicted = PurchaseModels.ProbabilityOfPurchase(model, t, x: 0, tx: 0, T: T);

        Assert.True(silent > 50_000, $"{silent} silent customers");
        Assert.Equal((double)orderedSoon / silent, predicted, 0.01);
    }

    [Theory]
    [InlineData(PurchaseModelKind.BgNbd, 0, 0.0, 40.0)]
    [InlineData(PurchaseModelKind.BgNbd, 4, 30.0, 40.0)]
    [InlineData(PurchaseModelKind.MbgNbd, 0, 0.0, 40.0)]
    [InlineData(PurchaseModelKind.MbgNbd, 7, 12.0, 60.0)]
    public void Over_a_short_window_the_chance_of_an_order_equals_the_expected_orders(PurchaseModelKind kind, int x, double tx, double T)
    {
        var model = Model(kind);
        const double t = 1e-4;

        var probability = PurchaseModels.ProbabilityOfPurchase(model, t, x, tx, T);

        Assert.Equal(1, probability / model.ExpectedPurchases(t, x, tx, T), 3);
        // And over a very long window it approaches P(alive): a customer still with you orders eventually.
        Assert.Equal(model.ProbabilityAlive(x, tx, T), PurchaseModels.ProbabilityOfPurchase(model, 1e9, x, tx, T), 3);
    }

    [Fact]
    public void Under_bg_nbd_long_silent_one_time_buyers_are_alive_but_not_expected_to_order()
    {
        var report = LifetimeValueAnalysis.Run(CdnowSample.Transactions, new LifetimeValueOptions(CdnowSample.CalibrationEnd, Model: PurchaseModelKind.BgNbd));
        var silentOneTimers = report.Customers.Where(c => c.Summary.Frequency == 0 && c.Summary.Age > 30).ToList();

        Assert.NotEmpty(silentOneTimers);
        Assert.All(silentOneTimers, c => Assert.Equal(1, c.ProbabilityAlive, 9));
        Assert.All(silentOneTimers, c => Assert.InRange(c.ProbabilityOfOrderSoon, 0, 0.25));
        Assert.Equal(report.Customers.Sum(c => c.ProbabilityOfOrderSoon), report.ExpectedCustomersOrderingSoon, 6);
        Assert.True(report.ExpectedCustomersOrderingSoon < report.LikelyActiveCustomers / 2.0,
            $"{report.ExpectedCustomersOrderingSoon:F0} expected to order vs {report.LikelyActiveCustomers} 'alive'");
    }

    private static IPurchaseModel Model(PurchaseModelKind kind) =>
        kind == PurchaseModelKind.BgNbd ? new BgNbdModel(Parameters) : new MbgNbdModel(Parameters);
}
