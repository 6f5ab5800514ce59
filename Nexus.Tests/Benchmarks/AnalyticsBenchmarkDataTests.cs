using Microsoft.Extensions.DependencyInjection;
using Nexus.Benchmarks;
using Nexus.Benchmarks.Analytics;

namespace Nexus.Tests.Benchmarks;

public class AnalyticsBenchmarkDataTests
{
    [Fact]
    public void Same_seed_gives_the_same_transactions_and_another_seed_does_not()
    {
        var first = SyntheticTransactions.Generate(200, 7);
        Assert.Equal(first, SyntheticTransactions.Generate(200, 7));
        Assert.NotEqual(first, SyntheticTransactions.Generate(200, 8));
    }

    [Fact]
    public void Every_customer_buys_inside_the_window_and_some_buy_repeatedly()
    {
        var process = new SyntheticCustomerProcess();
        var transactions = SyntheticTransactions.Generate(1000, 42, process);
        var perCustomer = transactions.GroupBy(t => t.CustomerId).ToList();

        Assert.Equal(1000, perCustomer.Count);
        Assert.All(transactions, t => Assert.InRange(t.Day, SyntheticTransactions.Start, process.End));
        Assert.All(transactions, t => Assert.True(t.Amount >= 0));
        // Heterogeneous on purpose: both one-time buyers and heavy buyers must occur.
        Assert.Contains(perCustomer, g => g.Count() == 1);
        Assert.Contains(perCustomer, g => g.Count() >= 20);
    }

    [Fact]
    public void Registry_names_are_unique_and_resolvable_from_services()
    {
        using var services = new ServiceCollection().AddSingleton(TimeProvider.System).BuildServiceProvider();
        var benchmarks = BenchmarkRegistry.Create(services);
        Assert.Equal(BenchmarkRegistry.Types.Count, benchmarks.Select(b => b.Name).Distinct(StringComparer.OrdinalIgnoreCase).Count());
        Assert.Contains(benchmarks, b => b.Name == "analytics");
    }
}
