using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http;

namespace Nexus.Web.Sandbox.Magento;

/// <summary>One <c>searchCriteria[filter_groups][g][filters][f]</c>: field, value, condition_type (default eq).</summary>
public sealed record MagentoFilter(string Field, string Value, string Condition);

public sealed record MagentoSortOrder(string Field, bool Descending);

/// <summary>
/// <c>searchCriteria</c> as Magento's REST layer reads it from the query string: filters inside a group are OR-ed,
/// groups are AND-ed; sortOrders apply in order; no pageSize means every match; currentPage defaults to 1. Keys are
/// accepted in snake_case and camelCase (<c>filter_groups</c> / <c>filterGroups</c>), as Magento's converter does.
/// </summary>
public sealed partial record MagentoSearchCriteria(
    IReadOnlyList<IReadOnlyList<MagentoFilter>> FilterGroups, IReadOnlyList<MagentoSortOrder> SortOrders, int? PageSize, int? CurrentPage)
{
    public static readonly string[] Conditions = ["eq", "neq", "gt", "gteq", "lt", "lteq", "from", "to", "in", "nin", "like"];

    /// <summary>Parses; null + error when a value is malformed. <paramref name="present"/> is false when no searchCriteria key was sent at all.</summary>
    public static MagentoError? TryParse(IQueryCollection query, out MagentoSearchCriteria criteria, out bool present)
    {
        criteria = new MagentoSearchCriteria([], [], null, null);
        present = false;
        var groups = new SortedDictionary<int, SortedDictionary<int, Dictionary<string, string>>>();
        var sorts = new SortedDictionary<int, Dictionary<string, string>>();
        int? pageSize = null, currentPage = null;
        foreach (var (key, values) in query)
        {
            if (!key.StartsWith("searchCriteria", StringComparison.Ordinal)) continue;
            present = true;
            var value = values.ToString();
            var parts = Brackets().Matches(key).Select(m => m.Groups[1].Value.Replace("_", "").ToLowerInvariant()).ToArray();
            switch (parts)
            {
                case ["pagesize"]:
                    if (!int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var size)) return MagentoError.InvalidType(value, "int");
                    pageSize = size > 0 ? size : null;
                    break;
                case ["currentpage"]:
                    if (!int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var page)) return MagentoError.InvalidType(value, "int");
                    currentPage = Math.Max(1, page);
                    break;
                case ["filtergroups", var g, "filters", var f, var name] when Index(g) is { } gi && Index(f) is { } fi:
                    if (!groups.TryGetValue(gi, out var filters)) groups[gi] = filters = [];
                    if (!filters.TryGetValue(fi, out var filter)) filters[fi] = filter = new Dictionary<string, string>(StringComparer.Ordinal);
                    filter[name] = value;
                    break;
                case ["sortorders", var k, var name] when Index(k) is { } ki:
                    if (!sorts.TryGetValue(ki, out var sort)) sorts[ki] = sort = new Dictionary<string, string>(StringComparer.Ordinal);
                    sort[name] = value;
                    break;
            }
        }

        var parsedGroups = new List<IReadOnlyList<MagentoFilter>>();
        foreach (var filters in groups.Values)
        {
            var group = new List<MagentoFilter>();
            foreach (var f in filters.Values)
            {
                if (!f.TryGetValue("field", out var field) || field.Length == 0) return MagentoError.Required("field");
                var condition = f.GetValueOrDefault("conditiontype") is { Length: > 0 } c ? c.ToLowerInvariant() : "eq";
                if (!Conditions.Contains(condition)) return MagentoError.Internal(); // Magento fails deep in the collection
                group.Add(new MagentoFilter(field, f.GetValueOrDefault("value") ?? "", condition));
            }
            parsedGroups.Add(group);
        }
        var parsedSorts = new List<MagentoSortOrder>();
        foreach (var s in sorts.Values)
        {
            if (!s.TryGetValue("field", out var field) || field.Length == 0) continue;
            parsedSorts.Add(new MagentoSortOrder(field, string.Equals(s.GetValueOrDefault("direction"), "DESC", StringComparison.OrdinalIgnoreCase)));
        }
        criteria = new MagentoSearchCriteria(parsedGroups, parsedSorts, pageSize, currentPage);
        return null;
    }

    private static int? Index(string s) => int.TryParse(s, NumberStyles.None, CultureInfo.InvariantCulture, out var i) ? i : null;

    [GeneratedRegex(@"\[([^\]]*)\]")]
    private static partial Regex Brackets();
}
