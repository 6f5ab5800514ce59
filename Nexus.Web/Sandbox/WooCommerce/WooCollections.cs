using System.Text.Json;
using Nexus.Core.Platforms.Sandbox.Generation;

namespace Nexus.Web.Sandbox.WooCommerce;

/// <summary>A list response before paging: the matching keys in order, and how to write one of them.</summary>
public sealed record WooCollection(IReadOnlyList<int> Keys, Action<Utf8JsonWriter, int> WriteItem);

/// <summary>
/// Filters and orders each collection the way WooCommerce does. Orders sorted by id/date without filters are
/// a virtual index range, so paging a 1M-order store costs only the page; everything else sorts keys.
/// Ties always break on id in the requested direction, so pages are a stable partition.
/// </summary>
public static class WooCollections
{
    public static readonly string[] OrderSorts = ["date", "id", "modified"];
    public static readonly string[] ProductSorts = ["date", "id", "modified", "title", "slug"];
    public static readonly string[] CustomerSorts = ["name", "id", "registered_date"];
    public static readonly string[] SimpleSorts = ["date", "id"];

    public static WooCollection Orders(SandboxStore store, StoreSnapshot s, WooListQuery q, WooWriteContext ctx)
    {
        IReadOnlyList<int> keys;
        if (q.OrderBy == "modified")
            keys = Direction(s.OrdersByModified().Where(i => q.InModifiedWindow(s.OrderModifiedUtc(i))).ToArray(), q.Descending);
        else if (q.ModifiedAfterUtc is null && q.ModifiedBeforeUtc is null)
            keys = new IndexRange(s.OrderCount, q.Descending); // ids and true creation times rise together
        else
            keys = Direction(Enumerable.Range(0, s.OrderCount).Where(i => q.InModifiedWindow(s.OrderModifiedUtc(i))).ToArray(), q.Descending);

        // Status, customer and date filters look at the served order (defects included), so build them.
        if (q.Statuses is not null || q.Customer is not null || q.AfterUtc is not null || q.BeforeUtc is not null)
            keys = keys.Where(i =>
            {
                var o = store.Order(s, i);
                return (q.Statuses is null || q.Statuses.Contains(o.Status)) && (q.Customer is null || q.Customer == o.CustomerId)
                       && q.InCreatedWindow(o.CreatedUtc);
            }).ToArray();
        return new WooCollection(keys, (w, i) => WooOrderWriter.WriteOrder(w, store.Order(s, i), ctx));
    }

    public static WooCollection Customers(SandboxStore store, StoreSnapshot s, WooListQuery q, WooWriteContext ctx)
    {
        // WooCommerce's customers endpoint has no date filters; like WordPress, unknown parameters are ignored.
        IReadOnlyList<int> keys = q.OrderBy switch
        {
            "id" => new IndexRange(store.CustomerCount, q.Descending, first: 1),
            "registered_date" => Direction(store.CustomersByRegistration(), q.Descending),
            _ => Direction(store.CustomersByName(), q.Descending),
        };
        return new WooCollection(keys, (w, id) => WooCatalogWriter.WriteCustomer(w, store.Customer(s, id), ctx));
    }

    public static WooCollection Products(SandboxStore store, WooListQuery q, WooWriteContext ctx)
    {
        var matching = store.Products.Where(p => q.InModifiedWindow(p.ModifiedUtc) && q.InCreatedWindow(p.CreatedUtc));
        var keys = Sort(matching, p => p.Id, q, p => q.OrderBy switch
        {
            "id" => (IComparable)p.Id,
            "modified" => p.ModifiedUtc,
            "title" => p.Name,
            "slug" => p.Slug,
            _ => p.CreatedUtc,
        });
        return new WooCollection(keys, (w, id) => WooCatalogWriter.WriteProduct(w, store.Products[id - 1], store.Products, ctx));
    }

    public static WooCollection Variations(SandboxProduct parent, WooListQuery q, WooWriteContext ctx)
    {
        var byId = parent.Variations.ToDictionary(v => v.Id);
        var keys = Sort(parent.Variations.Where(v => q.InModifiedWindow(v.ModifiedUtc)), v => v.Id, q,
            v => q.OrderBy == "id" ? v.Id : v.CreatedUtc);
        return new WooCollection(keys, (w, id) => WooCatalogWriter.WriteVariation(w, parent, byId[id], ctx));
    }

    public static WooCollection Coupons(SandboxStore store, WooListQuery q, WooWriteContext ctx)
    {
        var keys = Sort(store.Coupons.Where(c => q.InModifiedWindow(c.CreatedUtc)), c => c.Id, q,
            c => q.OrderBy == "id" ? c.Id : c.CreatedUtc);
        return new WooCollection(keys, (w, id) => WooCatalogWriter.WriteCoupon(w, store.Coupons[id - 1], ctx));
    }

    public static WooCollection Refunds(SandboxOrder order, WooListQuery q, WooWriteContext ctx)
    {
        var byId = order.Refunds.ToDictionary(r => r.Id);
        var keys = Sort(order.Refunds, r => r.Id, q, r => q.OrderBy == "id" ? r.Id : r.CreatedUtc);
        return new WooCollection(keys, (w, id) => WooOrderWriter.WriteRefund(w, byId[id], ctx));
    }

    private static int[] Sort<T>(IEnumerable<T> items, Func<T, int> id, WooListQuery q, Func<T, IComparable> key)
    {
        var ordered = q.Descending
            ? items.OrderByDescending(key).ThenByDescending(id)
            : items.OrderBy(key).ThenBy(id);
        return ordered.Select(id).ToArray();
    }

    private static IReadOnlyList<int> Direction(int[] ascending, bool descending)
    {
        if (!descending) return ascending;
        var copy = (int[])ascending.Clone();
        Array.Reverse(copy);
        return copy;
    }

    /// <summary>first..first+count-1 (or reversed) without allocating the list.</summary>
    private sealed class IndexRange(int count, bool descending, int first = 0) : IReadOnlyList<int>
    {
        public int Count => count;
        public int this[int index] => descending ? first + count - 1 - index : first + index;
        public IEnumerator<int> GetEnumerator()
        {
            for (var k = 0; k < count; k++) yield return this[k];
        }
        System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();
    }
}
