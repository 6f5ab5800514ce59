namespace Nexus.Core.Analytics.Products;

/// <summary>A rule "orders with A also hold B": support of the pair, confidence of A → B and lift.</summary>
/// <param name="Orders">Orders holding both.</param>
/// <param name="Support">Orders holding both / all orders.</param>
/// <param name="Confidence">Orders holding both / orders holding A.</param>
/// <param name="Lift">Confidence / share of orders holding B: above 1 means bought together more than chance.</param>
public sealed record BasketPair(string A, string B, int Orders, double Support, double Confidence, double Lift);

/// <summary>Market-basket pairs (Agrawal et al.'s support/confidence, Brin et al.'s lift) over the orders' product sets.</summary>
public static class MarketBasket
{
    /// <summary>
    /// Both directions of every pair whose support reaches <paramref name="minimumSupport"/> and that at least
    /// <paramref name="minimumOrders"/> orders share (one shared order on a small store is no pattern), highest lift first.
    /// </summary>
    public static IReadOnlyList<BasketPair> Pairs(IEnumerable<IReadOnlyCollection<string>> orders, double minimumSupport, int minimumOrders = 2)
    {
        ArgumentNullException.ThrowIfNull(orders);
        var single = new Dictionary<string, int>(StringComparer.Ordinal);
        var together = new Dictionary<(string, string), int>();
        var total = 0;
        foreach (var order in orders)
        {
            var items = order.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray();
            if (items.Length == 0) continue;
            total++;
            foreach (var item in items) single[item] = single.GetValueOrDefault(item) + 1;
            for (var i = 0; i < items.Length; i++)
                for (var j = i + 1; j < items.Length; j++)
                    together[(items[i], items[j])] = together.GetValueOrDefault((items[i], items[j])) + 1;
        }
        var pairs = new List<BasketPair>();
        foreach (var ((a, b), count) in together)
        {
            var support = (double)count / total;
            if (support < minimumSupport || count < minimumOrders) continue;
            pairs.Add(Rule(a, b));
            pairs.Add(Rule(b, a));

            BasketPair Rule(string from, string to)
            {
                var confidence = (double)count / single[from];
                return new BasketPair(from, to, count, support, confidence, confidence / ((double)single[to] / total));
            }
        }
        return [.. pairs.OrderByDescending(p => p.Lift).ThenByDescending(p => p.Orders).ThenBy(p => p.A, StringComparer.Ordinal).ThenBy(p => p.B, StringComparer.Ordinal)];
    }
}
