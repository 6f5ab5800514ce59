using System.Globalization;
using Nexus.Core.Storage.Records;

namespace Nexus.Benchmarks.Products;

/// <summary>
/// A seeded catalogue's daily order lines: each product has its own daily rate (log-uniform from 0.01 to 4 units, so
/// most products sell on few days and a few sell every day), a weekly profile (a third sell mostly at weekends), a
/// linear trend over the two years (−50 % … +50 %), a launch day (a fifth launch during the period, some too late to
/// forecast) and a fixed price. Each selling product-day is one line; a day's lines are shuffled into orders of 1–3
/// lines, so the basket query has real orders to group. Generated day by day, so the caller can write each day and
/// never hold two million lines in memory.
/// </summary>
public sealed class SyntheticProductLines
{
    public const int Days = 730;

    /// <summary>The last day with orders; the analysis runs as of this day.</summary>
    public static readonly DateOnly LastDay = new(2025, 12, 31);

    private readonly Random _random;
    private readonly Product[] _products;
    private long _orders;

    private sealed record Product(string Id, double Rate, double[] Weekday, double Trend, int LaunchDay, long PriceMinor);

    public SyntheticProductLines(int products, int seed)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(products, 1);
        _random = new Random(seed);
        _products = new Product[products];
        for (var i = 0; i < products; i++)
        {
            var rate = Math.Exp(Math.Log(0.01) + _random.NextDouble() * (Math.Log(4) - Math.Log(0.01)));
            var weekend = _random.NextDouble() < 1.0 / 3;
            // Day-of-week factors averaging 1: weekend products sell 2.5× on Saturday and Sunday.
            var weekday = Enumerable.Range(0, 7).Select(d => weekend ? (d is 0 or 6 ? 2.5 : 0.4) : 1.0).ToArray();
            var launch = _random.NextDouble() < 0.2 ? _random.Next(Days) : 0;
            var price = (long)Math.Round(Math.Exp(Math.Log(200) + _random.NextDouble() * (Math.Log(20_000) - Math.Log(200))));
            _products[i] = new Product("p" + i.ToString("D5", CultureInfo.InvariantCulture), rate, weekday, _random.NextDouble() - 0.5, launch, price);
        }
    }

    public static DateOnly FirstDay => LastDay.AddDays(-(Days - 1));

    /// <summary>The lines of day <paramref name="day"/> (0 = <see cref="FirstDay"/>), for <paramref name="tenantId"/>'s store.</summary>
    public List<StoredOrderLine> Day(int day, Guid tenantId, int storeId)
    {
        var date = FirstDay.AddDays(day);
        var dayOfWeek = (int)date.DayOfWeek;
        var selling = new List<(Product Product, int Units)>();
        foreach (var p in _products)
        {
            if (day < p.LaunchDay) continue;
            var trend = 1 + p.Trend * (2.0 * day / (Days - 1) - 1);
            var units = Poisson(p.Rate * p.Weekday[dayOfWeek] * trend);
            if (units > 0) selling.Add((p, units));
        }
        // Fisher–Yates, then consecutive runs of 1–3 lines form an order.
        for (var i = selling.Count - 1; i > 0; i--)
        {
            var j = _random.Next(i + 1);
            (selling[i], selling[j]) = (selling[j], selling[i]);
        }
        var lines = new List<StoredOrderLine>(selling.Count);
        var start = new DateTimeOffset(date.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
        for (var i = 0; i < selling.Count;)
        {
            var order = "o" + (++_orders).ToString(CultureInfo.InvariantCulture);
            var created = start.AddSeconds(_random.Next(86_400));
            var size = Math.Min(1 + _random.Next(3), selling.Count - i);
            for (var k = 0; k < size; k++, i++)
            {
                var (product, units) = selling[i];
                lines.Add(new StoredOrderLine
                {
                    TenantId = tenantId, StoreId = storeId, OrderPlatformId = order, LinePlatformId = k.ToString(CultureInfo.InvariantCulture),
                    ProductPlatformId = product.Id, Quantity = units, NetMinor = units * product.PriceMinor, Currency = "EUR",
                    OrderCreatedAt = created, OrderStatus = "Completed",
                });
            }
        }
        return lines;
    }

    /// <summary>Knuth's Poisson sampler: fine for the small rates here (at most about 15).</summary>
    private int Poisson(double lambda)
    {
        var limit = Math.Exp(-lambda);
        var k = 0;
        var p = _random.NextDouble();
        while (p > limit) { k++; p *= _random.NextDouble(); }
        return k;
    }
}
