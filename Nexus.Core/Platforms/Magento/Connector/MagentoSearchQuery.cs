using System.Globalization;
using System.Text;

namespace Nexus.Core.Platforms.Magento.Connector;

/// <summary>
/// searchCriteria query strings. Always sorted (unsorted paging can duplicate or skip rows, magento2 issue 25001):
/// entity_id ascending, or for incremental reads updated_at ascending then entity_id, filtered with updated_at gteq
/// (not gt: rows sharing the boundary second must not be missed; the sync already subtracted its overlap).
/// </summary>
public static class MagentoSearchQuery
{
    public static string Page(int pageSize, int page, DateTimeOffset? modifiedAfter)
    {
        var query = new StringBuilder();
        Paging(query, pageSize, page);
        if (modifiedAfter is { } after)
        {
            Filter(query, 0, "updated_at", After(after), "gteq");
            Sort(query, 0, "updated_at");
            Sort(query, 1, "entity_id");
        }
        else
        {
            Sort(query, 0, "entity_id");
        }
        return query.ToString();
    }

    /// <summary>Credit memos of some orders: order_id in (…).</summary>
    public static string OfOrders(IEnumerable<string> orderIds, int pageSize, int page)
    {
        var query = new StringBuilder();
        Paging(query, pageSize, page);
        Filter(query, 0, "order_id", string.Join(",", orderIds), "in");
        Sort(query, 0, "entity_id");
        return query.ToString();
    }

    /// <summary>Magento's own date format; its dates are UTC.</summary>
    public static string After(DateTimeOffset after) => after.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);

    private static void Paging(StringBuilder q, int pageSize, int page) =>
        q.Append(CultureInfo.InvariantCulture, $"searchCriteria[pageSize]={pageSize}&searchCriteria[currentPage]={page}");

    private static void Filter(StringBuilder q, int group, string field, string value, string condition) =>
        q.Append(CultureInfo.InvariantCulture, $"&searchCriteria[filter_groups][{group}][filters][0][field]={field}")
         .Append(CultureInfo.InvariantCulture, $"&searchCriteria[filter_groups][{group}][filters][0][value]={Uri.EscapeDataString(value)}")
         .Append(CultureInfo.InvariantCulture, $"&searchCriteria[filter_groups][{group}][filters][0][condition_type]={condition}");

    private static void Sort(StringBuilder q, int index, string field) =>
        q.Append(CultureInfo.InvariantCulture, $"&searchCriteria[sortOrders][{index}][field]={field}&searchCriteria[sortOrders][{index}][direction]=ASC");
}
