using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text.Json;
using Nexus.Core.Platforms.Sandbox.Generation;

namespace Nexus.Web.Sandbox.Magento;

public enum MagentoFieldType { Integer, Text, Date }

/// <summary>
/// A searchable collection: its records' keys in entity_id order, the filterable/sortable fields with their types, how
/// to read a field of a record, and how to write one. <see cref="Search"/> applies searchCriteria the way Magento's
/// collections do: groups AND-ed, filters in a group OR-ed, SQL semantics for nulls, sorts in the order given
/// (ties broken by entity_id ascending so pages are a stable partition).
/// </summary>
public sealed class MagentoCollection(
    IReadOnlyList<int> keysById, IReadOnlyDictionary<string, MagentoFieldType> fields, Func<int, string, object?> value, Action<Utf8JsonWriter, int> write)
{
    public Action<Utf8JsonWriter, int> Write => write;

    /// <summary>The matching keys in result order; null when a filter or sort names a field the collection does not have.</summary>
    public IReadOnlyList<int>? Search(MagentoSearchCriteria criteria)
    {
        if (criteria.FilterGroups.SelectMany(g => g).Select(f => f.Field).Concat(criteria.SortOrders.Select(s => s.Field)).Any(f => !fields.ContainsKey(f)))
            return null;

        IReadOnlyList<int> keys = keysById;
        if (criteria.FilterGroups.Count > 0)
            keys = keys.Where(k => criteria.FilterGroups.All(g => g.Count == 0 || g.Any(f => Matches(k, f)))).ToArray();
        var sorts = criteria.SortOrders.Where(s => !(s.Field is "entity_id" or "id" && !s.Descending && criteria.SortOrders.Count == 1)).ToArray();
        if (sorts.Length == 0) return keys;

        IOrderedEnumerable<int>? ordered = null;
        foreach (var s in sorts)
        {
            Func<int, object?> key = k => value(k, s.Field);
            ordered = ordered is null
                ? s.Descending ? keys.OrderByDescending(key, Comparer) : keys.OrderBy(key, Comparer)
                : s.Descending ? ordered.ThenByDescending(key, Comparer) : ordered.ThenBy(key, Comparer);
        }
        return ordered!.ThenBy(k => k).ToArray();
    }

    private bool Matches(int key, MagentoFilter f)
    {
        var type = fields[f.Field];
        var actual = value(key, f.Field);
        switch (f.Condition)
        {
            case "in":
            case "nin":
                var list = f.Value.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).Select(v => Parse(v, type)).ToArray();
                var contains = actual is not null && list.Any(v => v is not null && Comparer.Compare(actual, v) == 0);
                return actual is not null && (f.Condition == "in" ? contains : !contains);
            case "like":
                return actual is not null && Like(Convert.ToString(actual, CultureInfo.InvariantCulture)!, f.Value);
        }
        var expected = Parse(f.Value, type);
        if (actual is null || expected is null) return false; // SQL: NULL compares to nothing
        var c = Comparer.Compare(actual, expected);
        return f.Condition switch
        {
            "eq" => c == 0,
            "neq" => c != 0,
            "gt" => c > 0,
            "gteq" or "from" => c >= 0,
            "lt" => c < 0,
            "lteq" or "to" => c <= 0,
            _ => false,
        };
    }

    private static object? Parse(string raw, MagentoFieldType type) => type switch
    {
        MagentoFieldType.Integer => long.TryParse(raw, NumberStyles.Integer, CultureInfo.InvariantCulture, out var l) ? l : null,
        MagentoFieldType.Date => MagentoJson.TryParseDate(raw, out var d) ? d : null,
        _ => raw,
    };

    private static bool Like(string text, string pattern)
    {
        var parts = pattern.Split('%');
        if (parts.Length == 1) return string.Equals(text, pattern, StringComparison.OrdinalIgnoreCase);
        var position = 0;
        for (var k = 0; k < parts.Length; k++)
        {
            if (parts[k].Length == 0) continue;
            var at = text.IndexOf(parts[k], position, StringComparison.OrdinalIgnoreCase);
            if (at < 0 || (k == 0 && at != 0)) return false;
            position = at + parts[k].Length;
        }
        return parts[^1].Length == 0 || text.EndsWith(parts[^1], StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>Nulls first (MySQL's ascending order), then values of the same type; text compares ordinally ignoring case like utf8 general collations.</summary>
    private static readonly Comparer<object?> Comparer = Comparer<object?>.Create((a, b) => (a, b) switch
    {
        (null, null) => 0,
        (null, _) => -1,
        (_, null) => 1,
        (string x, string y) => string.Compare(x, y, StringComparison.OrdinalIgnoreCase),
        (IComparable x, _) => x.CompareTo(b),
        _ => 0,
    });
}

/// <summary>The Magento collections over one store snapshot.</summary>
public static class MagentoCollections
{
    private static readonly ConditionalWeakTable<StoreSnapshot, (int Index, SandboxRefund Refund)[]> RefundIndex = new();

    public static MagentoCollection Orders(SandboxStore store, StoreSnapshot s, MagentoWriteContext ctx)
    {
        var built = new Dictionary<int, SandboxOrder>();
        SandboxOrder Order(int i) => built.TryGetValue(i, out var o) ? o : built[i] = store.Order(s, i);
        var fields = new Dictionary<string, MagentoFieldType>(StringComparer.Ordinal)
        {
            ["entity_id"] = MagentoFieldType.Integer, ["increment_id"] = MagentoFieldType.Text, ["created_at"] = MagentoFieldType.Date,
            ["updated_at"] = MagentoFieldType.Date, ["status"] = MagentoFieldType.Text, ["state"] = MagentoFieldType.Text,
            ["customer_id"] = MagentoFieldType.Integer, ["customer_email"] = MagentoFieldType.Text,
        };
        return new MagentoCollection(new Range(0, s.OrderCount), fields, (i, field) => field switch
        {
            "entity_id" => (long)OrderFactory.OrderId(i),
            "increment_id" => MagentoOrderWriter.IncrementId(OrderFactory.OrderId(i)),
            "updated_at" => MagentoJson.Seconds(s.OrderModifiedUtc(i)),
            "created_at" => Order(i).CreatedUtc is { } c ? MagentoJson.Seconds(c) : null,
            "status" => MagentoOrderWriter.StateAndStatus(Order(i).Status).Status,
            "state" => MagentoOrderWriter.StateAndStatus(Order(i).Status).State,
            "customer_id" => s.CustomerOf[i] == 0 ? null : (long)s.CustomerOf[i],
            "customer_email" => Order(i).Billing.Email,
            _ => null,
        }, (w, i) => MagentoOrderWriter.WriteOrder(w, Order(i), ctx));
    }

    public static MagentoCollection Customers(SandboxStore store, StoreSnapshot s)
    {
        var fields = new Dictionary<string, MagentoFieldType>(StringComparer.Ordinal)
        {
            ["entity_id"] = MagentoFieldType.Integer, ["id"] = MagentoFieldType.Integer, ["email"] = MagentoFieldType.Text,
            ["firstname"] = MagentoFieldType.Text, ["lastname"] = MagentoFieldType.Text,
            ["created_at"] = MagentoFieldType.Date, ["updated_at"] = MagentoFieldType.Date,
        };
        return new MagentoCollection(new Range(1, store.CustomerCount), fields, (id, field) => field switch
        {
            "entity_id" or "id" => (long)id,
            "email" => store.Customer(s, id).Email,
            "firstname" => store.Customer(s, id).FirstName,
            "lastname" => store.Customer(s, id).LastName,
            "created_at" => MagentoJson.Seconds(store.Customer(s, id).CreatedUtc),
            "updated_at" => MagentoJson.Seconds(s.CustomerModifiedUtc(id)),
            _ => null,
        }, (w, id) => MagentoCatalogWriter.WriteCustomer(w, store.Customer(s, id)));
    }

    public static MagentoCollection Products(MagentoWriteContext ctx)
    {
        var products = ctx.Catalog.Products;
        var fields = new Dictionary<string, MagentoFieldType>(StringComparer.Ordinal)
        {
            ["entity_id"] = MagentoFieldType.Integer, ["id"] = MagentoFieldType.Integer, ["sku"] = MagentoFieldType.Text, ["name"] = MagentoFieldType.Text,
            ["type_id"] = MagentoFieldType.Text, ["created_at"] = MagentoFieldType.Date, ["updated_at"] = MagentoFieldType.Date,
        };
        return new MagentoCollection(new Range(0, products.Count), fields, (k, field) => field switch
        {
            "entity_id" or "id" => (long)products[k].Id,
            "sku" => products[k].Sku,
            "name" => products[k].Name,
            "type_id" => products[k].Kind switch
            {
                MagentoProductKind.Configurable => "configurable", MagentoProductKind.Bundle => "bundle", MagentoProductKind.Grouped => "grouped", _ => "simple",
            },
            "created_at" => MagentoJson.Seconds(products[k].CreatedUtc),
            "updated_at" => MagentoJson.Seconds(products[k].ModifiedUtc),
            _ => null,
        }, (w, k) => MagentoCatalogWriter.WriteProduct(w, products[k], ctx));
    }

    /// <summary>Every refund of the snapshot as a credit memo, in entity_id order (refund ids rise with the order index).</summary>
    public static MagentoCollection CreditMemos(SandboxStore store, StoreSnapshot s, MagentoWriteContext ctx)
    {
        var memos = RefundIndex.GetValue(s, snapshot => BuildRefundIndex(store, snapshot));
        var fields = new Dictionary<string, MagentoFieldType>(StringComparer.Ordinal)
        {
            ["entity_id"] = MagentoFieldType.Integer, ["order_id"] = MagentoFieldType.Integer,
            ["created_at"] = MagentoFieldType.Date, ["updated_at"] = MagentoFieldType.Date,
        };
        return new MagentoCollection(new Range(0, memos.Length), fields, (k, field) => field switch
        {
            "entity_id" => (long)memos[k].Refund.Id,
            "order_id" => (long)memos[k].Refund.OrderId,
            "created_at" or "updated_at" => MagentoJson.Seconds(memos[k].Refund.CreatedUtc),
            _ => null,
        }, (w, k) => MagentoOrderWriter.WriteCreditMemo(w, store.Order(s, memos[k].Index), memos[k].Refund, ctx));
    }

    private static (int Index, SandboxRefund Refund)[] BuildRefundIndex(SandboxStore store, StoreSnapshot s)
    {
        var result = new List<(int, SandboxRefund)>();
        for (var i = 0; i < s.OrderCount; i++)
        {
            // The lifecycle says whether a refund happened without building the order.
            if (OrderLifecycle.At(store.Options.Seed, i, s.OrderCreatedUtc(i), s.NowUtc).RefundUtc is null) continue;
            foreach (var r in store.Order(s, i).Refunds) result.Add((i, r));
        }
        return result.ToArray();
    }

    /// <summary>first..first+count-1 without allocating the list.</summary>
    private sealed class Range(int first, int count) : IReadOnlyList<int>
    {
        public int Count => count;
        public int this[int index] => first + index;
        public IEnumerator<int> GetEnumerator()
        {
            for (var k = 0; k < count; k++) yield return first + k;
        }
        System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();
    }
}
