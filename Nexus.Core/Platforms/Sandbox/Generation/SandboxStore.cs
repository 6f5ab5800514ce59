using Nexus.Core.Platforms.Sandbox.Defects;

namespace Nexus.Core.Platforms.Sandbox.Generation;

/// <summary>What one clock step changed, so tests and demos can check incremental syncs against it.</summary>
public sealed record ClockAdvance(DateTime FromUtc, DateTime ToUtc, int NewOrders, IReadOnlyList<int> ChangedOrderIds, IReadOnlyList<int> ChangedCustomerIds);

/// <summary>
/// A generated store: catalogue, customers and orders for (seed, size, start), plus its own clock.
/// Orders and customers are built on demand from the current <see cref="StoreSnapshot"/>, so even the
/// Large profile holds only small per-order index arrays. Platform emulators read from here.
/// </summary>
public sealed class SandboxStore
{
    private readonly CustomerPopulation _population;
    private readonly DemandModel _demand;
    private readonly CustomerFactory _customers;
    private readonly OrderFactory _orders;
    private readonly Lock _clockGate = new();
    private readonly Lazy<int[]> _byName;
    private readonly Lazy<int[]> _byRegistration;
    private volatile StoreSnapshot _snapshot;
    private int _daysGenerated; // days since history start whose orders are in the index
    private readonly long[] _firstOrderTicks; // per customer; MaxValue = no order yet

    public SandboxStore(GenerationOptions options)
    {
        Options = options;
        Spec = options.Counts;
        Settings = StoreSettings.For(options.Seed, options.Currency);
        HistoryStartUtc = options.StartDayUtc.AddDays(-Spec.HistoryDays);
        var plan = new DefectPlan(options.Seed, options.Defects);
        _population = new CustomerPopulation(options.Seed, Spec.Customers, Spec.HistoryDays);
        _firstOrderTicks = new long[Spec.Customers];
        Array.Fill(_firstOrderTicks, long.MaxValue);
        _demand = new DemandModel(options.Seed, HistoryStartUtc, Spec.HistoryDays, Spec.Orders);
        _customers = new CustomerFactory(options.Seed, HistoryStartUtc, _population, plan);
        Products = CatalogFactory.Products(options.Seed, Spec.Products, HistoryStartUtc, plan);
        Coupons = CatalogFactory.Coupons(options.Seed, Spec.Coupons, HistoryStartUtc);
        _orders = new OrderFactory(options.Seed, Settings, Products, Coupons, _customers, _demand, plan, options.StartDayUtc);
        _snapshot = BuildInitialSnapshot();
        GroundTruth = new GroundTruth(plan, IdsOf);
        _byName = new(() => Enumerable.Range(1, Spec.Customers)
            .Select(id => (id, who: _customers.Identity(id)))
            .OrderBy(x => x.who.FirstName + " " + x.who.LastName, StringComparer.Ordinal).ThenBy(x => x.id)
            .Select(x => x.id).ToArray());
        _byRegistration = new(() => Enumerable.Range(1, Spec.Customers)
            .OrderBy(id => _customers.Identity(id).CreatedUtc).ThenBy(id => id).ToArray());
    }

    public GenerationOptions Options { get; }
    public SizeSpec Spec { get; }
    public StoreSettings Settings { get; }
    public DateTime HistoryStartUtc { get; }
    public IReadOnlyList<SandboxProduct> Products { get; }
    public IReadOnlyList<SandboxCoupon> Coupons { get; }
    public GroundTruth GroundTruth { get; }
    public StoreSnapshot Current => _snapshot;
    public int CustomerCount => Spec.Customers;

    public SandboxOrder Order(StoreSnapshot s, int index)
    {
        var created = s.OrderCreatedUtc(index);
        var state = OrderLifecycle.At(Options.Seed, index, created, s.NowUtc);
        return _orders.Create(index, created, s.DayOf[index], s.CustomerOf[index], state);
    }

    public SandboxOrder? FindOrder(StoreSnapshot s, int orderId)
    {
        var index = OrderFactory.IndexOf(orderId);
        return index >= 0 && index < s.OrderCount ? Order(s, (int)index) : null;
    }

    /// <summary>A customer as of the snapshot; is_paying_customer is true once their first order exists.</summary>
    public SandboxCustomer Customer(StoreSnapshot s, int customerId)
        => _customers.Create(customerId, s.NowUtc, Volatile.Read(ref _firstOrderTicks[customerId - 1]) <= s.NowUtc.Ticks);

    /// <summary>Customer ids by (first name, last name, id) — WooCommerce's default "name" order. Names never change.</summary>
    public int[] CustomersByName() => _byName.Value;

    /// <summary>Customer ids by registration time, then id.</summary>
    public int[] CustomersByRegistration() => _byRegistration.Value;

    public SandboxProduct? FindProduct(int productId) => productId >= 1 && productId <= Products.Count ? Products[productId - 1] : null;

    public SandboxCoupon? FindCoupon(int couponId) => couponId >= 1 && couponId <= Coupons.Count ? Coupons[couponId - 1] : null;

    /// <summary>
    /// Moves the store clock forward whole days: that day's orders are created, and existing orders and
    /// customers whose scheduled events (payment, completion, refund, profile edit) fall in the window change,
    /// with date_modified set to when it happened.
    /// </summary>
    public ClockAdvance AdvanceDays(int days)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(days);
        lock (_clockGate)
        {
            var before = _snapshot;
            var now = before.NowUtc.AddDays(days);
            var firstNew = before.OrderCount;
            var total = (int)_demand.OrdersBefore(_daysGenerated + days);
            var created = Grow(before.CreatedTicks, total);
            var dayOf = Grow(before.DayOf, total);
            var customerOf = Grow(before.CustomerOf, total);
            FillOrders(_daysGenerated, _daysGenerated + days, created, dayOf, customerOf);
            _daysGenerated += days;

            var modified = new long[Math.Max(total, created.Length)];
            Array.Copy(before.OrderModifiedTicks, modified, before.OrderCount);
            var activeFrom = before.NowUtc - OrderLifecycle.MaxActiveSpan;
            var firstActive = FirstCreatedAtOrAfter(before, activeFrom);
            for (var i = firstActive; i < total; i++)
                modified[i] = OrderLifecycle.At(Options.Seed, i, new DateTime(created[i], DateTimeKind.Utc), now).ModifiedUtc.Ticks;

            var customerModified = CustomerModified(now);
            var next = new StoreSnapshot(now, total, created, dayOf, customerOf, modified, customerModified);
            _snapshot = next;

            var changedOrders = new List<int>();
            for (var i = firstActive; i < total; i++)
                if (i >= firstNew || modified[i] != before.OrderModifiedTicks[i]) changedOrders.Add(OrderFactory.OrderId(i));
            var changedCustomers = new List<int>();
            for (var c = 0; c < customerModified.Length; c++)
                if (customerModified[c] != before.CustomerModifiedTicks[c]) changedCustomers.Add(c + 1);
            return new ClockAdvance(before.NowUtc, now, total - firstNew, changedOrders, changedCustomers);
        }
    }

    private StoreSnapshot BuildInitialSnapshot()
    {
        var now = Options.StartDayUtc;
        _daysGenerated = Spec.HistoryDays;
        var total = (int)_demand.OrdersBefore(_daysGenerated);
        var created = new long[total];
        var dayOf = new int[total];
        var customerOf = new int[total];
        FillOrders(0, _daysGenerated, created, dayOf, customerOf);
        var modified = new long[total];
        for (var i = 0; i < total; i++)
            modified[i] = OrderLifecycle.At(Options.Seed, i, new DateTime(created[i], DateTimeKind.Utc), now).ModifiedUtc.Ticks;
        return new StoreSnapshot(now, total, created, dayOf, customerOf, modified, CustomerModified(now));
    }

    private void FillOrders(int fromDay, int toDay, long[] created, int[] dayOf, int[] customerOf)
    {
        for (var d = fromDay; d < toDay; d++)
        {
            var first = _demand.OrdersBefore(d);
            var count = (int)(_demand.OrdersBefore(d + 1) - first);
            for (var pos = 0; pos < count; pos++)
            {
                var i = first + pos;
                created[i] = _demand.CreatedUtc(i, d, pos, count).Ticks;
                dayOf[i] = d;
                var customer = customerOf[i] = _population.Assign(i, d);
                if (customer > 0 && created[i] < _firstOrderTicks[customer - 1]) Volatile.Write(ref _firstOrderTicks[customer - 1], created[i]);
            }
        }
    }

    private long[] CustomerModified(DateTime now)
    {
        var result = new long[Spec.Customers];
        for (var c = 0; c < result.Length; c++) result[c] = _customers.ModifiedUtc(c + 1, now).Ticks;
        return result;
    }

    private static int FirstCreatedAtOrAfter(StoreSnapshot s, DateTime at)
    {
        var k = Array.BinarySearch(s.CreatedTicks, 0, s.OrderCount, at.Ticks);
        return k < 0 ? ~k : k;
    }

    private static T[] Grow<T>(T[] array, int length)
    {
        if (array.Length >= length) return array;
        var grown = new T[Math.Max(length, array.Length + array.Length / 4)];
        Array.Copy(array, grown, array.Length);
        return grown;
    }

    private IEnumerable<int> IdsOf(SandboxEntity entity)
    {
        switch (entity)
        {
            case SandboxEntity.Customer: return Enumerable.Range(1, Spec.Customers);
            case SandboxEntity.Product: return Enumerable.Range(1, Products.Count);
            default:
                var count = _snapshot.OrderCount;
                return Enumerable.Range(0, count).Select(i => OrderFactory.OrderId(i));
        }
    }
}
